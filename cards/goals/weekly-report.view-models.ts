/**
 * The weekly summary as cards (`ugerapport`, Monday's message to the leaders, spec §3.2): for a leader
 * the team's Real vs Mål as tables (indicators for the team; per indicator its members and the team), the
 * last eight weeks and the year to date against the annual target as charts, the week's screenings
 * (tracks and the intensive share as charts) and openings, and the week-39 follow-up outcomes; for a
 * member only their own numbers. Everything is formatted here; the templates only place text and data.
 */
import { FINAL_FOLLOW_UP_WEEK } from '../../rules/follow-ups/follow-up';
import { NO_ARCHETYPE, type OutcomeBreakdown, type OutcomeCounts } from '../../rules/follow-ups/follow-up-outcomes';
import type { Figures } from '../../rules/goals/achievement';
import type { IndicatorSummary } from '../../rules/goals/indicator-summary';
import { formatWeek, weekKey, weeksInYear } from '../../rules/goals/iso-week';
import type { MemberIndicatorView, MemberWeeklySummary } from '../../rules/goals/summary-visibility';
import type { TeamWeeklySummary } from '../../rules/goals/weekly-summary';
import { calendarDate } from '../../rules/shared/copenhagen-calendar';
import { OPENING_RESULT_LABELS } from '../../rules/openings/opening';
import { trackLabel } from '../screening/track-labels';
import type { NoticeStyle } from './goal-log.view-models';
import { formatCalendarDate, formatFigures, formatPeriod, formatShare, formatWeekWithYear } from './goal-formatting';
import { screeningChartsView, trendView, yearView } from './weekly-report.charts';
import { figuresRow, headerRow, type RowView } from './weekly-report.tables';
import { TEAM_ROW_NAME } from './weekly-report.csv';
import { countOf, formatCount } from '../shared/formatting';

export interface ReportContext {
  /** Archetype names by id, from the screening ruleset. */
  archetypeNames: ReadonlyMap<string, string>;
}

export interface ReportNotice {
  notices?: readonly string[];
  noticeStyle?: NoticeStyle;
}

/** Which part of a team report a message holds, when the report does not fit one message. */
export type TeamReportPart =
  /** Everything in one message. */
  | { kind: 'whole' }
  /** The overview: every indicator without its members, then screenings, openings and follow-ups. */
  | { kind: 'overview'; parts: number }
  /** The members' numbers of some indicators. */
  | { kind: 'members'; indicatorIds: readonly string[]; index: number; parts: number };

/** "År til dato (uge 1–7): Real 126 · Mål 140 · 90 % · årsmål 1.060 (12 % nået, 90 % af det forventede til nu)". */
function yearText(indicator: IndicatorSummary): string {
  const year = indicator.yearToDate;
  if (year.annualTarget === undefined) return `År til dato (uge 1–${year.weeks}): ${formatFigures(year)}`;
  const facts = [
    ...(year.shareOfAnnualTarget === undefined ? [] : [`${formatShare(year.shareOfAnnualTarget)} nået`]),
    ...(year.pace === undefined ? [] : [`${formatShare(year.pace)} af det forventede til nu`]),
  ];
  return `År til dato (uge 1–${year.weeks}): ${formatFigures(year)} · årsmål ${formatCount(year.annualTarget)}${
    facts.length === 0 ? '' : ` (${facts.join(', ')})`
  }${year.behindAnnualTarget ? ' ⚠ bagud' : ''}`;
}

/** The members' rows of an indicator, then the team's. */
function memberRows(indicator: IndicatorSummary): RowView[] {
  return [
    headerRow('Medarbejder'),
    ...indicator.members.map((member) =>
      figuresRow(member.name, member, member.logged ? {} : { note: 'ikke registreret' }),
    ),
    figuresRow(TEAM_ROW_NAME, indicator.team, { bold: true }),
  ];
}

function indicatorView(indicator: IndicatorSummary) {
  return {
    headline: `**${indicator.label}**`,
    yearText: yearText(indicator),
    ...trendView(indicator.lastWeeks),
    memberRows: memberRows(indicator),
  };
}

/** The team's week per indicator: one row each. */
function teamRows(indicators: readonly IndicatorSummary[]): RowView[] {
  return [headerRow('Indikator'), ...indicators.map((indicator) => figuresRow(indicator.label, indicator.team))];
}

/** "1 af 4 (25 %)": still unemployed of those answered; "–" while none is answered. */
function outcomeText(counts: OutcomeCounts): string {
  if (counts.answered === 0) return '–';
  return `${formatCount(counts.stillUnemployed)} af ${formatCount(counts.answered)}${
    counts.share === undefined ? '' : ` (${formatShare(counts.share)})`
  }`;
}

