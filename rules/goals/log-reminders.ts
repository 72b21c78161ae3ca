import { membersInWeek, type GoalPlan, type PlanMember } from './goal-plan';
import type { IsoWeek } from './iso-week';
import type { WeeklyLog } from './weekly-log';

/**
 * Who gets Friday's reminder (spec §3.2): the members expected to log the week (per the plan of the
 * week's year) who have not logged it. A log with only zeros is a log; a member who has left or not
 * yet started is not reminded.
 */
export function membersMissingLog(plan: GoalPlan | undefined, logs: readonly WeeklyLog[], week: IsoWeek): PlanMember[] {
  if (plan === undefined || plan.year !== week.year) return [];
  const logged = new Set(
    logs
      .filter((log) => log.teamId === plan.teamId && log.year === week.year && log.week === week.week)
      .map((log) => log.userId),
  );
  return membersInWeek(plan, week.week).filter((member) => !logged.has(member.userId));
}
