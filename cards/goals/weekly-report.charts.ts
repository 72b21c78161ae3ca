/**
 * The weekly report's charts (Teams `Chart.*` elements) as view-model data, each with the text its
 * `fallback` shows a client that cannot draw charts: Real and Mål per week (grouped bars), the year to date
 * against the annual target pro-rated to the weeks measured (horizontal bars), the week's screenings by
 * track (horizontal bars) and the intensive share against its cap (gauge). A chart with nothing to draw is left out
 * (its `has…` is false) and the card says so in words instead.
 */
import type { WeekFigures, YearToDate } from '../../rules/goals/indicator-summary';
import type { ScreeningWeekStatistics } from '../../rules/goals/screening-week-statistics';
import { trackLabel } from '../screening/track-labels';
import { formatCount } from '../shared/formatting';
import { formatShare } from './goal-formatting';

export interface ChartPoint {
  x: string;
  y: number;
}

export interface ChartSeries {
  legend: string;
  color: string;
  values: ChartPoint[];
}

export interface TrendView {
  hasTrend: boolean;
  trendSeries: ChartSeries[];
  /** For clients without charts, and for the weeks the chart shows: "uge 46: 12 af 20 · uge 47: 4, intet mål". */
  trendText: string;
}

const REAL_COLOUR = 'categoricalBlue';
const GOAL_COLOUR = 'neutral';

/** The week's number alone: the chart's categories are narrow ("uge 46" is drawn cut as "uge …"); the axis says "Uge". */
function weekLabel(figures: WeekFigures): string {
  return String(figures.week.week);
}

/**
 * The weeks worth drawing: from the first with a goal or a count on (weeks before a plan or a member
 * existed are not weeks of 0 against no goal, they are no weeks at all).
 */
export function measuredWeeks(weeks: readonly WeekFigures[]): WeekFigures[] {
  const first = weeks.findIndex((week) => week.goal !== undefined || week.real !== 0);
  return first === -1 ? [] : weeks.slice(first);
}

function weekText(week: WeekFigures): string {
  return week.goal === undefined
    ? `uge ${week.week.week}: ${formatCount(week.real)}, intet mål`
    : `uge ${week.week.week}: ${formatCount(week.real)} af ${formatCount(week.goal)}`;
}

/** Real and Mål per week, oldest first; a week without a goal has no Mål bar. */
export function trendView(weeks: readonly WeekFigures[]): TrendView {
  const shown = measuredWeeks(weeks);
  if (shown.length === 0) return { hasTrend: false, trendSeries: [], trendText: '' };
  const real: ChartSeries = {
    legend: 'Real',
    color: REAL_COLOUR,
    values: shown.map((week) => ({ x: weekLabel(week), y: week.real })),
  };
  const goals = shown.filter((week) => week.goal !== undefined);
  const goal: ChartSeries = {
    legend: 'Mål',
    color: GOAL_COLOUR,
    values: goals.map((week) => ({ x: weekLabel(week), y: week.goal ?? 0 })),
  };
  return {
    hasTrend: true,
    trendSeries: goal.values.length === 0 ? [real] : [real, goal],
    trendText: `Real og mål pr. uge: ${shown.map(weekText).join(' · ')}`,
  };
}

export interface YearBar {
  x: string;
  y: number;
  color: string;
}

/** The colour of a pace: on or over the expected, behind but not flagged, flagged behind. */
function paceColour(year: YearToDate): string {
  if (year.behindAnnualTarget) return 'attention';
  return (year.pace ?? 0) >= 1 ? 'good' : 'warning';
}

/** "Kanvas: 74 % af det forventede til nu (120 af 163) · årsmål 1.060 · ⚠ bagud". */
export function yearLine(label: string, year: YearToDate): string {
  if (year.annualTarget === undefined) return `${label}: intet årsmål`;
  if (year.pace === undefined || year.expectedByNow === undefined)
    return `${label}: årsmål ${formatCount(year.annualTarget)} · intet målt endnu`;
  return `${label}: ${formatShare(year.pace)} af det forventede til nu (${formatCount(year.real)} af ${formatCount(
    Math.round(year.expectedByNow),
  )}) · årsmål ${formatCount(year.annualTarget)}${year.behindAnnualTarget ? ' · ⚠ bagud' : ''}`;
}

/** Bars per chart: Teams' renderer refuses a bar chart with more than four entries. */
const MAX_BARS_PER_CHART = 4;

export interface YearView {
  hasYearBars: boolean;
  /**
   * The bars in charts of at most four, in the indicators' order, each with its own lines as its fallback. Each
   * bar is labelled with its value and coloured by its pace, so charts side by side read alike although each
   * scales to its own longest bar.
   */
  yearCharts: { bars: YearBar[]; lines: string[] }[];
  /** Indicators with an annual target but nothing measured yet, beside the charts: not in a chart, said in text. */
  unmeasuredLines: string[];
  /** One line per indicator with an annual target: shown when no chart can be drawn. */
  yearLines: string[];
  /** What the chart measures, or why there is none. */
  yearNote: string;
}