/** "1 af 4 besvarede (25 %) er stadig ledige", or that none is answered yet. */
function answeredText(counts: OutcomeCounts): string {
  if (counts.answered === 0) return 'ingen er besvaret endnu';
  const share = counts.share === undefined ? '' : ` (${formatShare(counts.share)})`;
  return `${formatCount(counts.stillUnemployed)} af ${formatCount(counts.answered)} besvarede${share} er stadig ${counts.stillUnemployed === 1 ? 'ledig' : 'ledige'}`;
}

function breakdownFacts(rows: readonly OutcomeBreakdown[], title: (key: string) => string) {
  return rows.map((row) => ({
    title: title(row.key),
    value: `${outcomeText(row.all)} · i risiko ${outcomeText(row.flagged)} · øvrige ${outcomeText(row.notFlagged)}`,
  }));
}

function screeningFacts(summary: TeamWeeklySummary): { title: string; value: string }[] {
  const { screenings } = summary;
  const reasons = screenings.topOverrideReasons;
  return [
    { title: 'Screeninger i ugen', value: formatCount(screenings.count) },
    {
      title: 'Fravigelser',
      value:
        screenings.overrideRate === undefined
          ? '–'
          : `${formatShare(screenings.overrideRate)} (${formatCount(screenings.overridden)} af ${formatCount(screenings.count)})`,
    },
    {
      title: 'Hyppigste årsager',
      value:
        reasons.length === 0
          ? '–'
          : reasons.map((reason) => `${reason.label} (${formatCount(reason.count)})`).join(' · '),
    },
  ];
}

function openingFacts(summary: TeamWeeklySummary): { title: string; value: string }[] {
  const { openings } = summary;
  const byResult = (['ordinaer_aabning', 'praktikplads', 'loentilskud'] as const)
    .filter((result) => openings.byResult[result] > 0)
    .map((result) => `${OPENING_RESULT_LABELS[result]} ${formatCount(openings.byResult[result])}`);
  const ageing = openings.openByAgeing;
  const colour = (label: string, bucket: { openings: number; seats: number }) =>
    `${label} ${formatCount(bucket.openings)} (${countOf(bucket.seats, 'plads', 'pladser')})`;
  return [
    {
      title: 'Nye i ugen',
      value: `${countOf(openings.openings, 'åbning', 'åbninger')} af ${countOf(openings.contacts, 'kontakt', 'kontakter')}${byResult.length === 0 ? '' : ` · ${byResult.join(' · ')}`}`,
    },
    {
      title: 'Pladser',
      value: `${formatCount(openings.seatsOpened)} oprettet · ${formatCount(openings.seatsFilled)} besat indtil nu`,
    },
    {
      // The Copenhagen date of that instant (its UTC date is the day before between midnight and 01:00/02:00).
      title: `Åbne pr. ${formatCalendarDate(calendarDate(new Date(openings.ageingAsOf)))}`,
      value: [colour('rød', ageing.roed), colour('gul', ageing.gul), colour('under 7 dage', ageing.ny)].join(' · '),
    },
  ];
}

function followUpView(summary: TeamWeeklySummary, context: ReportContext) {
  const { followUps } = summary;
  const period = `${formatCalendarDate(followUps.from)} – ${formatCalendarDate(followUps.to)}`;
  const total = followUps.all.answered + followUps.unanswered;
  return {
    followUpText:
      total === 0
        ? `Ingen opfølgninger ${FINAL_FOLLOW_UP_WEEK} uger efter screeningen i perioden ${period}.`
        : `Opfølgninger ${FINAL_FOLLOW_UP_WEEK} uger efter screeningen (${period}): ${answeredText(followUps.all)}${
            followUps.unanswered > 0 ? `; ${formatCount(followUps.unanswered)} mangler svar` : ''
          }. Herunder stadig ledige af besvarede: i alt, blandt dem screeningen pegede på som i risiko, og blandt de øvrige.`,
    followUpTracks: breakdownFacts(followUps.byTrack, (track) => trackLabel(track, summary.trackLabels)),
    followUpArchetypes: breakdownFacts(followUps.byArchetype, (key) =>
      key === NO_ARCHETYPE ? 'Ingen arketype' : (context.archetypeNames.get(key) ?? key),
    ),
  };
}

function loggingText(summary: TeamWeeklySummary): string {
  const { logging } = summary;
  if (logging.expected === 0) return 'Ingen medarbejdere skulle registrere i ugen.';
  const missing = logging.missing.map((member) => member.name).join(', ');
  return `${formatCount(logging.logged)} af ${countOf(logging.expected, 'medarbejder', 'medarbejdere')} har registreret ugens tal.${missing === '' ? '' : ` Mangler: ${missing}.`}`;
}

