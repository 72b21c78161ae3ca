import type { GoalPlan } from './goal-plan';
import type { Versioned } from '../shared/versioned';

/** Goal plans, one per team and ISO week-year, partitioned by team. */
export interface GoalPlanRepository {
  get(teamId: string, year: number): Promise<Versioned<GoalPlan> | undefined>;
  /**
   * Stores the plan of `plan.teamId` and `plan.year`. With `etag` undefined it is created, and resolves
   * 'conflict' when that plan already exists; with an etag it replaces only if nobody changed it since
   * that etag was read, else 'conflict'. Two leaders editing at once never overwrite each other.
   */
  save(plan: GoalPlan, etag: string | undefined): Promise<Versioned<GoalPlan> | 'conflict'>;
  /** The teams with a plan for the year (the weekly rhythm's work list). */
  listTeamIds(year: number): Promise<string[]>;
}
