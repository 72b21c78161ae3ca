import type { Installation } from './installation';
import type { InstallationRepository } from './installation.repository';

/** What the bot should do after an install event. */
export interface InstallOutcome {
  /** True only for the first install event of an installation, however often the event repeats. */
  sendWelcome: boolean;
}

/** Keeps track of where the bot is installed. */
export class InstallationService {
  constructor(private readonly installations: InstallationRepository) {}

  /** The bot was added to a conversation (or the client repeated the event). */
  async installed(installation: Installation): Promise<InstallOutcome> {
    const { created } = await this.installations.add(installation);
    if (!created) await this.installations.refresh(installation);
    return { sendWelcome: created };
  }

  /** Any turn: the conversation reference may have moved (new service URL), so keep it current. */
  async seen(installation: Installation): Promise<void> {
    await this.installations.refresh(installation);
  }

  /** The bot was removed: forget how to reach the conversation. */
  async uninstalled(tenantId: string, conversationId: string): Promise<void> {
    await this.installations.remove(tenantId, conversationId);
  }
}
