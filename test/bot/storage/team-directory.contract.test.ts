import assert from 'node:assert/strict';
import type { Team } from '../../../rules/teams/team';
import type { TeamDirectoryRepository } from '../../../rules/teams/team-directory.repository';
import { storedBackends } from '../../support/contract-store';
import { InMemoryTeamDirectory } from '../../support/in-memory-team-directory';

interface Subject {
  directory: TeamDirectoryRepository;
  close(): Promise<void>;
}

const subjects: [string, () => Promise<Subject>][] = [
  [
    'in-memory (test double)',
    () => Promise.resolve({ directory: new InMemoryTeamDirectory(), close: () => Promise.resolve() }),
  ],
  ...storedBackends('teams').map(([name, open]): [string, () => Promise<Subject>] => [
    name,
    async () => {
      const { repositories, close } = await open();
      return { directory: repositories.teamDirectory, close };
    },
  ]),
];

function team(teamId: string, overrides: Partial<Team> = {}): Team {
  return {
    teamId,
    tenantId: 'tenant-1',
    aadGroupId: `g-${teamId}`,
    name: `Team ${teamId}`,
    serviceUrl: 'https://smba.example/emea/',
    installedBy: 'owner-1',
    installedAt: '2026-12-07T08:00:00.000Z',
    coLeaders: [],
    ...overrides,
  };
}

for (const [name, open] of subjects) {
  describe(`team directory contract: ${name}`, function () {
    this.timeout(30_000);
    let subject: Subject;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());

    it('when a team is created twice, then the second create is refused and the first kept', async () => {
      assert.equal(await subject.directory.saveTeam(team('t1')), true);
      assert.equal(await subject.directory.saveTeam(team('t1', { name: 'Other' })), false);
      assert.equal((await subject.directory.getTeam('t1'))?.value.name, 'Team t1');
    });

    it('when a team is replaced with a stale etag, then it is refused; with the current one it is saved', async () => {
      await subject.directory.saveTeam(team('t1'));
      const first = await subject.directory.getTeam('t1');
      assert.ok(first);
      assert.equal(await subject.directory.saveTeam({ ...first.value, coLeaders: ['a'] }, first.etag), true);
      assert.equal(await subject.directory.saveTeam({ ...first.value, coLeaders: ['b'] }, first.etag), false);
      const stored = await subject.directory.getTeam('t1');
      assert.deepEqual(stored?.value, { ...team('t1'), coLeaders: ['a'] });
    });

    it('when rosters are saved, then a person is found in exactly the teams that list them', async () => {
      const at = '2026-12-07T08:00:00.000Z';
      const member = (userId: string) => ({ userId, accountId: `29:${userId}`, name: userId });
      await subject.directory.saveRoster({ teamId: 't1', members: [member('a'), member('b')], refreshedAt: at });
      await subject.directory.saveRoster({ teamId: 't2', members: [member('b')], refreshedAt: at });
      assert.deepEqual((await subject.directory.teamsOf('b')).sort(), ['t1', 't2']);
      assert.deepEqual(await subject.directory.teamsOf('a'), ['t1']);
      assert.deepEqual(await subject.directory.teamsOf('c'), []);
      await subject.directory.saveRoster({ teamId: 't1', members: [member('a')], refreshedAt: at });
      assert.deepEqual(await subject.directory.teamsOf('b'), ['t2']);
      assert.deepEqual(await subject.directory.roster('t1'), { teamId: 't1', members: [member('a')], refreshedAt: at });
    });

    it('when a person chooses a team, then the choice is kept per tenant and can be changed', async () => {
      assert.equal(await subject.directory.chosenTeam('tenant-1', 'a'), undefined);
      await subject.directory.chooseTeam('tenant-1', 'a', 't1');
      await subject.directory.chooseTeam('tenant-1', 'a', 't2');
      assert.equal(await subject.directory.chosenTeam('tenant-1', 'a'), 't2');
      assert.equal(await subject.directory.chosenTeam('tenant-2', 'a'), undefined);
    });
  });
}
