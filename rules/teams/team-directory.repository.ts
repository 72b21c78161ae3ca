import type { Versioned } from '../shared/versioned';
import type { Team, TeamMember, TeamRoster } from './team';

/** The teams the bot is installed in, their members, and each person's chosen team (port). */
export interface TeamDirectoryRepository {
  getTeam(teamId: string): Promise<Versioned<Team> | undefined>;
  /**
   * Creates the team (no etag) or replaces the stored version (etag); resolves false when it exists
   * already, or changed meanwhile, so two installs or two leaders never overwrite each other.
   */
  saveTeam(team: Team, etag?: string): Promise<boolean>;
  roster(teamId: string): Promise<TeamRoster | undefined>;
  saveRoster(roster: TeamRoster): Promise<void>;
  /** The ids of the tenant's teams the bot is installed in (not removed). */
  teamsOfTenant(tenantId: string): Promise<string[]>;
  /** The ids of the teams whose stored roster has this person. */
  teamsOf(userId: string): Promise<string[]>;
  /** The team a person chose to act for in their personal chat (`skift team`). */
  chosenTeam(tenantId: string, userId: string): Promise<string | undefined>;
  chooseTeam(tenantId: string, userId: string, teamId: string): Promise<void>;
}

/** Reads a team's members from Teams (the Bot Connector roster). */
export interface TeamRosterSource {
  membersOf(team: Team): Promise<TeamMember[]>;
}

/** Reads a team's owners (Microsoft Graph; locally a configured list or the installer). */
export interface TeamOwnerSource {
  ownersOf(team: Team): Promise<string[]>;
}
