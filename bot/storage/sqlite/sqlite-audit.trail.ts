import { randomUUID } from 'node:crypto';
import type { AuditEvent, AuditTrail } from '../../../rules/shared/audit-trail';
import type { SqliteDocumentStore } from './sqlite-document.store';

const TABLE = 'auditEvents';

/** The audit trail: append-only (only ever created), one row per event, by team. */
export class SqliteAuditTrail implements AuditTrail {
  constructor(private readonly store: SqliteDocumentStore) {}

  async record(event: AuditEvent, options: { eventId?: string } = {}): Promise<void> {
    const id = options.eventId ?? randomUUID();
    const created = this.store.create(TABLE, event.teamId, id, { id, ...event });
    // An event recorded once by its id: a second recording changes nothing.
    if (created === 'conflict' && options.eventId === undefined) throw new Error(`Audit event ${id} exists`);
  }

  async listFor(teamId: string, entityId: string): Promise<AuditEvent[]> {
    return this.list(`partition = ? AND entity_id = ?`, teamId, entityId);
  }

  async listBySubject(teamId: string, subjectKey: string): Promise<AuditEvent[]> {
    return this.list(`partition = ? AND subject_key = ?`, teamId, subjectKey);
  }

  private list(condition: string, ...parameters: string[]): AuditEvent[] {
    return this.store
      .documents<AuditEvent & { id?: string; subjectKey?: string | null }>(
        `SELECT id, etag, body FROM ${TABLE} WHERE ${condition} ORDER BY at, rowid`,
        ...parameters,
      )
      .map(({ value }) => {
        const { teamId, at, actorId, action, entity, entityId, detail, subjectKey } = value;
        const event: AuditEvent = { teamId, at, actorId, action, entity, entityId, detail };
        return subjectKey == null ? event : { ...event, subjectKey };
      });
  }
}
