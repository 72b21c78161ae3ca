/** Who leads a team. Teams gives no roles to a bot, so the team's leaders are kept here. */
export interface TeamRosterRepository {
  leaders(teamId: string): Promise<string[]>;
  /** Adds a leader; resolves false when the roster changed meanwhile (retry on the fresh one). */
  addLeader(teamId: string, userId: string, at: string): Promise<boolean>;
}
