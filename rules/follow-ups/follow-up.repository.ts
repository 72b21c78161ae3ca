import type { FollowUp, FollowUpWeek } from './follow-up';
import type { Versioned } from '../shared/versioned';

/** Screening follow-ups (spec §1.7), partitioned by team; id `<screeningId>:<weeks>`. */
export interface FollowUpRepository {
  /** Creates the follow-up; resolves 'exists', changing nothing, when one with its id is already stored. */
  create(followUp: FollowUp): Promise<Versioned<FollowUp> | 'exists'>;
  get(teamId: string, id: string): Promise<Versioned<FollowUp> | undefined>;
  /** Replaces only if unchanged since `etag` was read; 'conflict' otherwise (an old card, or two answers at once). */
  replace(followUp: FollowUp, etag: string): Promise<Versioned<FollowUp> | 'conflict'>;
  /**
   * Every team's follow-ups due on or before `date` (YYYY-MM-DD) that have neither been reminded of nor
   * answered: the reminder job's work list (a cross-partition query, run a few times a day at most).
   */
  listAwaitingReminder(date: string): Promise<FollowUp[]>;
  /** The team's follow-ups due from `from` to `to` (YYYY-MM-DD, both included), optionally one milestone only. */
  listDueBetween(teamId: string, from: string, to: string, weeks?: FollowUpWeek): Promise<FollowUp[]>;
  /** A caseworker's follow-ups due on or before `date` without an outcome, oldest first. */
  listAwaitingOutcome(teamId: string, caseworkerId: string, date: string): Promise<FollowUp[]>;
  /** Deletes a screening's follow-ups (right to erasure); resolves how many there were. */
  deleteForScreening(teamId: string, screeningId: string): Promise<number>;
}