/** The year to date of each indicator with an annual target, in % of what is expected by now. */
export function yearView(indicators: readonly { label: string; yearToDate: YearToDate }[], year: number): YearView {
  const targeted = indicators.filter((indicator) => indicator.yearToDate.annualTarget !== undefined);
  const paced = targeted.filter((indicator) => indicator.yearToDate.pace !== undefined);
  const yearNote =
    targeted.length === 0
      ? `Ingen af indikatorerne har et årsmål for ${year}.`
      : paced.length === 0
        ? 'Teamet har ikke målt indikatorerne med årsmål endnu.'
        : 'Real i % af det forventede til nu: årsmålet fordelt ligeligt på årets uger, talt fra den uge teamet begyndte at måle indikatoren. Under 80 % er bagud.';
  const yearCharts: YearView['yearCharts'] = [];
  for (let start = 0; start < paced.length; start += MAX_BARS_PER_CHART) {
    const group = paced.slice(start, start + MAX_BARS_PER_CHART);
    yearCharts.push({
      bars: group.map((indicator) => ({
        x: indicator.label,
        y: Math.round((indicator.yearToDate.pace ?? 0) * 100),
        color: paceColour(indicator.yearToDate),
      })),
      lines: group.map((indicator) => yearLine(indicator.label, indicator.yearToDate)),
    });
  }
  return {
    hasYearBars: paced.length > 0,
    yearCharts,
    // Without any chart, every line is shown as text (`yearLines`), these among them.
    unmeasuredLines:
      paced.length === 0
        ? []
        : targeted
            .filter((indicator) => indicator.yearToDate.pace === undefined)
            .map((indicator) => yearLine(indicator.label, indicator.yearToDate)),
    yearLines: targeted.map((indicator) => yearLine(indicator.label, indicator.yearToDate)),
    yearNote,
  };
}

const TRACK_COLOURS: Readonly<Record<string, string>> = {
  'catch-all': 'categoricalPurple',
  selektion: 'categoricalMarigold',
  doedvaegt: 'categoricalBlue',
};

export interface ScreeningChartsView {
  hasTracks: boolean;
  /** Bars rather than a donut: the tracks' long labels collapse a donut's legend ("+2 items") on a narrow card. */
  trackBars: { x: string; y: number; color: string }[];
  trackText: string;
  hasIntensiveGauge: boolean;
  intensive: {
    /** In % of 0–100 (a share above 100 %, possible when overrides add intensive efforts, is drawn full). */
    value: number;
    subLabel: string;
    segments: { size: number; legend: string; color: string }[];
  };
  intensiveText: string;
}

/** The week's screenings by track, and the intensive share of the capacity window against its cap. */
export function screeningChartsView(
  screenings: ScreeningWeekStatistics,
  labels?: Readonly<Partial<Record<string, string>>>,
): ScreeningChartsView {
  const tracks = screenings.byTrack.filter((entry) => entry.count > 0);
  const share = screenings.intensiveShare;
  const percent = share.share === undefined ? 0 : Math.round(share.share * 100);
  const cap = Math.round(share.cap * 100);
  return {
    hasTracks: tracks.length > 0,
    trackBars: tracks.map((entry) => ({
      x: trackLabel(entry.track, labels),
      y: entry.count,
      color: TRACK_COLOURS[entry.track] ?? 'neutral',
    })),
    trackText:
      tracks.length === 0
        ? 'Ingen screeninger i ugen.'
        : `Spor: ${tracks.map((entry) => `${trackLabel(entry.track, labels)} ${formatCount(entry.count)}`).join(' · ')}`,
    hasIntensiveGauge: share.share !== undefined,
    intensive: {
      value: Math.min(percent, 100),
      subLabel: `${formatCount(share.intensive)} af ${formatCount(share.eligible)} · loft ${formatShare(share.cap)}`,
      segments: [
        { size: cap, legend: `Under loftet (${formatShare(share.cap)})`, color: 'good' },
        { size: 100 - cap, legend: 'Over loftet', color: 'attention' },
      ],
    },
    intensiveText:
      share.share === undefined
        ? `Intensiv andel (${formatCount(screenings.window.days)} dage): ingen screeninger i målgrupper med intensiv strategi endnu · loft ${formatShare(share.cap)}`
        : `Intensiv andel (${formatCount(screenings.window.days)} dage): ${formatShare(share.share)} (${formatCount(share.intensive)} af ${formatCount(share.eligible)}) · loft ${formatShare(share.cap)}${share.aboveCap ? ' ⚠ over loftet' : ''}`,
  };
}
