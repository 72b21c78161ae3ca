import { weekKey, type IsoWeek } from '../../../rules/goals/iso-week';
import { weeklyLogId, type WeeklyLog } from '../../../rules/goals/weekly-log';
import type { WeeklyLogRepository } from '../../../rules/goals/weekly-log.repository';
import type { Versioned } from '../../../rules/shared/versioned';
import { documentIdFor } from '../document-id';
import { domainValue } from '../stored-documents';
import type { SqliteDocumentStore } from './sqlite-document.store';

const TABLE = 'weeklyLogs';

function toLog(document: Record<string, unknown>): WeeklyLog {
  const { logId, ...rest } = document;
  return domainValue<WeeklyLog>({ ...rest, id: logId as string }, true);
}

/** Members' weekly logs, one per member and week, under the same (hashed) ids as on Cosmos. */
export class SqliteWeeklyLogRepository implements WeeklyLogRepository {
  constructor(private readonly store: SqliteDocumentStore) {}

  async get(teamId: string, userId: string, week: IsoWeek): Promise<Versioned<WeeklyLog> | undefined> {
    const found = this.store.get<Record<string, unknown>>(TABLE, teamId, documentIdFor(weeklyLogId(userId, week)));
    return found === undefined ? undefined : { value: toLog(found.value), etag: found.etag };
  }

  async save(log: WeeklyLog, etag: string | undefined): Promise<Versioned<WeeklyLog> | 'conflict'> {
    const document = { ...log, logId: log.id, id: documentIdFor(log.id) };
    const next =
      etag === undefined
        ? this.store.create(TABLE, log.teamId, document.id, document)
        : this.store.replace(TABLE, log.teamId, document.id, document, etag);
    return next === 'conflict' ? next : { value: toLog(document), etag: next };
  }

  async listBetween(teamId: string, from: IsoWeek, to: IsoWeek): Promise<WeeklyLog[]> {
    return this.store
      .documents<Record<string, unknown>>(
        `SELECT id, etag, body FROM ${TABLE} WHERE partition = ? AND week_key >= ? AND week_key <= ?`,
        teamId,
        weekKey(from),
        weekKey(to),
      )
      .map((row) => toLog(row.value))
      .sort((a, b) => a.weekKey.localeCompare(b.weekKey) || a.userId.localeCompare(b.userId));
  }
}
