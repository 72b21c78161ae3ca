/**
 * Which ISO week a command means (`mål`, `mål uge 7`, `ugerapport`, `ugerapport uge 7 2026`), given
 * today's Copenhagen date. Without a year, "uge 7" is the latest week 7 that has begun: in January 2027
 * "uge 52" is 2026-W52, and "uge 53" is 2026-W53 because 2027 has none.
 */
import type { WeekArgument } from '../commands/week-argument.parser';
import {
  compareWeeks,
  isValidIsoWeek,
  isoWeekOfDate,
  previousWeek,
  weeksBetween,
  weeksInYear,
  type IsoWeek,
} from './iso-week';

/** `log`: a member's card (default the current week); `report`: the summary (default the previous week). */
export type WeekPurpose = 'log' | 'report';

/** How far back a member may log (a year, so last year's weeks can be corrected in January). */
export const LOG_LOOKBACK_WEEKS = 53;

export type WeekSelection = { ok: true; week: IsoWeek } | { ok: false; message: string };

export function resolveWeekSelection(argument: WeekArgument, today: string, purpose: WeekPurpose): WeekSelection {
  const current = isoWeekOfDate(today);
  if (argument.kind === 'invalid') return { ok: false, message: argument.message };
  if (argument.kind === 'none') return { ok: true, week: purpose === 'log' ? current : previousWeek(current) };

  let week: IsoWeek;
  if (argument.year !== undefined) {
    week = { year: argument.year, week: argument.week };
    if (!isValidIsoWeek(week)) {
      const weeks =
        Number.isInteger(argument.year) && argument.year >= 1583 && argument.year <= 9999
          ? weeksInYear(argument.year)
          : undefined;
      return {
        ok: false,
        message:
          weeks === undefined ? `Året ${argument.year} kan ikke bruges.` : `${argument.year} har kun ${weeks} uger.`,
      };
    }
  } else {
    const candidates = [current.year, current.year - 1]
      .map((year) => ({ year, week: argument.week }))
      .filter((candidate) => isValidIsoWeek(candidate) && compareWeeks(candidate, current) <= 0);
    const latest = candidates[0];
    if (latest === undefined) {
      return { ok: false, message: `Uge ${argument.week} findes hverken i ${current.year} eller ${current.year - 1}.` };
    }
    week = latest;
  }
  if (compareWeeks(week, current) > 0) {
    return { ok: false, message: `Uge ${week.week} ${week.year} er ikke begyndt endnu.` };
  }
  if (purpose === 'log' && weeksBetween(week, current) > LOG_LOOKBACK_WEEKS) {
    return { ok: false, message: `Du kan registrere tal for op til ${LOG_LOOKBACK_WEEKS} uger tilbage.` };
  }
  return { ok: true, week };
}
