import type { Opening } from '../../../rules/openings/opening';
import type { OpeningRepository } from '../../../rules/openings/opening.repository';
import type { Versioned } from '../../../rules/shared/versioned';
import { isDocumentId } from '../document-id';
import { toOpening } from '../stored-documents';
import type { SqliteDocumentStore } from './sqlite-document.store';

const TABLE = 'openings';

/** Openings and company contacts in the SQLite file, by team. */
export class SqliteOpeningRepository implements OpeningRepository {
  constructor(private readonly store: SqliteDocumentStore) {}

  async create(opening: Opening): Promise<Versioned<Opening>> {
    const etag = this.store.create(TABLE, opening.teamId, opening.id, opening);
    if (etag === 'conflict') throw new Error(`An opening with id ${opening.id} exists`);
    return { value: toOpening(opening as unknown as Record<string, unknown>), etag };
  }

  async get(teamId: string, id: string): Promise<Versioned<Opening> | undefined> {
    if (!isDocumentId(id)) return undefined;
    const found = this.store.get<Record<string, unknown>>(TABLE, teamId, id);
    return found === undefined ? undefined : { value: toOpening(found.value), etag: found.etag };
  }

  async replace(opening: Opening, etag: string): Promise<Versioned<Opening> | 'conflict'> {
    const next = this.store.replace(TABLE, opening.teamId, opening.id, opening, etag);
    return next === 'conflict' ? next : { value: toOpening(opening as unknown as Record<string, unknown>), etag: next };
  }

  async listForBoard(teamId: string, since: string): Promise<Opening[]> {
    // Two indexed halves (registered since, or still open), rather than one OR that would scan; each
    // names its index, as SQLite without statistics would walk every registration of the team for the second.
    return this.store
      .documents<Record<string, unknown>>(
        `SELECT id, etag, body FROM ${TABLE} INDEXED BY openings_date WHERE partition = ?1 AND date >= ?2
         UNION SELECT id, etag, body FROM ${TABLE} INDEXED BY openings_open WHERE partition = ?1 AND is_open`,
        teamId,
        since,
      )
      .map((row) => toOpening(row.value));
  }

  async listRegisteredBetween(teamId: string, from: string, to: string): Promise<Opening[]> {
    return this.store
      .documents<Record<string, unknown>>(
        `SELECT id, etag, body FROM ${TABLE} INDEXED BY openings_date WHERE partition = ? AND date >= ? AND date < ?`,
        teamId,
        from,
        to,
      )
      .map((row) => toOpening(row.value));
  }
}
