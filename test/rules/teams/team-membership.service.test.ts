import assert from 'node:assert/strict';
import type { Team, TeamMember } from '../../../rules/teams/team';
import { TeamMembershipService, type InstalledTeam } from '../../../rules/teams/team-membership.service';
import { InMemoryAuditTrail } from '../../support/in-memory.repositories';
import { InMemoryTeamDirectory } from '../../support/in-memory-team-directory';

const TENANT = 'tenant-1';
const JOBKLAR: InstalledTeam = {
  teamId: '19:jobklar@thread.tacv2',
  aadGroupId: 'g-jobklar',
  name: 'Jobklar 30+',
  serviceUrl: 'https://smba.example/emea/',
};
const UNGE: InstalledTeam = {
  teamId: '19:unge@thread.tacv2',
  aadGroupId: 'g-unge',
  name: 'Ungeteam',
  serviceUrl: 'https://smba.example/emea/',
};

const inJobklarChannel = { kind: 'channel' as const, tenantId: TENANT, team: JOBKLAR };

function member(userId: string): TeamMember {
  return { userId, accountId: `29:${userId}`, name: userId.toUpperCase() };
}

describe('team membership (spec §0)', () => {
  let now: Date;
  let directory: InMemoryTeamDirectory;
  let rosters: Map<string, TeamMember[]>;
  let owners: Map<string, string[]>;
  let rosterReads: number;
  let ownerReads: number;
  let audit: InMemoryAuditTrail;
  let service: TeamMembershipService;

  beforeEach(() => {
    now = new Date('2026-12-07T08:00:00Z');
    directory = new InMemoryTeamDirectory();
    rosters = new Map([
      [JOBKLAR.teamId, [member('leder-x'), member('cw-x'), member('both')]],
      [UNGE.teamId, [member('leder-y'), member('cw-y'), member('both')]],
    ]);
    owners = new Map([
      [JOBKLAR.teamId, ['leder-x']],
      [UNGE.teamId, ['leder-y']],
    ]);
    rosterReads = 0;
    ownerReads = 0;
    audit = new InMemoryAuditTrail();
    service = new TeamMembershipService(
      directory,
      {
        membersOf: (team: Team) => {
          rosterReads += 1;
          return Promise.resolve(structuredClone(rosters.get(team.teamId) ?? []));
        },
      },
      {
        ownersOf: (team: Team) => {
          ownerReads += 1;
          return Promise.resolve([...(owners.get(team.teamId) ?? [])]);
        },
      },
      audit,
      { now: () => now },
      { rosterMaxAgeMs: 60 * 60_000, ownersMaxAgeMs: 5 * 60_000 },
    );
  });

  async function installBoth(): Promise<void> {
    await service.installed(TENANT, JOBKLAR, 'leder-x');
    await service.installed(TENANT, UNGE, 'leder-y');
  }

  it('when the bot is installed in a team, then the team is kept with its name and Graph group, and its members are read', async () => {
    const team = await service.installed(TENANT, JOBKLAR, 'leder-x');
    assert.equal(team.name, 'Jobklar 30+');
    assert.equal(team.aadGroupId, 'g-jobklar');
    assert.equal(team.installedBy, 'leder-x');
    assert.deepEqual(
      (await service.members(JOBKLAR.teamId)).map((m) => m.userId),
      ['leder-x', 'cw-x', 'both'],
    );
  });

  it('when a person in one team writes in a personal chat, then they act for that team', async () => {
    await installBoth();
    assert.deepEqual(await service.teamForTurn('cw-x', { kind: 'chat', tenantId: TENANT }), {
      kind: 'team',
      teamId: JOBKLAR.teamId,
    });
  });

  it('when a person is in no team with the bot, then there is no team to act for', async () => {
    await installBoth();
    assert.deepEqual(await service.teamForTurn('stranger', { kind: 'chat', tenantId: TENANT }), { kind: 'none' });
  });

  it('when a person is in two teams, then they are asked once and their choice is remembered until changed', async () => {
    await installBoth();
    const first = await service.teamForTurn('both', { kind: 'chat', tenantId: TENANT });
    assert.deepEqual(first, {
      kind: 'choose',
      teams: [
        { teamId: JOBKLAR.teamId, name: 'Jobklar 30+' },
        { teamId: UNGE.teamId, name: 'Ungeteam' },
      ],
    });
    assert.equal(await service.choose(TENANT, 'both', UNGE.teamId), true);
    assert.deepEqual(await service.teamForTurn('both', { kind: 'chat', tenantId: TENANT }), {
      kind: 'team',
      teamId: UNGE.teamId,
    });
    assert.equal(await service.choose(TENANT, 'both', JOBKLAR.teamId), true);
    assert.deepEqual(await service.teamForTurn('both', { kind: 'chat', tenantId: TENANT }), {
      kind: 'team',
      teamId: JOBKLAR.teamId,
    });
  });

  it("when the same person writes from another tenant, then they do not act for this tenant's teams", async () => {
    await installBoth();
    assert.deepEqual(await service.teamForTurn('cw-x', { kind: 'chat', tenantId: 'tenant-2' }), { kind: 'none' });
    assert.equal(await service.choose('tenant-2', 'both', JOBKLAR.teamId), false);
  });

  it('when a person chooses a team they are not a member of, then the choice is refused', async () => {
    await installBoth();
    assert.equal(await service.choose(TENANT, 'cw-x', UNGE.teamId), false);
    assert.equal(await service.choose(TENANT, 'cw-x', { teamId: UNGE.teamId }), false);
    assert.equal(await directory.chosenTeam(TENANT, 'cw-x'), undefined);
  });

  it('when someone writes in a team channel they are not a member of, then they act for no team', async () => {
    await installBoth();
    const place = { kind: 'channel' as const, tenantId: TENANT, team: JOBKLAR };
    assert.deepEqual(await service.teamForTurn('cw-y', place), { kind: 'none' });
    assert.deepEqual(await service.teamForTurn('cw-x', place), { kind: 'team', teamId: JOBKLAR.teamId });
  });

  it("when a channel turn names a team Teams does not list, then it is nobody's team and nothing is kept of it", async () => {
    const unknown = { ...JOBKLAR, teamId: '19:forged@thread.tacv2' };
    const failing = new TeamMembershipService(
      directory,
      { membersOf: () => Promise.reject(new Error('404 from the connector')) },
      { ownersOf: () => Promise.resolve([]) },
      audit,
      { now: () => now },
    );
    assert.deepEqual(await failing.teamForTurn('cw-x', { kind: 'channel', tenantId: TENANT, team: unknown }), {
      kind: 'none',
    });
    assert.equal(await directory.getTeam(unknown.teamId), undefined);
  });

  it("when a channel turn comes from another tenant with a member's id, then the team is not theirs", async () => {
    await installBoth();
    assert.deepEqual(await service.teamForTurn('cw-x', { kind: 'channel', tenantId: 'tenant-2', team: JOBKLAR }), {
      kind: 'none',
    });
  });

  it('when a member is removed and the roster read again, then they lose access at once', async () => {
    await installBoth();
    rosters.set(JOBKLAR.teamId, [member('leder-x'), member('both')]);
    await service.membersChanged(JOBKLAR.teamId);
    assert.deepEqual(await service.teamForTurn('cw-x', { kind: 'chat', tenantId: TENANT }), { kind: 'none' });
    assert.deepEqual(await service.teamForTurn('cw-x', inJobklarChannel), { kind: 'none' });
  });

  it('when a member was added and the event lost, then a roster older than a minute is read again for them', async () => {
    await installBoth();
    rosters.get(JOBKLAR.teamId)?.push(member('new-cw'));
    assert.deepEqual(
      await service.teamForTurn('new-cw', inJobklarChannel),
      { kind: 'none' },
      'a fresh roster is trusted',
    );
    now = new Date(now.getTime() + 2 * 60_000);
    assert.deepEqual(await service.teamForTurn('new-cw', inJobklarChannel), { kind: 'team', teamId: JOBKLAR.teamId });
  });

  it('when a stranger writes again and again, then the roster is not read for each message', async () => {
    await installBoth();
    const before = rosterReads;
    for (let index = 0; index < 5; index += 1)
      await service.teamForTurn('stranger', { kind: 'chat', tenantId: TENANT });
    assert.equal(rosterReads, before);
  });

  it("when leaders are asked for, then they are the team's owners who are members, and nobody else", async () => {
    await installBoth();
    assert.equal(await service.isLeader(JOBKLAR.teamId, 'leder-x'), true);
    assert.equal(await service.isLeader(JOBKLAR.teamId, 'cw-x'), false);
    assert.equal(await service.isLeader(JOBKLAR.teamId, 'leder-y'), false, "another team's owner");
    assert.equal(await service.isLeader(UNGE.teamId, 'leder-x'), false);
  });

  it('when an owner is demoted in Teams, then they stop leading once the owners cache expires (minutes)', async () => {
    await installBoth();
    assert.equal(await service.isLeader(JOBKLAR.teamId, 'leder-x'), true);
    owners.set(JOBKLAR.teamId, []);
    now = new Date(now.getTime() + 60_000);
    assert.equal(await service.isLeader(JOBKLAR.teamId, 'leder-x'), true, 'still cached after a minute');
    now = new Date(now.getTime() + 5 * 60_000);
    assert.equal(await service.isLeader(JOBKLAR.teamId, 'leder-x'), false);
    assert.ok(ownerReads >= 2);
  });

  it('when an owner leaves the team, then they no longer lead it', async () => {
    await installBoth();
    rosters.set(JOBKLAR.teamId, [member('cw-x')]);
    await service.membersChanged(JOBKLAR.teamId);
    assert.equal(await service.isLeader(JOBKLAR.teamId, 'leder-x'), false);
  });

  it('when a leader names a co-leader, then the co-leader leads, it is audited, and non-members are left out', async () => {
    await installBoth();
    const outcome = await service.setCoLeaders(JOBKLAR.teamId, 'leder-x', ['cw-x', 'cw-y']);
    assert.deepEqual(outcome, { kind: 'saved', coLeaders: ['cw-x'] });
    assert.equal(await service.isLeader(JOBKLAR.teamId, 'cw-x'), true);
    assert.equal(await service.isLeader(JOBKLAR.teamId, 'cw-y'), false);
    const events = await audit.listFor(JOBKLAR.teamId, 'co-leaders');
    assert.equal(events.length, 1);
    assert.equal(events[0]?.actorId, 'leder-x');
  });

  it('when the settings card asks who leads, then owners, co-leaders and the members who could be named are told apart', async () => {
    await installBoth();
    await service.setCoLeaders(JOBKLAR.teamId, 'leder-x', ['cw-x']);
    const leadership = await service.leadershipOf(JOBKLAR.teamId);
    assert.deepEqual(
      leadership.owners.map((m) => m.userId),
      ['leder-x'],
    );
    assert.deepEqual(
      leadership.coLeaders.map((m) => m.userId),
      ['cw-x'],
    );
    assert.deepEqual(
      leadership.members.map((m) => m.userId),
      ['cw-x', 'both'],
    );
    assert.deepEqual(await service.leadershipOf('19:unknown@thread.tacv2'), { owners: [], coLeaders: [], members: [] });
  });

  it('when a member who is not a leader names co-leaders, including themselves, then nothing changes', async () => {
    await installBoth();
    assert.deepEqual(await service.setCoLeaders(JOBKLAR.teamId, 'cw-x', ['cw-x']), { kind: 'forbidden' });
    assert.deepEqual(await service.setCoLeaders(JOBKLAR.teamId, 'leder-y', ['leder-y']), { kind: 'forbidden' });
    assert.equal(await service.isLeader(JOBKLAR.teamId, 'cw-x'), false);
    assert.equal((await directory.getTeam(JOBKLAR.teamId))?.value.coLeaders.length, 0);
  });

  it('when two leaders change the co-leaders at once, then one wins and the other is told, never a merge', async () => {
    await installBoth();
    await service.setCoLeaders(JOBKLAR.teamId, 'leder-x', ['cw-x']);
    owners.set(JOBKLAR.teamId, ['leder-x', 'both']);
    now = new Date(now.getTime() + 10 * 60_000);
    const outcomes = await Promise.all([
      service.setCoLeaders(JOBKLAR.teamId, 'leder-x', []),
      service.setCoLeaders(JOBKLAR.teamId, 'both', ['cw-x', 'both']),
    ]);
    assert.deepEqual(outcomes.map((outcome) => outcome.kind).sort(), ['conflict', 'saved']);
  });

  it('when the bot is removed from a team, then nobody acts for it, and re-adding it lets members in again', async () => {
    await installBoth();
    await service.removed(JOBKLAR.teamId);
    assert.deepEqual(await service.teamForTurn('cw-x', { kind: 'chat', tenantId: TENANT }), { kind: 'none' });
    assert.equal(await service.isLeader(JOBKLAR.teamId, 'leder-x'), false);
    await service.installed(TENANT, JOBKLAR, 'cw-x');
    assert.deepEqual(await service.teamForTurn('cw-x', { kind: 'chat', tenantId: TENANT }), {
      kind: 'team',
      teamId: JOBKLAR.teamId,
    });
  });

  describe('data stored for the whole tenant before teams were real', () => {
    function withLegacy(count: number) {
      const moves: [string, string][] = [];
      const legacyService = new TeamMembershipService(
        directory,
        { membersOf: (team: Team) => Promise.resolve(structuredClone(rosters.get(team.teamId) ?? [])) },
        { ownersOf: (team: Team) => Promise.resolve([...(owners.get(team.teamId) ?? [])]) },
        audit,
        { now: () => now },
        undefined,
        {
          count: () => Promise.resolve(count),
          move: (from: string, to: string) => {
            moves.push([from, to]);
            return Promise.resolve({ moved: count, kept: 0 });
          },
        },
      );
      return { legacyService, moves };
    }

    it("when the tenant has exactly one team, then the tenant's data moves to it", async () => {
      await service.installed(TENANT, JOBKLAR, 'leder-x');
      const { legacyService, moves } = withLegacy(7);
      assert.deepEqual(await legacyService.adoptTenantData(TENANT), { moved: 7, kept: 0 });
      assert.deepEqual(moves, [[`tenant:${TENANT}`, JOBKLAR.teamId]]);
    });

    it('when the tenant has several teams, then nothing moves (it is kept for a leader to take over)', async () => {
      await installBoth();
      const { legacyService, moves } = withLegacy(7);
      assert.equal(await legacyService.adoptTenantData(TENANT), 'several-teams');
      assert.deepEqual(moves, []);
    });

    it('when a leader of one of several teams takes the data over, then it moves to their team and it is audited', async () => {
      await installBoth();
      const { legacyService, moves } = withLegacy(4);
      assert.equal(await legacyService.tenantDataLeft(UNGE.teamId), 4);
      assert.deepEqual(await legacyService.takeOverTenantData(UNGE.teamId, 'leder-y'), {
        kind: 'moved',
        moved: 4,
        kept: 0,
      });
      assert.deepEqual(moves, [[`tenant:${TENANT}`, UNGE.teamId]]);
      const events = await audit.listFor(UNGE.teamId, 'tenant-data');
      assert.equal(events[0]?.actorId, 'leder-y');
    });

    it('when a member who is not a leader asks to take the data over, then nothing moves', async () => {
      await installBoth();
      const { legacyService, moves } = withLegacy(4);
      assert.deepEqual(await legacyService.takeOverTenantData(UNGE.teamId, 'cw-y'), { kind: 'forbidden' });
      assert.deepEqual(await legacyService.takeOverTenantData(UNGE.teamId, 'leder-x'), { kind: 'forbidden' });
      assert.deepEqual(moves, []);
    });

    it('when there is nothing stored for the tenant, then nothing happens', async () => {
      await service.installed(TENANT, JOBKLAR, 'leder-x');
      const { legacyService, moves } = withLegacy(0);
      assert.equal(await legacyService.adoptTenantData(TENANT), 'none');
      assert.deepEqual(moves, []);
    });
  });
});
