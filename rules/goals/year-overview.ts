/**
 * The year overview (`mål år`, issue 16 item 7), like the front page of the seed's sheet ("en forside,
 * hvor årets samlede registreringer fremgår"): per indicator the year's Real against the annual target,
 * the share reached, what the target pro-rated to the weeks passed expects by now, and the trend, the
 * cumulative Real beside the expected path. A leader sees the team; a member their own numbers against
 * their own weekly goals summed (a member has no annual target), as the weekly report decides
 * (summary-visibility.ts).
 */
import { FLAG_BELOW, sumGoals } from './achievement';
import type { GoalPlan, PlanMember } from './goal-plan';
import type { IndicatorCatalog } from './indicator';
import { indicatorsIn } from './indicator-catalog';
import { GoalLedger, firstMeasuredWeek, proRatedTarget } from './indicator-summary';
import { compareWeeks, mondayOf, weeksInYear, weeksOfYearUpTo, type IsoWeek } from './iso-week';
import type { SummaryViewer } from './summary-visibility';
import type { WeeklyLog } from './weekly-log';

/** Up to this many weeks the trend has a point per week; beyond, a point per month. */
export const WEEKLY_TREND_UP_TO = 12;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const;

export interface TrendPoint {
  /** "uge 7", or a month ("mar") */
  label: string;
  /** The last week the point counts. */
  week: number;
  /** Real summed from week 1 to the point. */
  real: number;
  /** What was expected by then: the pro-rated annual target (team) or the goals summed (member). */
  expected: number | undefined;
}

export interface YearIndicator {
  indicatorId: string;
  label: string;
  group: string;
  /** Real summed over the weeks passed. */
  real: number;
  /** The weekly goals summed over the weeks passed (the team's: every member's). */
  goalsToDate: number | undefined;
  /** The team's annual target; never for a member. */
  annualTarget: number | undefined;
  /** real / annualTarget. */
  shareOfTarget: number | undefined;
  /**
   * Expected by now: the annual target × the weeks since the team began measuring the indicator / weeks of the year
   * (team), the goals to date (member).
   */
  expectedByNow: number | undefined;
  /** real / expectedByNow. */
  pace: number | undefined;
  /** Pace below 80 %. */
  behind: boolean;
  trend: TrendPoint[];
}

export interface YearOverview {
  teamId: string;
  year: number;
  audience: 'team' | 'member';
  /** The member's name (member view). */
  name: string | undefined;
  /** The last week counted: the current week in the current year (it is under way), else the year's last. */
  through: IsoWeek;
  /** Whether `through` is the current week, not yet over. */
  inProgress: boolean;
  weeksInYear: number;
  /** Whether the plan was carried over from last year (no annual targets yet). */
  carriedOver: boolean;
  indicators: YearIndicator[];
}

export interface YearOverviewInput {
  viewer: SummaryViewer;
  plan: GoalPlan;
  logs: readonly WeeklyLog[];
  /** The team's catalogue for the year (its own indicators with the labels of `through`). */
  catalog: IndicatorCatalog;
  /** Today's week. */
  today: IsoWeek;
}

/** The weeks a trend's points end at: every week up to 12 weeks, else the last week of each month (by its Thursday). */
function trendWeeks(through: IsoWeek): { label: string; week: number }[] {
  const weeks = weeksOfYearUpTo(through);
  if (weeks.length <= WEEKLY_TREND_UP_TO) return weeks.map((week) => ({ label: `uge ${week.week}`, week: week.week }));
  const points: { label: string; week: number }[] = [];
  for (const week of weeks) {
    const thursday = new Date(`${mondayOf(week)}T12:00:00Z`);
    thursday.setUTCDate(thursday.getUTCDate() + 3);
    const label = MONTHS[thursday.getUTCMonth()] ?? '';
    const last = points.at(-1);
    if (last?.label === label) last.week = week.week;
    else points.push({ label, week: week.week });
  }
  return points;
}

/**
 * The overview of a plan's year for a viewer; undefined for someone who is neither a leader nor among the
 * plan's members (they have no numbers to see).
 */
export function yearOverview(input: YearOverviewInput): YearOverview | undefined {
  const { plan, viewer } = input;
  const member: PlanMember | undefined = plan.members.find((each) => each.userId === viewer.userId);
  if (!viewer.isLeader && member === undefined) return undefined;
  const audience = viewer.isLeader ? 'team' : 'member';
  const total = weeksInYear(plan.year);
  const through: IsoWeek =
    compareWeeks({ year: plan.year, week: total }, input.today) <= 0
      ? { year: plan.year, week: total }
      : input.today.year === plan.year
        ? input.today
        : { year: plan.year, week: 0 };
  const ledger = new GoalLedger(
    [plan],
    input.logs.filter((log) => log.teamId === plan.teamId),
  );
  const weeks = through.week === 0 ? [] : weeksOfYearUpTo(through);
  const points = through.week === 0 ? [] : trendWeeks(through);

  const indicators = indicatorsIn(input.catalog, plan.indicators).map((indicator): YearIndicator => {
    const perWeek = weeks.map((week) => {
      if (audience === 'team') return ledger.teamWeek(indicator.id, week);
      return ledger.memberWeek(viewer.userId, indicator.id, week);
    });
    const upTo = (last: number) => perWeek.slice(0, last);
    const real = (last: number) => upTo(last).reduce((sum, week) => sum + week.real, 0);
    const goals = (last: number) => sumGoals(upTo(last).map((week) => week.goal));
    const target = audience === 'team' ? plan.annualTargets[indicator.id] : undefined;
    // As the weekly report: the target is expected from the first week the team measured the indicator.
    const measuredFrom = firstMeasuredWeek(
      ledger,
      indicator.id,
      weeks.map((week) => ledger.teamWeek(indicator.id, week)),
    );
    const expected = (last: number): number | undefined =>
      audience === 'team' ? proRatedTarget(target, measuredFrom, { year: plan.year, week: last }) : goals(last);
    const expectedByNow = expected(weeks.length);
    const sum = real(weeks.length);
    const pace = expectedByNow === undefined || expectedByNow <= 0 ? undefined : sum / expectedByNow;
    return {
      indicatorId: indicator.id,
      label: indicator.label,
      group: indicator.group,
      real: sum,
      goalsToDate: goals(weeks.length),
      annualTarget: target,
      shareOfTarget: target === undefined || target <= 0 ? undefined : sum / target,
      expectedByNow,
      pace,
      behind: pace !== undefined && pace < FLAG_BELOW,
      trend: points.map((point) => ({
        label: point.label,
        week: point.week,
        real: real(point.week),
        expected: expected(point.week),
      })),
    };
  });
  return {
    teamId: plan.teamId,
    year: plan.year,
    audience,
    name: audience === 'member' ? member?.name : undefined,
    through,
    inProgress: through.week > 0 && compareWeeks(through, input.today) === 0,
    weeksInYear: total,
    carriedOver: plan.carriedOverFrom !== undefined,
    indicators,
  };
}

export type YearArgument = { ok: true; year: number | undefined } | { ok: false; message: string };

/** The year after `mål år`: nothing (this year) or four digits ("2025"). */
export function parseYearArgument(args: string): YearArgument {
  const text = args.normalize('NFC').trim();
  if (text === '') return { ok: true, year: undefined };
  const year = /^\d{4}$/u.test(text) ? Number(text) : undefined;
  if (year === undefined || year < 2000 || year > 9999) {
    return { ok: false, message: 'Skriv "mål år" for i år eller fx "mål år 2025" for et andet år.' };
  }
  return { ok: true, year };
}
