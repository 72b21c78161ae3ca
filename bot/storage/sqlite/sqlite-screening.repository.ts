import type { ScreeningRepository } from '../../../rules/screening/screening.repository';
import type { ScreeningStatisticsRepository } from '../../../rules/screening/screening-statistics.repository';
import { decidedScreeningOf, type DecidedScreening } from '../../../rules/screening/decided-screening';
import type { DecidedScreeningFacts } from '../../../rules/screening/intensive-share';
import type { ScreeningRecord } from '../../../rules/screening/screening-record';
import type { Versioned } from '../../../rules/shared/versioned';
import { caseReferenceKey } from '../../../rules/screening/case-reference';
import { isDocumentId } from '../document-id';
import { deepFreeze } from '../deep-freeze';
import { toScreeningRecord } from '../stored-documents';
import type { SqliteDocumentStore, StoredDocument } from './sqlite-document.store';

const TABLE = 'screenings';
/** Records read or written one at a time come back frozen (as from the Cosmos adapter): nobody changes them in place. */
const versioned = ({ value, etag }: StoredDocument<ScreeningRecord>): Versioned<ScreeningRecord> =>
  deepFreeze({ value: toScreeningRecord(value), etag });

/**
 * Screenings in the SQLite file, by team; each query has its index (sqlite-schema.ts). Where SQLite's
 * planner, without statistics, would rather walk the team's whole partition (it did on a year of
 * data: a case reference looked up among all of a team's screenings), the query names its index.
 */
export class SqliteScreeningRepository implements ScreeningRepository, ScreeningStatisticsRepository {
  constructor(private readonly store: SqliteDocumentStore) {}

  async create(record: ScreeningRecord): Promise<Versioned<ScreeningRecord>> {
    const etag = this.store.create(TABLE, record.teamId, record.id, record);
    if (etag === 'conflict') throw new Error(`A screening with id ${record.id} exists`);
    return versioned({ value: structuredClone(record), etag });
  }

  getForChange(teamId: string, id: string): Promise<Versioned<ScreeningRecord> | undefined> {
    return this.get(teamId, id);
  }

  async get(teamId: string, id: string): Promise<Versioned<ScreeningRecord> | undefined> {
    // The same ids name documents as on Cosmos (an id from a card that could not name one names none).
    if (!isDocumentId(id)) return undefined;
    const found = this.store.get<ScreeningRecord>(TABLE, teamId, id);
    return found === undefined ? undefined : versioned(found);
  }

  async replace(record: ScreeningRecord, etag: string): Promise<Versioned<ScreeningRecord> | 'conflict'> {
    const next = this.store.replace(TABLE, record.teamId, record.id, record, etag);
    return next === 'conflict' ? next : versioned({ value: structuredClone(record), etag: next });
  }

  async listUnfinished(teamId: string, caseworkerId: string): Promise<ScreeningRecord[]> {
    return this.list(
      `SELECT id, etag, body FROM ${TABLE} WHERE partition = ? AND caseworker_id = ? AND status != 'decided' ORDER BY updated_at DESC`,
      teamId,
      caseworkerId,
    );
  }

  async listByReference(teamId: string, caseReference: string): Promise<ScreeningRecord[]> {
    return this.list(
      `SELECT id, etag, body FROM ${TABLE} INDEXED BY screenings_reference_key WHERE partition = ? AND reference_key = ?`,
      teamId,
      caseReferenceKey(caseReference),
    );
  }

  async listByCaseworker(teamId: string, caseworkerId: string, since: string): Promise<ScreeningRecord[]> {
    return this.list(
      `SELECT id, etag, body FROM ${TABLE} WHERE partition = ? AND caseworker_id = ? AND created_at >= ? ORDER BY created_at DESC`,
      teamId,
      caseworkerId,
      since,
    );
  }

  async listDecidedSince(teamId: string, since: string): Promise<DecidedScreeningFacts[]> {
    return this.store
      .rows<DecidedScreeningFacts>(
        `SELECT json_extract(body, '$.summary.strategy') AS strategy, json_extract(body, '$.decision.finalTrack') AS finalTrack
       FROM ${TABLE} WHERE partition = ? AND status = 'decided' AND decided_at >= ?`,
        teamId,
        since,
      )
      .map(({ strategy, finalTrack }) => ({ strategy, finalTrack }));
  }

  async listDecidedBetween(teamId: string, from: string, to: string): Promise<DecidedScreening[]> {
    // Without the answers and the full result (most of a record): the decided facts never read them.
    const records = this.list(
      `SELECT id, etag, json_remove(body, '$.answers', '$.result', '$.history') AS body FROM ${TABLE}
       WHERE partition = ? AND status = 'decided' AND decided_at >= ? AND decided_at < ? ORDER BY decided_at`,
      teamId,
      from,
      to,
    );
    return records.flatMap((record) => decidedScreeningOf(record) ?? []);
  }

  async listToRetainCreatedBefore(teamId: string, before: string): Promise<string[]> {
    return this.store
      .rows<{ id: string }>(
        `SELECT id FROM ${TABLE} WHERE partition = ? AND to_retain AND created_at < ?`,
        teamId,
        before,
      )
      .map((row) => row.id);
  }

  async listTeamsToRetain(): Promise<string[]> {
    return this.store
      .rows<{ partition: string }>(
        `SELECT DISTINCT partition FROM ${TABLE} INDEXED BY screenings_to_retain WHERE to_retain`,
      )
      .map((row) => row.partition);
  }

  async delete(teamId: string, id: string, etag?: string): Promise<'deleted' | 'absent' | 'conflict'> {
    if (!isDocumentId(id)) return 'absent';
    return this.store.delete(TABLE, teamId, id, etag);
  }

  private list(sql: string, ...parameters: string[]): ScreeningRecord[] {
    return this.store.documents<ScreeningRecord>(sql, ...parameters).map((row) => toScreeningRecord(row.value));
  }
}
