import type { Team } from '../../rules/teams/team';
import type { TeamOwnerSource } from '../../rules/teams/team-directory.repository';

/**
 * Local mode has no Graph (spec §0): the owners are LOCAL_TEAM_OWNERS when set, else the person who
 * installed the bot in the team.
 */
export class LocalOwnerSource implements TeamOwnerSource {
  constructor(private readonly configured: readonly string[]) {}

  ownersOf(team: Team): Promise<string[]> {
    if (this.configured.length > 0) return Promise.resolve([...this.configured]);
    return Promise.resolve(team.installedBy === undefined ? [] : [team.installedBy]);
  }
}
