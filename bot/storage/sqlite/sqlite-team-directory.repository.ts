import type { Team, TeamRoster } from '../../../rules/teams/team';
import type { TeamDirectoryRepository } from '../../../rules/teams/team-directory.repository';
import type { Versioned } from '../../../rules/shared/versioned';
import { domainValue } from '../stored-documents';
import type { SqliteDocumentStore } from './sqlite-document.store';

const TEAMS = 'teamRosters';
const TEAM_ID = 'team';
const ROSTER_ID = 'members';

/**
 * Teams and their rosters, one row each in the team's partition of `teamRosters` (as on Cosmos); a
 * person's chosen team beside their personal chat in `installations`. "Which teams is this person
 * in" reads `team_members`, which triggers keep in step with the rosters.
 */
export class SqliteTeamDirectoryRepository implements TeamDirectoryRepository {
  constructor(private readonly store: SqliteDocumentStore) {}

  async getTeam(teamId: string): Promise<Versioned<Team> | undefined> {
    const found = this.store.get<Record<string, unknown>>(TEAMS, teamId, TEAM_ID);
    return found === undefined ? undefined : { value: domainValue<Team>(found.value, false), etag: found.etag };
  }

  async saveTeam(team: Team, etag?: string): Promise<boolean> {
    const document = { ...team, id: TEAM_ID };
    const saved =
      etag === undefined
        ? this.store.create(TEAMS, team.teamId, TEAM_ID, document)
        : this.store.replace(TEAMS, team.teamId, TEAM_ID, document, etag);
    return saved !== 'conflict';
  }

  async roster(teamId: string): Promise<TeamRoster | undefined> {
    const found = this.store.get<TeamRoster>(TEAMS, teamId, ROSTER_ID);
    if (found === undefined) return undefined;
    const { members, refreshedAt } = found.value;
    return { teamId, members, refreshedAt };
  }

  async saveRoster(roster: TeamRoster): Promise<void> {
    const memberIds = roster.members.map((member) => member.userId);
    this.store.upsert(TEAMS, roster.teamId, ROSTER_ID, { id: ROSTER_ID, ...roster, memberIds });
  }

  async teamsOfTenant(tenantId: string): Promise<string[]> {
    return this.store
      .rows<{ partition: string }>(
        `SELECT partition FROM ${TEAMS} WHERE tenant_id = ? AND id = 'team' AND NOT removed`,
        tenantId,
      )
      .map((row) => row.partition);
  }

  async teamsOf(userId: string): Promise<string[]> {
    return this.store
      .rows<{ team_id: string }>('SELECT team_id FROM team_members WHERE user_id = ?', userId)
      .map((row) => row.team_id);
  }

  async chosenTeam(tenantId: string, userId: string): Promise<string | undefined> {
    return this.store.get<{ teamId: string }>('installations', tenantId, choiceId(userId))?.value.teamId;
  }

  async chooseTeam(tenantId: string, userId: string, teamId: string): Promise<void> {
    const id = choiceId(userId);
    this.store.upsert('installations', tenantId, id, { id, tenantId, userId, teamId });
  }
}

function choiceId(userId: string): string {
  return `team-choice:${userId}`;
}
