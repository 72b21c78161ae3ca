import type { Installation } from './installation';

/** Stores where the bot is installed, so it can write proactively and greet once per installation. */
export interface InstallationRepository {
  /**
   * Records a new installation. Resolves `created: false`, changing nothing, when the conversation
   * is already installed, which is how a welcome is sent once however often install events repeat.
   */
  add(installation: Installation): Promise<{ created: boolean }>;
  /** Creates or refreshes the stored reference (called on every turn; cheap when nothing changed). */
  refresh(installation: Installation): Promise<void>;
  get(tenantId: string, conversationId: string): Promise<Installation | undefined>;
  /** The bot's personal chat with a user, if the user has installed it. */
  findPersonal(tenantId: string, userId: string): Promise<Installation | undefined>;
  /** Forgets the installation (uninstall, or the bot was removed). Absent ones are ignored. */
  remove(tenantId: string, conversationId: string): Promise<void>;
}
