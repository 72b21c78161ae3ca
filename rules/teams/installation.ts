/** Where the bot is installed: a personal chat, a team, or a group chat. */
export type InstallationScope = 'personal' | 'team' | 'groupChat';

/**
 * A conversation the bot can write to, as stored. `reference` is the channel's conversation
 * reference, kept opaque here so the domain does not depend on a chat SDK.
 */
export interface Installation {
  /** The conversation id. */
  conversationId: string;
  tenantId: string;
  scope: InstallationScope;
  /** The Teams team id when the conversation belongs to a team (a channel), else undefined. */
  teamId: string | undefined;
  /** In a personal chat, the user it is with (so the bot can write to that person); else undefined. */
  userId: string | undefined;
  reference: Readonly<Record<string, unknown>>;
  installedAt: string;
  updatedAt: string;
}
