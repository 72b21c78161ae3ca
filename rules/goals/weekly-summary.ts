/**
 * The leader's weekly summary (ugerapport, spec §3.2): per indicator Real vs Mål for the team and each
 * member with achievement, the last eight weeks and the year to date against the annual target, flags
 * below 80 %; the week's screenings; the week's openings and the open ones by ageing colour; and the
 * follow-ups' week-39 outcomes (spec §1.7). A pure function of what the stores hold.
 */
import { addDays } from '../shared/copenhagen-calendar';
import { DEFAULT_AGEING_THRESHOLDS, type AgeingColour, type AgeingThresholds } from '../openings/opening-ageing';
import {
  openByAgeing,
  openingStatistics,
  type ResultCounts,
  type StatisticsOpening,
} from '../openings/opening-statistics';
import { followUpOutcomes, type FollowUpOutcomeSummary } from '../follow-ups/follow-up-outcomes';
import type { FollowUp } from '../follow-ups/follow-up';
import type { DecidedScreening } from '../screening/decided-screening';
import type { GoalPlan } from './goal-plan';
import type { IndicatorCatalog } from './indicator';
import { indicatorsIn } from './indicator-catalog';
import { GoalLedger, RECENT_WEEKS, indicatorSummary, summaryMembers, type IndicatorSummary } from './indicator-summary';
import { compareWeeks, lastWeeks, sundayOf, weekDates, weekInstants, type IsoWeek } from './iso-week';
import {
  screeningPeriod,
  screeningWeekStatistics,
  type CapacitySettings,
  type ScreeningWeekStatistics,
} from './screening-week-statistics';
import type { WeeklyLog } from './weekly-log';

/** The follow-up outcomes cover the week-39 follow-ups due in the 52 weeks ending with the summarised week. */
export const OUTCOME_PERIOD_DAYS = 364;

export interface OpeningWeekStatistics {
  /** Registrations in the week: contacts, openings, by result, places opened and filled so far. */
  contacts: number;
  openings: number;
  byResult: ResultCounts;
  seatsOpened: number;
  /** Places filled so far on the week's openings (fills carry no date, so this is as of now). */
  seatsFilled: number;
  /** Openings registered by the end of the week and still open, by their age at the end of the week. */
  openByAgeing: Record<AgeingColour, { openings: number; seats: number }>;
  /** The instant the ageing was measured at (the week's last moment, or now for the current week). */
  ageingAsOf: string;
}

export interface LoggingStatus {
  /** Members expected to log the week. */
  expected: number;
  logged: number;
  /** Expected members who have not logged, by name. */
  missing: { userId: string; name: string }[];
}

export interface TeamWeeklySummary {
  teamId: string;
  week: IsoWeek;
  /** The week's Monday and Sunday. */
  period: { from: string; to: string };
  /** Whether the plan of the week's year was carried over from the year before (not yet saved). */
  planCarriedOver: boolean;
  logging: LoggingStatus;
  /** The plan's indicators, in the catalog's order. */
  indicators: IndicatorSummary[];
  /** Ids of the indicators whose team Real is below 80 % of Mål this week. */
  flaggedIndicators: string[];
  screenings: ScreeningWeekStatistics;
  openings: OpeningWeekStatistics;
  followUps: FollowUpOutcomeSummary;
  /** The team's names for the tracks, as its settings hold them now (undefined: the defaults). */
  trackLabels: Readonly<Partial<Record<string, string>>> | undefined;
}

export interface WeeklySummaryInput {
  teamId: string;
  week: IsoWeek;
  now: Date;
  catalog: IndicatorCatalog;
  /** The plans of the years the summary reads (see `summaryDataRanges`); at most one per year. */
  plans: readonly GoalPlan[];
  logs: readonly WeeklyLog[];
  screenings: readonly DecidedScreening[];
  /** Openings registered from the week's start, and every open one (what `listForBoard` gives). */
  openings: readonly StatisticsOpening[];
  followUps: readonly FollowUp[];
  settings: CapacitySettings;
  ageing?: AgeingThresholds;
}

