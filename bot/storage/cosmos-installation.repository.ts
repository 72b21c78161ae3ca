import type { Container } from '@azure/cosmos';
import type { Installation } from '../../rules/teams/installation';
import type { InstallationRepository } from '../../rules/teams/installation.repository';
import { cosmosStatus } from './cosmos-errors';
import { queryAll } from './cosmos-query';
import { documentIdFor } from './document-id';
import { InstallationWriteCache, toInstallation } from './installation-write-cache';

interface InstallationDocument extends Installation {
  id: string;
}

/** Installations in Cosmos, one document per conversation, partitioned by tenant. */
export class CosmosInstallationRepository implements InstallationRepository {
  private readonly written = new InstallationWriteCache();

  constructor(private readonly container: Container) {}

  async add(installation: Installation): Promise<{ created: boolean }> {
    try {
      await this.container.items.create<InstallationDocument>(this.toDocument(installation));
      this.written.remember(installation);
      return { created: true };
    } catch (error) {
      if (cosmosStatus(error) === 409) return { created: false };
      throw error;
    }
  }

  async refresh(installation: Installation): Promise<void> {
    if (this.written.unchanged(installation)) return;
    const item = this.container.item(documentIdFor(installation.conversationId), installation.tenantId);
    try {
      await item.patch([
        { op: 'set', path: '/reference', value: installation.reference },
        { op: 'set', path: '/updatedAt', value: installation.updatedAt },
        { op: 'set', path: '/teamId', value: installation.teamId ?? null },
      ]);
    } catch (error) {
      if (cosmosStatus(error) !== 404) throw error;
      // First turn in a conversation whose install event we never saw (e.g. installed before the bot
      // stored installations): keep it now.
      await this.container.items.upsert<InstallationDocument>(this.toDocument(installation));
    }
    this.written.remember(installation);
  }

  async get(tenantId: string, conversationId: string): Promise<Installation | undefined> {
    const { resource } = await this.container
      .item(documentIdFor(conversationId), tenantId)
      .read<InstallationDocument>();
    return resource === undefined ? undefined : toInstallation(resource);
  }

  async findPersonal(tenantId: string, userId: string): Promise<Installation | undefined> {
    const [found] = await queryAll<InstallationDocument>(this.container, {
      query: "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.scope = 'personal' AND c.userId = @userId",
      parameters: [
        { name: '@tenantId', value: tenantId },
        { name: '@userId', value: userId },
      ],
    });
    return found === undefined ? undefined : toInstallation(found);
  }

  async remove(tenantId: string, conversationId: string): Promise<void> {
    this.written.forget(tenantId, conversationId);
    try {
      await this.container.item(documentIdFor(conversationId), tenantId).delete();
    } catch (error) {
      if (cosmosStatus(error) !== 404) throw error;
    }
  }

  private toDocument(installation: Installation): InstallationDocument {
    return { ...installation, id: documentIdFor(installation.conversationId) };
  }
}
