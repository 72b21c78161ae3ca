import type { ProcessedActivityRepository } from '../../../rules/shared/processed-activity.repository';
import { documentIdFor } from '../document-id';
import type { SqliteDocumentStore } from './sqlite-document.store';

const TABLE = 'processedActivities';

/**
 * Claims of delivered activities. A claim is an insert on the primary key, which SQLite makes atomic
 * across processes: of two deliveries racing, exactly one inserts. Claims expire after a week (TTL).
 */
export class SqliteProcessedActivityRepository implements ProcessedActivityRepository {
  constructor(private readonly store: SqliteDocumentStore) {}

  async claim(conversationId: string, activityId: string, at: Date): Promise<boolean> {
    const id = documentIdFor(activityId);
    return (
      this.store.create(TABLE, conversationId, id, { id, conversationId, claimedAt: at.toISOString() }) !== 'conflict'
    );
  }

  async purgeOlderThan(before: Date): Promise<number> {
    return this.store.transaction(() => {
      const claims = this.store.rows<{ partition: string; id: string }>(
        `SELECT partition, id FROM ${TABLE} WHERE claimed_at < ?`,
        before.toISOString(),
      );
      for (const claim of claims) this.store.delete(TABLE, claim.partition, claim.id);
      return claims.length;
    });
  }
}