/** What a summary of `week` reads from the stores, so a service fetches exactly that. */
export interface SummaryDataRanges {
  /** Logs from this week to the summarised week, both included (the last weeks and the year to date). */
  logsFrom: IsoWeek;
  logsTo: IsoWeek;
  /** The plan years read (the week's year, and the year before when the last weeks reach into it). */
  planYears: number[];
  /** Decided screenings in [from, to) (ISO instants). */
  screeningsFrom: string;
  screeningsTo: string;
  /** Openings registered at or after this instant, plus the open ones. */
  openingsSince: string;
  /** Week-39 follow-ups due in these calendar dates, both included. */
  followUpsFrom: string;
  followUpsTo: string;
}

export function summaryDataRanges(week: IsoWeek, settings: CapacitySettings): SummaryDataRanges {
  const recent = lastWeeks(week, RECENT_WEEKS);
  const firstRecent = recent[0] ?? week;
  const firstOfYear = { year: week.year, week: 1 };
  const logsFrom = compareWeeks(firstRecent, firstOfYear) < 0 ? firstRecent : firstOfYear;
  const screenings = screeningPeriod(week, settings);
  const sunday = sundayOf(week);
  return {
    logsFrom,
    logsTo: week,
    planYears: [...new Set(recent.map((each) => each.year))].sort(),
    screeningsFrom: screenings.from.toISOString(),
    screeningsTo: screenings.to.toISOString(),
    openingsSince: weekInstants(week).start.toISOString(),
    followUpsFrom: addDays(sunday, -(OUTCOME_PERIOD_DAYS - 1)),
    followUpsTo: sunday,
  };
}

function openingWeekStatistics(
  openings: readonly StatisticsOpening[],
  teamId: string,
  week: IsoWeek,
  now: Date,
  ageing: AgeingThresholds,
): OpeningWeekStatistics {
  const { from, to } = weekDates(week);
  const statistics = openingStatistics(openings, { teamId, from, to }, []);
  const { end } = weekInstants(week);
  const asOf = new Date(Math.min(now.getTime(), end.getTime() - 1));
  const registeredByEnd = openings.filter(
    (opening) => opening.teamId === teamId && new Date(opening.date).getTime() < end.getTime(),
  );
  return {
    contacts: statistics.contacts,
    openings: statistics.openings,
    byResult: statistics.byResult,
    seatsOpened: statistics.seatsOpened,
    seatsFilled: statistics.seatsFilled,
    openByAgeing: openByAgeing(registeredByEnd, asOf, ageing),
    ageingAsOf: asOf.toISOString(),
  };
}

export function weeklySummary(input: WeeklySummaryInput): TeamWeeklySummary {
  const { week } = input;
  const plans = input.plans.filter((plan) => plan.teamId === input.teamId);
  const ledger = new GoalLedger(
    plans,
    input.logs.filter((log) => log.teamId === input.teamId),
  );
  const plan = ledger.plan(week.year);
  const members = summaryMembers(ledger, week);
  const indicators = indicatorsIn(input.catalog, plan?.indicators ?? []).map((indicator) =>
    indicatorSummary(ledger, indicator, week, members),
  );
  const expected = ledger.activeMembers(week);
  const logged = new Set(ledger.logsOf(week).map((log) => log.userId));
  const dates = summaryDataRanges(week, input.settings);
  return {
    teamId: input.teamId,
    week,
    period: weekDates(week),
    planCarriedOver: plan?.carriedOverFrom !== undefined,
    logging: {
      expected: expected.length,
      logged: expected.filter((member) => logged.has(member.userId)).length,
      missing: expected
        .filter((member) => !logged.has(member.userId))
        .map((member) => ({ userId: member.userId, name: member.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'da-DK')),
    },
    indicators,
    flaggedIndicators: indicators
      .filter((indicator) => indicator.team.flagged)
      .map((indicator) => indicator.indicatorId),
    screenings: screeningWeekStatistics(
      input.screenings.filter((screening) => screening.teamId === input.teamId),
      week,
      input.settings,
    ),
    openings: openingWeekStatistics(
      input.openings,
      input.teamId,
      week,
      input.now,
      input.ageing ?? DEFAULT_AGEING_THRESHOLDS,
    ),
    followUps: followUpOutcomes(
      input.followUps.filter((followUp) => followUp.teamId === input.teamId),
      dates.followUpsFrom,
      dates.followUpsTo,
    ),
    trackLabels: input.settings.trackLabels,
  };
}