/** The leader's report, or one message of it (see {@link TeamReportPart}). */
export function buildTeamReportViewModel(
  summary: TeamWeeklySummary,
  context: ReportContext,
  notice: ReportNotice = {},
  part: TeamReportPart = { kind: 'whole' },
) {
  const week = formatWeekWithYear(summary.week);
  const labels = new Map(summary.indicators.map((indicator) => [indicator.indicatorId, indicator.label]));
  const detailed =
    part.kind === 'members'
      ? summary.indicators.filter((indicator) => part.indicatorIds.includes(indicator.indicatorId))
      : part.kind === 'overview'
        ? []
        : summary.indicators;
  const showOverview = part.kind !== 'members';
  const heading =
    part.kind === 'members'
      ? `Ugerapport ${week}: pr. indikator (${part.index + 1}/${part.parts})`
      : part.kind === 'overview'
        ? `Ugerapport ${week} (1/${part.parts})`
        : `Ugerapport ${week}`;
  const overviewIndicators = showOverview ? summary.indicators : [];
  return {
    heading,
    subtitle: `${formatPeriod(summary.period)} · hele teamet`,
    year: summary.week.year,
    notices: showOverview ? [...(notice.notices ?? [])] : [],
    noticeStyle: notice.noticeStyle ?? 'default',
    showOverview,
    carriedOverText:
      showOverview && summary.planCarriedOver
        ? `Målene er overført fra sidste år og ikke gemt endnu: skriv **mål opsæt** for at se og gemme dem.`
        : '',
    loggingText: showOverview ? loggingText(summary) : '',
    flaggedText:
      showOverview && summary.flaggedIndicators.length > 0
        ? `Under 80 % af målet: ${summary.flaggedIndicators.map((id) => labels.get(id) ?? id).join(', ')}.`
        : '',
    goalsHeading: `Real mod mål i ${formatWeek(summary.week, { withYear: false })}`,
    hasIndicators: summary.indicators.length > 0,
    showTeamTable: overviewIndicators.length > 0,
    noIndicatorsText: `Teamet har ingen indikatorer for ${summary.week.year}. Skriv **mål opsæt** for at vælge dem og sætte mål.`,
    teamRows: teamRows(overviewIndicators),
    showYear: overviewIndicators.length > 0,
    yearHeading: `År til dato mod årsmålet (uge ${formatCount(summary.week.week)} af ${formatCount(
      weeksInYear(summary.week.year),
    )})`,
    ...yearView(overviewIndicators, summary.week.year),
    membersNote:
      part.kind === 'overview' ? 'Hver indikators udvikling og medarbejdernes tal følger i de næste beskeder.' : '',
    detailHeading: detailed.length > 0 ? 'Pr. indikator: seneste 8 uger og medarbejderne' : '',
    indicators: detailed.map(indicatorView),
    screeningFacts: showOverview ? screeningFacts(summary) : [],
    ...screeningChartsView(summary.screenings, summary.trackLabels),
    openingFacts: showOverview ? openingFacts(summary) : [],
    ...(showOverview
      ? followUpView(summary, context)
      : { followUpText: '', followUpTracks: [], followUpArchetypes: [] }),
  };
}

/** A member's week per indicator, and their year to date. */
function memberRowsOf(summary: MemberWeeklySummary, figuresOf: (indicator: MemberIndicatorView) => Figures) {
  return [
    headerRow('Indikator'),
    ...summary.indicators.map((indicator) => figuresRow(indicator.label, figuresOf(indicator))),
  ];
}

/** A member's own numbers: nobody else's, no team totals. */
export function buildMemberReportViewModel(summary: MemberWeeklySummary, notice: ReportNotice = {}) {
  const week = formatWeekWithYear(summary.week);
  const trends = summary.indicators
    .map((indicator) => ({ headline: `**${indicator.label}**`, ...trendView(indicator.lastWeeks) }))
    .filter((indicator) => indicator.hasTrend);
  return {
    heading: `Dine tal ${week}`,
    subtitle: `${formatPeriod(summary.period)} · ${summary.name}`,
    notices: [...(notice.notices ?? [])],
    noticeStyle: notice.noticeStyle ?? 'default',
    loggedText: summary.logged
      ? 'Du har registreret ugens tal.'
      : 'Du har ikke registreret tal for ugen – de tæller som 0. Tryk herunder for at registrere dem.',
    flaggedText:
      summary.flaggedIndicators.length > 0
        ? `Under 80 % af dit mål: ${summary.indicators
            .filter((indicator) => indicator.flagged)
            .map((indicator) => indicator.label)
            .join(', ')}.`
        : '',
    hasIndicators: summary.indicators.length > 0,
    weekHeading: `Real mod mål i ${formatWeek(summary.week, { withYear: false })}`,
    weekRows: memberRowsOf(summary, (indicator) => indicator),
    yearHeading: `År til dato (uge 1–${formatCount(summary.week.week)})`,
    yearRows: memberRowsOf(summary, (indicator) => indicator.yearToDate),
    trendHeading: 'Seneste 8 uger',
    trendNote: trends.length === 0 ? 'Ingen tal at vise de seneste 8 uger.' : 'Real og dit mål pr. uge.',
    trends,
    weekKey: weekKey(summary.week),
    showLogButton: !summary.logged,
  };
}
