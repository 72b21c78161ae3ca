/**
 * A member's weekly log (Real): counts per indicator for one ISO week. There is one log per team,
 * member and week — its id is made of member and week — so submitting a week again replaces it and
 * never adds a second.
 */
import { parseCount, type GoalFieldError } from './count-input';
import type { IndicatorDefinition } from './indicator';
import { weekKey, type IsoWeek } from './iso-week';

/** Above this a weekly count is surely a typing error. */
export const MAX_WEEKLY_COUNT = 999;

export interface WeeklyLog {
  /** `<userId>:<weekKey>`: one document per member and week. */
  id: string;
  teamId: string;
  userId: string;
  /** ISO week-year. */
  year: number;
  week: number;
  /** "2026-W07", for range queries. */
  weekKey: string;
  /** The real counts by indicator id (every indicator on the card, 0 when left empty). */
  counts: Record<string, number>;
  /** What the bot had prefilled when the member submitted, so corrections can be seen. */
  prefilled: Record<string, number>;
  submittedAt: string;
}

export function weeklyLogId(userId: string, week: IsoWeek): string {
  return `${userId}:${weekKey(week)}`;
}

export function newWeeklyLog(
  teamId: string,
  userId: string,
  week: IsoWeek,
  counts: Record<string, number>,
  prefilled: Record<string, number>,
  submittedAt: string,
): WeeklyLog {
  return {
    id: weeklyLogId(userId, week),
    teamId,
    userId,
    year: week.year,
    week: week.week,
    weekKey: weekKey(week),
    counts,
    prefilled,
    submittedAt,
  };
}

export type LogCountsParse = { ok: true; counts: Record<string, number> } | { ok: false; errors: GoalFieldError[] };

/** Reads the log card's inputs (input id = indicator id); an empty input is 0. */
export function parseLogCounts(
  raw: Readonly<Record<string, unknown>>,
  indicators: readonly IndicatorDefinition[],
): LogCountsParse {
  const counts: Record<string, number> = {};
  const errors: GoalFieldError[] = [];
  for (const indicator of indicators) {
    const parsed = parseCount(raw[indicator.id], indicator.label, MAX_WEEKLY_COUNT);
    if (parsed.ok) counts[indicator.id] = parsed.value ?? 0;
    else errors.push({ field: indicator.id, message: parsed.message });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, counts };
}
