import type { Installation } from '../../../rules/teams/installation';
import type { InstallationRepository } from '../../../rules/teams/installation.repository';
import { documentIdFor } from '../document-id';
import { InstallationWriteCache, toInstallation } from '../installation-write-cache';
import type { SqliteDocumentStore } from './sqlite-document.store';

const TABLE = 'installations';

/** Installations, one per conversation, by tenant, under the same (hashed) ids as on Cosmos. */
export class SqliteInstallationRepository implements InstallationRepository {
  private readonly written = new InstallationWriteCache();

  constructor(private readonly store: SqliteDocumentStore) {}

  async add(installation: Installation): Promise<{ created: boolean }> {
    const id = documentIdFor(installation.conversationId);
    const created = this.store.create(TABLE, installation.tenantId, id, { ...installation, id }) !== 'conflict';
    if (created) this.written.remember(installation);
    return { created };
  }

  async refresh(installation: Installation): Promise<void> {
    if (this.written.unchanged(installation)) return;
    const id = documentIdFor(installation.conversationId);
    this.store.transaction(() => {
      const stored = this.store.get<Installation>(TABLE, installation.tenantId, id);
      // A conversation whose install event was never seen is kept now.
      const next =
        stored === undefined
          ? { ...installation, id }
          : {
              ...stored.value,
              reference: installation.reference,
              updatedAt: installation.updatedAt,
              teamId: installation.teamId ?? null,
            };
      this.store.upsert(TABLE, installation.tenantId, id, next);
    });
    this.written.remember(installation);
  }

  async get(tenantId: string, conversationId: string): Promise<Installation | undefined> {
    const found = this.store.get<Installation>(TABLE, tenantId, documentIdFor(conversationId));
    return found === undefined ? undefined : toInstallation(found.value);
  }

  async findPersonal(tenantId: string, userId: string): Promise<Installation | undefined> {
    const [found] = this.store.documents<Installation>(
      // Named: without statistics SQLite would walk every installation of the tenant.
      `SELECT id, etag, body FROM ${TABLE} INDEXED BY installations_personal WHERE partition = ? AND user_id = ? AND scope = 'personal' LIMIT 1`,
      tenantId,
      userId,
    );
    return found === undefined ? undefined : toInstallation(found.value);
  }

  async remove(tenantId: string, conversationId: string): Promise<void> {
    this.written.forget(tenantId, conversationId);
    this.store.delete(TABLE, tenantId, documentIdFor(conversationId));
  }
}
