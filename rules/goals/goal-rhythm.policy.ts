/**
 * The weekly rhythm of the goals (spec §3.2), Europe/Copenhagen:
 * - Friday 13:00: a reminder to the members who have not logged the current week. A bot that was down
 *   at 13:00 still reminds until 17:00 (marked late); later the working week is over and the reminder
 *   is skipped. It is sent on a Friday that is a public
 *   holiday too (Langfredag): the issue names no exception, and a personal chat message waits quietly.
 * - Monday 08:00: the previous ISO week's summary to each leader, also when Monday is a holiday (2.
 *   påskedag, 2. pinsedag). A bot that was down catches up until Monday ends, marked late.
 * Whether a run already happened is not decided here but by the job-run records.
 */
import { calendarDate, isoDayOfWeek, wallTime } from '../shared/copenhagen-calendar';
import { isoWeekOfDate, previousWeek, weekKey, type IsoWeek } from './iso-week';

export const LOG_REMINDER_DAY = 5;
export const LOG_REMINDER_TIME = '13:00';
/** After this on Friday, a reminder not yet sent is skipped. */
export const LOG_REMINDER_LAST_TIME = '17:00';
export const SUMMARY_DAY = 1;
export const SUMMARY_TIME = '08:00';
/** A post more than this many minutes after its time says it is late. */
const LATE_AFTER_MINUTES = 15;

/** The job-run partition of the rhythm's team-independent runs ("the reminders of week 7"). */
export const SCHEDULER_PARTITION = '_scheduler';

export type GoalRun =
  { kind: 'log-reminder'; week: IsoWeek; late: boolean } | { kind: 'weekly-summary'; week: IsoWeek; late: boolean };

function minutes(time: string): number {
  const [hours = 0, mins = 0] = time.split(':').map(Number);
  return hours * 60 + mins;
}

/** The rhythm's runs due at an instant (at most one: Friday and Monday never coincide). */
export function dueGoalRuns(now: Date): GoalRun[] {
  const date = calendarDate(now);
  const time = minutes(wallTime(now));
  const day = isoDayOfWeek(date);
  const week = isoWeekOfDate(date);
  if (day === LOG_REMINDER_DAY && time >= minutes(LOG_REMINDER_TIME) && time < minutes(LOG_REMINDER_LAST_TIME)) {
    return [{ kind: 'log-reminder', week, late: time - minutes(LOG_REMINDER_TIME) > LATE_AFTER_MINUTES }];
  }
  if (day === SUMMARY_DAY && time >= minutes(SUMMARY_TIME)) {
    return [
      { kind: 'weekly-summary', week: previousWeek(week), late: time - minutes(SUMMARY_TIME) > LATE_AFTER_MINUTES },
    ];
  }
  return [];
}

/** The job-run key of a whole run (all teams), in {@link SCHEDULER_PARTITION}. */
export function goalRunKey(run: GoalRun): string {
  return `${run.kind}:${weekKey(run.week)}`;
}

/** The job-run key of one message of a run, in the team's partition: each person gets it once. */
export function goalRecipientKey(run: GoalRun, teamId: string, userId: string): string {
  return `${run.kind}:${weekKey(run.week)}:${teamId}:${userId}`;
}
