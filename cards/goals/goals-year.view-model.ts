/**
 * The year overview card (`mål år`): a table of the year's Real per indicator against what was expected
 * by now and the annual target, and a line chart of the cumulative Real as a share of what the year
 * expects (with a text fallback for clients that cannot draw charts). Every figure is formatted here.
 */
import type { YearIndicator, YearOverview } from '../../rules/goals/year-overview';
import { formatCount, formatPercent } from '../shared/formatting';

/** The chart's series colours, one per indicator, in turn (Teams' categorical palette). */
const SERIES_COLOURS = [
  'categoricalBlue',
  'categoricalMarigold',
  'categoricalPurple',
  'categoricalTeal',
  'categoricalRed',
  'categoricalGreen',
  'categoricalLavender',
  'categoricalLightBlue',
  'categoricalLime',
] as const;

/** A cell's text; the defaults (normal weight and colour, not subtle) are left out (null), so a big table stays small. */
interface Cell {
  text: string;
  weight: 'Bolder' | null;
  color: 'Good' | 'Attention' | null;
  subtle: true | null;
}

const cell = (text: string, extra: Partial<Cell> = {}): Cell => ({
  text,
  weight: null,
  color: null,
  subtle: null,
  ...extra,
});
const header = (text: string): Cell => cell(text, { weight: 'Bolder' });

/** Counts are whole; an expectation pro-rated over weeks is rounded for display. */
const count = (value: number | undefined): string => (value === undefined ? '–' : formatCount(Math.round(value)));

function status(indicator: YearIndicator, audience: YearOverview['audience']): Cell {
  if (indicator.expectedByNow === undefined) {
    return cell(audience === 'team' ? 'intet årsmål' : 'ingen mål sat', { subtle: true });
  }
  const reached =
    audience === 'team' && indicator.shareOfTarget !== undefined
      ? `${formatPercent(indicator.shareOfTarget)} af årsmålet`
      : indicator.pace === undefined
        ? undefined
        : `${formatPercent(indicator.pace)} af dine mål`;
  // The flag first, glued to its word (a no-break space), then the share: "⚠ bagud · 6 % af årsmålet".
  const suffix = reached === undefined ? '' : ` · ${reached}`;
  if (indicator.behind) return cell(`⚠\u00a0bagud${suffix}`, { color: 'Attention' });
  return cell(`✓\u00a0i\u00a0takt${suffix}`, { color: 'Good' });
}

function rows(overview: YearOverview) {
  const team = overview.audience === 'team';
  const head = team
    ? [header('Indikator'), header('Real'), header('Forventet nu'), header('Årsmål')]
    : [header('Indikator'), header('Real'), header('Dine mål til nu')];
  return [
    { cells: head.map((each) => ({ items: [each] })) },
    ...overview.indicators.map((indicator) => {
      const first = { items: [cell(indicator.label, { weight: 'Bolder' }), status(indicator, overview.audience)] };
      const figures = team
        ? [count(indicator.real), count(indicator.expectedByNow), count(indicator.annualTarget)]
        : [count(indicator.real), count(indicator.expectedByNow)];
      return { cells: [first, ...figures.map((text) => ({ items: [cell(text)] }))] };
    }),
  ];
}

/** The indicators the chart can draw: those with something expected by now. */
function charted(overview: YearOverview): YearIndicator[] {
  return overview.indicators.filter((indicator) => (indicator.expectedByNow ?? 0) > 0);
}

function percentOf(real: number, expected: number | undefined): number {
  return expected === undefined || expected <= 0 ? 0 : Math.round((real / expected) * 100);
}

/**
 * The chart's series: each indicator's cumulative Real in % of what was expected by each point (the annual target
 * pro-rated from the week the team began measuring it, or a member's goals summed), from the first point anything
 * was expected; "Forventet" is the 100 % line. One scale serves indicators that began in different weeks.
 */
function chartSeries(indicators: readonly YearIndicator[]) {
  const measured = (indicator: YearIndicator) => indicator.trend.filter((point) => (point.expected ?? 0) > 0);
  const weeks = [...new Set(indicators.flatMap((indicator) => measured(indicator).map((point) => point.week)))].sort(
    (a, b) => a - b,
  );
  return [
    ...indicators.map((indicator, index) => ({
      legend: indicator.label,
      color: SERIES_COLOURS[index % SERIES_COLOURS.length] ?? 'categoricalBlue',
      // The x axis is the week number: the chart spaces the points by it and never cuts a number short.
      values: measured(indicator).map((point) => ({ x: point.week, y: percentOf(point.real, point.expected) })),
    })),
    { legend: 'Forventet', color: 'neutral', values: weeks.map((week) => ({ x: week, y: 100 })) },
  ];
}

/** What a client without charts shows instead: each indicator's cumulative Real at the chart's points. */
function chartFallback(overview: YearOverview, indicators: readonly YearIndicator[]): string[] {
  return indicators.map((indicator) => {
    const points = indicator.trend.map((point) => `${point.label} ${count(point.real)}`).join(' · ');
    return `**${indicator.label}** (akkumuleret): ${points} – forventet nu ${count(indicator.expectedByNow)}`;
  });
}

function subtitle(overview: YearOverview): string {
  const { through, weeksInYear } = overview;
  if (through.week === weeksInYear && !overview.inProgress) return `Hele året: ${weeksInYear} uger.`;
  return `Uge 1–${through.week}${overview.inProgress ? ` (uge ${through.week} er i gang)` : ''}: ${through.week} af årets ${weeksInYear} uger.`;
}

export function buildGoalsYearViewModel(overview: YearOverview) {
  const team = overview.audience === 'team';
  const drawn = charted(overview);
  const notices: string[] = [];
  if (team && overview.carriedOver) {
    notices.push(
      `Planen er overført fra ${overview.year - 1} og har ingen årsmål endnu. Sæt dem i **mål opsæt**, så viser kortet, hvor langt teamet er nået.`,
    );
  } else if (team && overview.indicators.every((indicator) => indicator.annualTarget === undefined)) {
    notices.push(
      `Teamet har ingen årsmål for ${overview.year} endnu. Sæt dem i **mål opsæt**, så viser kortet, hvor langt teamet er nået.`,
    );
  }
  return {
    heading: team ? `Året ${overview.year} – teamet` : `Året ${overview.year} – dine tal`,
    subtitle: subtitle(overview),
    explanation: team
      ? `Real er teamets registrerede tal i alt. Forventet nu er årsmålet fordelt jævnt på årets ${overview.weeksInYear} uger og ganget med de uger, der er gået, siden teamet begyndte at måle indikatoren; under 80 % af det er bagud.`
      : 'Real er dine registrerede tal i alt. Dine mål til nu er dine ugentlige mål lagt sammen for de uger, der er gået; under 80 % af dem er bagud.',
    notices,
    hasNotices: notices.length > 0,
    columns: [{ width: 2 }, { width: 1 }, { width: 1 }, ...(team ? [{ width: 1 }] : [])],
    rows: rows(overview),
    hasChart: drawn.length > 0,
    chartTitle: team ? 'Real i % af det forventede til hver uge' : 'Real i % af dine mål til hver uge',
    chartSeries: chartSeries(drawn),
    chartFallback: chartFallback(overview, drawn),
    noChart: team
      ? 'Ingen kurve endnu: den viser indikatorer med et årsmål.'
      : 'Ingen kurve endnu: den viser indikatorer, hvor du har ugentlige mål.',
  };
}
