/**
 * Counts the bot already knows for a member's week (spec §3.1), so the log card comes prefilled and
 * the member only corrects it:
 * - openings they registered that week, per result, for the indicators whose `prefill` is
 *   `openings:<result>` (by default `aabninger_ordinaere`, `aabninger_praktik`, `aabninger_loentilskud`).
 *   Each registration counts once, whatever its number of seats — the seed's sheet counts "antal
 *   jobåbninger", and the registrations are what the opening statistics count per consultant;
 * - screenings they completed (decided) that week as caseworker, for the indicator whose `prefill` is
 *   `screenings` (by default `individuelle_samtaler`: a screening is made at the citizen's first
 *   individual interview, spec §1, so each completed screening is one individual talk held).
 * Weeks are Copenhagen calendar weeks.
 */
import { calendarDate } from '../shared/copenhagen-calendar';
import { OPENING_RESULTS, type OpeningResult } from '../openings/opening';
import { openingStatistics, type StatisticsOpening } from '../openings/opening-statistics';
import type { DecidedScreening } from '../screening/decided-screening';
import type { IndicatorDefinition } from './indicator';
import { weekDates, type IsoWeek } from './iso-week';

export interface PrefillInput {
  teamId: string;
  userId: string;
  week: IsoWeek;
  /** The indicators on the member's card (only these are prefilled). */
  indicators: readonly IndicatorDefinition[];
  /** The team's openings; those outside the week or registered by others are ignored. */
  openings: readonly StatisticsOpening[];
  /** The team's decided screenings; those outside the week or by others are ignored. */
  screenings: readonly Pick<DecidedScreening, 'caseworkerId' | 'decidedAt'>[];
}

/** The prefilled count per indicator id, for the indicators that have a prefill source. */
export function prefillCounts(input: PrefillInput): Record<string, number> {
  const { from, to } = weekDates(input.week);
  const statistics = openingStatistics(input.openings, { teamId: input.teamId, from, to }, []);
  const mine = statistics.byConsultant.find((consultant) => consultant.userId === input.userId);
  const screenings = input.screenings.filter((screening) => {
    if (screening.caseworkerId !== input.userId) return false;
    const day = calendarDate(new Date(screening.decidedAt));
    return day >= from && day <= to;
  }).length;
  const counts: Record<string, number> = {};
  for (const indicator of input.indicators) {
    const source = indicator.prefill;
    if (source === undefined) continue;
    if (source === 'screenings') {
      counts[indicator.id] = screenings;
      continue;
    }
    const result = source.slice('openings:'.length) as OpeningResult;
    if ((OPENING_RESULTS as readonly string[]).includes(result)) counts[indicator.id] = mine?.byResult[result] ?? 0;
  }
  return counts;
}
