import type { Opening } from './opening';
import type { Versioned } from '../shared/versioned';

/** Job openings and company contacts, partitioned by team. */
export interface OpeningRepository {
  create(opening: Opening): Promise<Versioned<Opening>>;
  get(teamId: string, id: string): Promise<Versioned<Opening> | undefined>;
  /** Replaces only if unchanged since `etag` was read; 'conflict' otherwise (two clicks on the last seat). */
  replace(opening: Opening, etag: string): Promise<Versioned<Opening> | 'conflict'>;
  /** Every contact and opening of the team registered at or after `since` (ISO), plus every open (unfilled, unclosed) one. */
  listForBoard(teamId: string, since: string): Promise<Opening[]>;
  /** Every contact and opening of the team registered at or after `from` and before `to` (ISO instants), open or not. */
  listRegisteredBetween(teamId: string, from: string, to: string): Promise<Opening[]>;
}
