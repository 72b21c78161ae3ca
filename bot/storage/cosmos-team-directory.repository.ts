import type { Container } from '@azure/cosmos';
import type { Team, TeamRoster } from '../../rules/teams/team';
import type { TeamDirectoryRepository } from '../../rules/teams/team-directory.repository';
import type { Versioned } from '../../rules/shared/versioned';
import { domainValue, readVersioned, saveConditionally } from './cosmos-documents';
import { queryAll } from './cosmos-query';

const TEAM_ID = 'team';
const ROSTER_ID = 'members';

interface RosterDocument extends TeamRoster {
  id: typeof ROSTER_ID;
  /** The members' ids on their own, so "which teams is this person in" is one indexed query. */
  memberIds: string[];
}

interface ChoiceDocument {
  id: string;
  tenantId: string;
  userId: string;
  teamId: string;
}

/**
 * Teams and their rosters live in the team's partition of `teamRosters` (one document each); a
 * person's chosen team lives beside their personal chat in `installations` (partitioned by tenant).
 */
export class CosmosTeamDirectoryRepository implements TeamDirectoryRepository {
  constructor(
    private readonly teams: Container,
    private readonly installations: Container,
  ) {}

  getTeam(teamId: string): Promise<Versioned<Team> | undefined> {
    return readVersioned(this.teams, TEAM_ID, teamId, (stored) => domainValue<Team>(stored, false));
  }

  async saveTeam(team: Team, etag?: string): Promise<boolean> {
    const saved = await saveConditionally(this.teams, { ...team, id: TEAM_ID }, team.teamId, etag, (stored) =>
      domainValue<Team>(stored, false),
    );
    return saved !== 'conflict';
  }

  async roster(teamId: string): Promise<TeamRoster | undefined> {
    const { resource } = await this.teams.item(ROSTER_ID, teamId).read<RosterDocument>();
    if (resource === undefined) return undefined;
    return { teamId: resource.teamId, members: resource.members, refreshedAt: resource.refreshedAt };
  }

  async saveRoster(roster: TeamRoster): Promise<void> {
    const document: RosterDocument = {
      id: ROSTER_ID,
      ...roster,
      memberIds: roster.members.map((member) => member.userId),
    };
    await this.teams.items.upsert(document);
  }

  async teamsOfTenant(tenantId: string): Promise<string[]> {
    const found = await queryAll<{ teamId: string }>(this.teams, {
      query: 'SELECT c.teamId FROM c WHERE c.id = @id AND c.tenantId = @tenantId AND NOT IS_DEFINED(c.removedAt)',
      parameters: [
        { name: '@id', value: TEAM_ID },
        { name: '@tenantId', value: tenantId },
      ],
    });
    return found.map((row) => row.teamId);
  }

  async teamsOf(userId: string): Promise<string[]> {
    const found = await queryAll<{ teamId: string }>(this.teams, {
      query: 'SELECT c.teamId FROM c WHERE c.id = @id AND ARRAY_CONTAINS(c.memberIds, @userId)',
      parameters: [
        { name: '@id', value: ROSTER_ID },
        { name: '@userId', value: userId },
      ],
    });
    return found.map((row) => row.teamId);
  }

  async chosenTeam(tenantId: string, userId: string): Promise<string | undefined> {
    const { resource } = await this.installations.item(choiceId(userId), tenantId).read<ChoiceDocument>();
    return resource?.teamId;
  }

  async chooseTeam(tenantId: string, userId: string, teamId: string): Promise<void> {
    const document: ChoiceDocument = { id: choiceId(userId), tenantId, userId, teamId };
    await this.installations.items.upsert(document);
  }
}

function choiceId(userId: string): string {
  return `team-choice:${userId}`;
}
