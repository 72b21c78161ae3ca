/**
 * A Teams team with the bot installed: the product's "team" (spec §0). Everything a team owns is
 * keyed by `teamId`, the Teams team id; `aadGroupId` is the Microsoft 365 group, for Graph.
 */
export interface Team {
  teamId: string;
  tenantId: string;
  aadGroupId: string | undefined;
  /** The team's name as Teams shows it, for the choice card in a personal chat. */
  name: string;
  /** Where Teams reaches the team (the Bot Connector endpoint of its activities), to read the roster. */
  serviceUrl: string | undefined;
  /** Who installed the bot in the team (the local owner when there is no Graph). */
  installedBy: string | undefined;
  installedAt: string;
  /** Leaders named by a leader in `indstillinger`, beside the team's owners. */
  coLeaders: string[];
  /** Set when the bot was removed from the team: nobody acts for it until it is added again. */
  removedAt?: string;
}

/** A member of a team, as the roster gives them: no more than the bot needs. */
export interface TeamMember {
  /** The Entra object id: a person's identity across chats. */
  userId: string;
  /** The channel account id, for mentions and personal messages. */
  accountId: string;
  name: string;
}

/** A team's members as last read from Teams. */
export interface TeamRoster {
  teamId: string;
  members: TeamMember[];
  refreshedAt: string;
}

/** What a person in a personal chat sees of a team they can act for. */
export interface TeamChoice {
  teamId: string;
  name: string;
}
