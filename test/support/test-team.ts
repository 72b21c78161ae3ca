import assert from 'node:assert/strict';
import type { Team, TeamMember } from '../../rules/teams/team';
import { TeamMembershipService } from '../../rules/teams/team-membership.service';
import type { Clock } from '../../rules/shared/clock';
import { installActivity, type TeamsUser } from './activities';
import type { FakeConnector, RosterMember } from './fake-connector';
import { InMemoryAuditTrail } from './in-memory.repositories';
import { InMemoryTeamDirectory } from './in-memory-team-directory';
import { postActivity } from './running-bot';

/** The Teams team the tests' people work in (the team's General channel has the team's id). */
export const TEST_TEAM = { id: '19:jobklar-test@thread.tacv2', name: 'Jobklar 30+' } as const;

/** How the stand-in connector lists a person (the Entra object id is the id when a test gives none). */
export function rosterMember(user: TeamsUser): RosterMember {
  return { id: user.id, aadObjectId: user.aadObjectId ?? user.id, name: user.name ?? user.id };
}

/**
 * Adds the bot to a team the way Teams does: the stand-in connector lists the team's members, and the
 * install event comes from `installer` in the team's channel (locally the installer owns the team).
 * Afterwards every member acts for the team from their personal chat.
 */
export async function joinTeam(
  baseUrl: string,
  connector: FakeConnector,
  installer: TeamsUser,
  members: readonly TeamsUser[],
  options: { teamId?: string; tenantId?: string; teamName?: string } = {},
): Promise<void> {
  const teamId = options.teamId ?? TEST_TEAM.id;
  connector.rosters.set(teamId, [installer, ...members].map(rosterMember));
  connector.teams.set(teamId, {
    name: options.teamName ?? (teamId === TEST_TEAM.id ? TEST_TEAM.name : teamId),
    aadGroupId: `group-${teamId}`,
  });
  const { status, json } = await postActivity(
    baseUrl,
    installActivity('add', {
      user: installer,
      conversationType: 'channel',
      conversationId: teamId,
      teamId,
      serviceUrl: connector.url,
      ...(options.tenantId === undefined ? {} : { tenantId: options.tenantId }),
    }),
  );
  assert.equal(status, 200, `installing the bot in the team: ${JSON.stringify(json)}`);
}

/** Several teams of one tenant, each installed by its leader (its owner) with its members (user ids). */
export async function joinTeams(
  baseUrl: string,
  connector: FakeConnector,
  tenantId: string,
  teams: readonly { id: string; leader: string; members: readonly string[] }[],
): Promise<void> {
  for (const team of teams) {
    const members = team.members.map((id) => ({ id }));
    await joinTeam(baseUrl, connector, { id: team.leader }, members, { teamId: team.id, tenantId });
  }
}

/**
 * A team held in memory for tests of the bot without HTTP (TestAdapter): `members` are on its roster,
 * `owners` lead it.
 */
export function inMemoryTeam(
  clock: Clock,
  members: readonly string[],
  owners: readonly string[] = [],
  tenantId = 'local',
): { membership: TeamMembershipService; directory: InMemoryTeamDirectory } {
  const directory = new InMemoryTeamDirectory();
  const roster: TeamMember[] = members.map((userId) => ({ userId, accountId: userId, name: userId }));
  const team: Team = {
    teamId: TEST_TEAM.id,
    tenantId,
    aadGroupId: undefined,
    name: TEST_TEAM.name,
    serviceUrl: undefined,
    installedBy: owners[0],
    installedAt: clock.now().toISOString(),
    coLeaders: [],
  };
  directory.teams.set(team.teamId, { value: team, etag: 'v0' });
  directory.rosters.set(team.teamId, { teamId: team.teamId, members: roster, refreshedAt: clock.now().toISOString() });
  const membership = new TeamMembershipService(
    directory,
    { membersOf: () => Promise.resolve(structuredClone(roster)) },
    { ownersOf: () => Promise.resolve([...owners]) },
    new InMemoryAuditTrail(),
    clock,
  );
  return { membership, directory };
}
