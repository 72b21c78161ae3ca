import type { FollowUp, FollowUpWeek } from '../../../rules/follow-ups/follow-up';
import type { FollowUpRepository } from '../../../rules/follow-ups/follow-up.repository';
import type { Versioned } from '../../../rules/shared/versioned';
import { domainValue } from '../stored-documents';
import type { SqliteDocumentStore } from './sqlite-document.store';

const TABLE = 'followUps';
const toFollowUp = (document: Record<string, unknown>) => domainValue<FollowUp>(document, true);

/** Screening follow-ups in the SQLite file, by team; the id is `<screeningId>:<weeks>`. */
export class SqliteFollowUpRepository implements FollowUpRepository {
  constructor(private readonly store: SqliteDocumentStore) {}

  async create(followUp: FollowUp): Promise<Versioned<FollowUp> | 'exists'> {
    const etag = this.store.create(TABLE, followUp.teamId, followUp.id, followUp);
    return etag === 'conflict' ? 'exists' : { value: toFollowUp({ ...followUp }), etag };
  }

  async get(teamId: string, id: string): Promise<Versioned<FollowUp> | undefined> {
    const found = this.store.get<Record<string, unknown>>(TABLE, teamId, id);
    return found === undefined ? undefined : { value: toFollowUp(found.value), etag: found.etag };
  }

  async replace(followUp: FollowUp, etag: string): Promise<Versioned<FollowUp> | 'conflict'> {
    const next = this.store.replace(TABLE, followUp.teamId, followUp.id, followUp, etag);
    return next === 'conflict' ? next : { value: toFollowUp({ ...followUp }), etag: next };
  }

  async listAwaitingReminder(date: string): Promise<FollowUp[]> {
    // Across teams on purpose: the reminder job's work list.
    return this.list(
      `SELECT id, etag, body FROM ${TABLE} WHERE due_date <= ? AND reminded_at IS NULL AND outcome IS NULL ORDER BY due_date, id`,
      date,
    );
  }

  async listDueBetween(teamId: string, from: string, to: string, weeks?: FollowUpWeek): Promise<FollowUp[]> {
    // The milestone is filtered in SQL: the weekly summary asks for a year's week-39 follow-ups, a third of the year's.
    return this.list(
      `SELECT id, etag, body FROM ${TABLE} WHERE partition = ? AND due_date >= ? AND due_date <= ? AND (? IS NULL OR weeks = ?)`,
      teamId,
      from,
      to,
      weeks ?? null,
      weeks ?? null,
    );
  }

  async listAwaitingOutcome(teamId: string, caseworkerId: string, date: string): Promise<FollowUp[]> {
    return this.list(
      `SELECT id, etag, body FROM ${TABLE} WHERE partition = ? AND caseworker_id = ? AND due_date <= ? AND outcome IS NULL ORDER BY due_date, id`,
      teamId,
      caseworkerId,
      date,
    );
  }

  async deleteForScreening(teamId: string, screeningId: string): Promise<number> {
    return this.store.transaction(() => {
      const ids = this.store.rows<{ id: string }>(
        // Named: without statistics SQLite would walk every follow-up of the team.
        `SELECT id FROM ${TABLE} INDEXED BY follow_ups_screening WHERE partition = ? AND screening_id = ?`,
        teamId,
        screeningId,
      );
      return ids.filter(({ id }) => this.store.delete(TABLE, teamId, id) === 'deleted').length;
    });
  }

  private list(sql: string, ...parameters: (string | number | null)[]): FollowUp[] {
    return this.store.documents<Record<string, unknown>>(sql, ...parameters).map((row) => toFollowUp(row.value));
  }
}
