import type { DecidedScreeningFacts } from './intensive-share';
import type { ScreeningRecord } from './screening-record';
import type { Versioned } from '../shared/versioned';

/**
 * Stored screenings, partitioned by team. The records handed out by `create`, `get`, `getForChange`
 * and `replace` are read-only (frozen): an adapter may share them with its memory of what it last
 * wrote. A change is a new record passed to `replace`.
 */
export interface ScreeningRepository {
  create(record: ScreeningRecord): Promise<Versioned<ScreeningRecord>>;
  get(teamId: string, id: string): Promise<Versioned<ScreeningRecord> | undefined>;
  /**
   * Like `get`, for a record about to be changed: may answer from this instance's memory of what it
   * last wrote. A copy that another instance has since changed makes the `replace` a 'conflict', so a
   * stale copy can never cause a lost update; it only saves the read on the common path.
   */
  getForChange(teamId: string, id: string): Promise<Versioned<ScreeningRecord> | undefined>;
  /**
   * Replaces the record only if nobody changed it since `etag` was read; resolves 'conflict'
   * otherwise, so a double submit or a race never applies twice.
   */
  replace(record: ScreeningRecord, etag: string): Promise<Versioned<ScreeningRecord> | 'conflict'>;
  /** Screenings of this caseworker not yet decided, newest first. */
  listUnfinished(teamId: string, caseworkerId: string): Promise<ScreeningRecord[]>;
  /** Screenings with this case reference, whatever the case of its letters (see `caseReferenceKey`). */
  listByReference(teamId: string, caseReference: string): Promise<ScreeningRecord[]>;
  /** This caseworker's screenings created at or after `since` (ISO), newest first. */
  listByCaseworker(teamId: string, caseworkerId: string, since: string): Promise<ScreeningRecord[]>;
  /** The facts the capacity rule needs, for screenings decided at or after `since` (ISO). */
  listDecidedSince(teamId: string, since: string): Promise<DecidedScreeningFacts[]>;
  /**
   * Ids of screenings created before `before` (ISO) that still hold what retention removes: a case
   * reference or answers (every screening until retention reduces it, also those reduced before
   * retention removed the reference too).
   */
  listToRetainCreatedBefore(teamId: string, before: string): Promise<string[]>;
  /** The teams with screenings that still hold a case reference or answers (the retention job's work list). */
  listTeamsToRetain(): Promise<string[]>;
  /**
   * Deletes the screening entirely (right to erasure; retention of an unfinished one). With `etag`, only
   * if nobody changed it since: 'conflict' otherwise. 'absent' when there is none (nothing to do).
   */
  delete(teamId: string, id: string, etag?: string): Promise<'deleted' | 'absent' | 'conflict'>;
}
