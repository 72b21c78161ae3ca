import type { IsoWeek } from './iso-week';
import type { WeeklyLog } from './weekly-log';
import type { Versioned } from '../shared/versioned';

/** Members' weekly logs, partitioned by team; one document per member and week (id `<userId>:<weekKey>`). */
export interface WeeklyLogRepository {
  get(teamId: string, userId: string, week: IsoWeek): Promise<Versioned<WeeklyLog> | undefined>;
  /**
   * Stores the member's log of the week. With `etag` undefined it is created and resolves 'conflict'
   * when the week is already logged; with an etag it replaces only if unchanged since, else 'conflict'.
   * Because the id is the member and week, a week can never be stored twice.
   */
  save(log: WeeklyLog, etag: string | undefined): Promise<Versioned<WeeklyLog> | 'conflict'>;
  /** The team's logs of weeks `from` … `to`, both included (compare `weekKey`, which sorts by week). */
  listBetween(teamId: string, from: IsoWeek, to: IsoWeek): Promise<WeeklyLog[]>;
}
