import type { Installation } from '../../rules/model/installation';
import type { InstallationRepository } from '../../rules/ports/installation.repository';
import type { ProcessedActivityRepository } from '../../rules/ports/processed-activity.repository';

/** In-memory installations for flow tests; the contract suite holds it to the same rules as Cosmos. */
export class InMemoryInstallationRepository implements InstallationRepository {
  readonly items = new Map<string, Installation>();
  writes = 0;

  add(installation: Installation): Promise<{ created: boolean }> {
    const key = `${installation.tenantId}|${installation.conversationId}`;
    if (this.items.has(key)) return Promise.resolve({ created: false });
    this.items.set(key, structuredClone(installation));
    this.writes += 1;
    return Promise.resolve({ created: true });
  }

  refresh(installation: Installation): Promise<void> {
    const key = `${installation.tenantId}|${installation.conversationId}`;
    const existing = this.items.get(key);
    this.items.set(key, {
      ...structuredClone(installation),
      installedAt: existing?.installedAt ?? installation.installedAt,
    });
    this.writes += 1;
    return Promise.resolve();
  }

  get(tenantId: string, conversationId: string): Promise<Installation | undefined> {
    const item = this.items.get(`${tenantId}|${conversationId}`);
    return Promise.resolve(item === undefined ? undefined : structuredClone(item));
  }

  remove(tenantId: string, conversationId: string): Promise<void> {
    this.items.delete(`${tenantId}|${conversationId}`);
    return Promise.resolve();
  }
}

export class InMemoryProcessedActivityRepository implements ProcessedActivityRepository {
  readonly claims = new Map<string, Date>();

  claim(conversationId: string, activityId: string, at: Date): Promise<boolean> {
    const key = `${conversationId}|${activityId}`;
    if (this.claims.has(key)) return Promise.resolve(false);
    this.claims.set(key, at);
    return Promise.resolve(true);
  }

  purgeOlderThan(before: Date): Promise<number> {
    let purged = 0;
    for (const [key, at] of this.claims) {
      if (at < before) {
        this.claims.delete(key);
        purged += 1;
      }
    }
    return Promise.resolve(purged);
  }
}
