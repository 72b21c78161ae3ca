import type { Team, TeamRoster } from '../../rules/teams/team';
import type { TeamDirectoryRepository } from '../../rules/teams/team-directory.repository';
import type { Versioned } from '../../rules/shared/versioned';

/** The team directory in memory, with the same conditional-write semantics as the stored ones. */
export class InMemoryTeamDirectory implements TeamDirectoryRepository {
  readonly teams = new Map<string, Versioned<Team>>();
  readonly rosters = new Map<string, TeamRoster>();
  readonly choices = new Map<string, string>();
  private version = 0;

  getTeam(teamId: string): Promise<Versioned<Team> | undefined> {
    const stored = this.teams.get(teamId);
    return Promise.resolve(stored === undefined ? undefined : structuredClone(stored));
  }

  saveTeam(team: Team, etag?: string): Promise<boolean> {
    const stored = this.teams.get(team.teamId);
    if (etag === undefined ? stored !== undefined : stored?.etag !== etag) return Promise.resolve(false);
    this.version += 1;
    this.teams.set(team.teamId, { value: structuredClone(team), etag: `v${this.version}` });
    return Promise.resolve(true);
  }

  roster(teamId: string): Promise<TeamRoster | undefined> {
    const stored = this.rosters.get(teamId);
    return Promise.resolve(stored === undefined ? undefined : structuredClone(stored));
  }

  saveRoster(roster: TeamRoster): Promise<void> {
    this.rosters.set(roster.teamId, structuredClone(roster));
    return Promise.resolve();
  }

  teamsOfTenant(tenantId: string): Promise<string[]> {
    return Promise.resolve(
      [...this.teams.values()]
        .filter(({ value }) => value.tenantId === tenantId && value.removedAt === undefined)
        .map(({ value }) => value.teamId),
    );
  }

  teamsOf(userId: string): Promise<string[]> {
    return Promise.resolve(
      [...this.rosters.values()]
        .filter((roster) => roster.members.some((member) => member.userId === userId))
        .map((roster) => roster.teamId),
    );
  }

  chosenTeam(tenantId: string, userId: string): Promise<string | undefined> {
    return Promise.resolve(this.choices.get(`${tenantId}/${userId}`));
  }

  chooseTeam(tenantId: string, userId: string, teamId: string): Promise<void> {
    this.choices.set(`${tenantId}/${userId}`, teamId);
    return Promise.resolve();
  }
}
