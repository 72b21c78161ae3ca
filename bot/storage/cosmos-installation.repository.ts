import type { Container } from '@azure/cosmos';
import type { Installation } from '../../rules/teams/installation';
import type { InstallationRepository } from '../../rules/teams/installation.repository';
import { cosmosStatus } from './cosmos-errors';
import { queryAll } from './cosmos-query';
import { documentIdFor } from './document-id';

interface InstallationDocument extends Installation {
  id: string;
}

const MAX_REMEMBERED = 10_000;

/** Installations in Cosmos, one document per conversation, partitioned by tenant. */
export class CosmosInstallationRepository implements InstallationRepository {
  /**
   * The reference last written per conversation, so a turn whose reference has not changed costs no
   * write. Bounded; forgetting an entry only costs one extra write.
   */
  private readonly lastWritten = new Map<string, string>();

  constructor(private readonly container: Container) {}

  async add(installation: Installation): Promise<{ created: boolean }> {
    try {
      await this.container.items.create<InstallationDocument>(this.toDocument(installation));
      this.remember(installation);
      return { created: true };
    } catch (error) {
      if (cosmosStatus(error) === 409) return { created: false };
      throw error;
    }
  }

  async refresh(installation: Installation): Promise<void> {
    const key = this.cacheKey(installation.tenantId, installation.conversationId);
    if (this.lastWritten.get(key) === fingerprint(installation)) return;
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
    this.remember(installation);
  }

  async get(tenantId: string, conversationId: string): Promise<Installation | undefined> {
    const { resource } = await this.container
      .item(documentIdFor(conversationId), tenantId)
      .read<InstallationDocument>();
    return resource === undefined ? undefined : this.toInstallation(resource);
  }

  async findPersonal(tenantId: string, userId: string): Promise<Installation | undefined> {
    const [found] = await queryAll<InstallationDocument>(this.container, {
      query: "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.scope = 'personal' AND c.userId = @userId",
      parameters: [
        { name: '@tenantId', value: tenantId },
        { name: '@userId', value: userId },
      ],
    });
    return found === undefined ? undefined : this.toInstallation(found);
  }

  async remove(tenantId: string, conversationId: string): Promise<void> {
    this.lastWritten.delete(this.cacheKey(tenantId, conversationId));
    try {
      await this.container.item(documentIdFor(conversationId), tenantId).delete();
    } catch (error) {
      if (cosmosStatus(error) !== 404) throw error;
    }
  }

  private toInstallation(resource: InstallationDocument): Installation {
    return {
      conversationId: resource.conversationId,
      tenantId: resource.tenantId,
      scope: resource.scope,
      teamId: resource.teamId ?? undefined,
      userId: resource.userId ?? undefined,
      reference: resource.reference,
      installedAt: resource.installedAt,
      updatedAt: resource.updatedAt,
    };
  }

  private toDocument(installation: Installation): InstallationDocument {
    return { ...installation, id: documentIdFor(installation.conversationId) };
  }

  private cacheKey(tenantId: string, conversationId: string): string {
    return `${tenantId}\u0000${conversationId}`;
  }

  private remember(installation: Installation): void {
    const key = this.cacheKey(installation.tenantId, installation.conversationId);
    this.lastWritten.delete(key);
    this.lastWritten.set(key, fingerprint(installation));
    if (this.lastWritten.size > MAX_REMEMBERED) {
      const oldest = this.lastWritten.keys().next().value;
      if (oldest !== undefined) this.lastWritten.delete(oldest);
    }
  }
}

function fingerprint(installation: Installation): string {
  return JSON.stringify([installation.reference, installation.teamId ?? null]);
}
