/**
 * The weekly report as a file Excel opens (`ugerapport eksport`, spec §3.2): every figure of the
 * leader's summary, one row per figure, in one table with one header row, so the municipality can
 * filter, sum and pivot it. The figures are those of the report (the same TeamWeeklySummary the cards
 * render); only their form differs: numbers stay numbers (a decimal comma, shares as percentages with one
 * decimal), and the flags the cards draw as ⚠ are words in "Markering".
 *
 * Each week of the period has its rows of Real vs Mål (each member, then the team), logging, screenings
 * and openings. The running figures — the year to date against the annual target, and the week-39
 * follow-ups of the last 52 weeks — come once, for the period's last week, so a year's file can be summed.
 */
import { FINAL_FOLLOW_UP_WEEK } from '../../rules/follow-ups/follow-up';
import { NO_ARCHETYPE, type OutcomeBreakdown, type OutcomeCounts } from '../../rules/follow-ups/follow-up-outcomes';
import type { Figures } from '../../rules/goals/achievement';
import type { IndicatorSummary } from '../../rules/goals/indicator-summary';
import { mondayOf, weekDates, weekKey, type IsoWeek } from '../../rules/goals/iso-week';
import type { ExportPeriod } from '../../rules/goals/report-export';
import type { TeamWeeklySummary } from '../../rules/goals/weekly-summary';
import { OPENING_RESULTS, OPENING_RESULT_LABELS } from '../../rules/openings/opening';
import { calendarDate } from '../../rules/shared/copenhagen-calendar';
import { trackLabel } from '../screening/track-labels';
import { excelCsv, type CsvCell } from '../shared/excel-csv';

export interface ReportFileContext {
  /** Archetype names by id, from the screening ruleset. */
  archetypeNames: ReadonlyMap<string, string>;
  /** Indicator group labels by id ("salg" → "Salg"), from the indicator catalogue. */
  groupLabels: ReadonlyMap<string, string>;
}

/** The columns, in order; Danish, as the leader reads them in Excel. */
export const REPORT_FILE_COLUMNS = [
  'Uge',
  'År',
  'Ugenr.',
  'Fra',
  'Til',
  'Afsnit',
  'Gruppe',
  'Indikator',
  'Nøgletal',
  'Medarbejder',
  'Real',
  'Mål',
  'Opfyldelse (%)',
  'Registreret',
  'Antal',
  'Andel (%)',
  'Markering',
] as const;

/** The sections ("Afsnit"), in the order the rows come. */
export const REPORT_FILE_SECTIONS = {
  goals: 'Mål og resultater',
  logging: 'Registrering',
  screenings: 'Screeninger',
  openings: 'Stillinger',
  yearToDate: 'År til dato',
  followUps: 'Opfølgninger',
} as const;

/** The row of the whole team, after its members. */
export const TEAM_ROW_NAME = 'Hele teamet';

/** The words of "Markering" for what the cards flag with ⚠. */
export const REPORT_FILE_MARKS = {
  belowGoal: 'under 80 %',
  behindAnnualTarget: 'bagud',
  aboveCap: 'over loftet',
} as const;

interface Row {
  week: IsoWeek;
  from: string;
  to: string;
  section: string;
  group?: string;
  indicator?: string;
  figure?: string;
  member?: string;
  real?: number;
  goal?: number;
  achievement?: number;
  logged?: boolean;
  count?: number;
  share?: number;
  mark?: string;
}

/** A share as a percentage with one decimal (0.6667 → 66.7), rounded half up like the cards' whole percentages. */
function percent(share: number | undefined): number | undefined {
  return share === undefined ? undefined : Math.round(share * 1000) / 10;
}

function cells(row: Row): CsvCell[] {
  return [
    weekKey(row.week),
    row.week.year,
    row.week.week,
    row.from,
    row.to,
    row.section,
    row.group,
    row.indicator,
    row.figure,
    row.member,
    row.real,
    row.goal,
    percent(row.achievement),
    row.logged === undefined ? undefined : row.logged ? 'ja' : 'nej',
    row.count,
    percent(row.share),
    row.mark,
  ];
}

/** Real, Mål, opfyldelse and the flag of one figure. */
function figureCells(figures: Figures): Pick<Row, 'real' | 'goal' | 'achievement' | 'mark'> {
  return {
    real: figures.real,
    goal: figures.goal,
    achievement: figures.achievement,
    ...(figures.flagged ? { mark: REPORT_FILE_MARKS.belowGoal } : {}),
  };
}

function goalRows(summary: TeamWeeklySummary, context: ReportFileContext): Row[] {
  const { week, period } = summary;
  return summary.indicators.flatMap((indicator) => {
    const base = {
      week,
      ...period,
      section: REPORT_FILE_SECTIONS.goals,
      group: context.groupLabels.get(indicator.group) ?? indicator.group,
      indicator: indicator.label,
    };
    return [
      ...indicator.members.map((member) => ({
        ...base,
        member: member.name,
        ...figureCells(member),
        logged: member.logged,
      })),
      { ...base, member: TEAM_ROW_NAME, ...figureCells(indicator.team) },
    ];
  });
}

function loggingRows(summary: TeamWeeklySummary): Row[] {
  const { week, period, logging } = summary;
  const base = { week, ...period, section: REPORT_FILE_SECTIONS.logging, member: TEAM_ROW_NAME };
  return [
    { ...base, figure: 'Medarbejdere, der skulle registrere', count: logging.expected },
    {
      ...base,
      figure: 'Har registreret ugens tal',
      count: logging.logged,
      ...(logging.expected > 0 ? { share: logging.logged / logging.expected } : {}),
    },
  ];
}

function screeningRows(summary: TeamWeeklySummary): Row[] {
  const { week, period, screenings } = summary;
  const base = { week, ...period, section: REPORT_FILE_SECTIONS.screenings, member: TEAM_ROW_NAME };
  const share = screenings.intensiveShare;
  const window = {
    ...base,
    from: screenings.window.from,
    to: screenings.window.to,
    group: `Intensiv andel, ${screenings.window.days} dage`,
  };
  return [
    { ...base, figure: 'Screeninger i ugen', count: screenings.count },
    ...screenings.byTrack.map((entry) => ({
      ...base,
      group: 'Spor',
      figure: trackLabel(entry.track, summary.trackLabels),
      count: entry.count,
    })),
    { ...base, figure: 'Fulgt anbefalingen', count: screenings.accepted },
    {
      ...base,
      figure: 'Fraveget anbefalingen',
      count: screenings.overridden,
      ...(screenings.overrideRate === undefined ? {} : { share: screenings.overrideRate }),
    },
    ...screenings.topOverrideReasons.map((reason) => ({
      ...base,
      group: 'Hyppigste årsager til at fravige',
      figure: reason.label,
      count: reason.count,
    })),
    { ...window, figure: 'Screeninger med intensiv indsats', count: share.intensive },
    { ...window, figure: 'Screeninger i målgrupper med intensiv strategi', count: share.eligible },
    {
      ...window,
      figure: 'Intensiv andel',
      ...(share.share === undefined ? {} : { share: share.share }),
      ...(share.aboveCap ? { mark: REPORT_FILE_MARKS.aboveCap } : {}),
    },
    { ...window, figure: 'Loft for intensiv andel', share: share.cap },
  ];
}

const AGEING_ROWS = [
  ['roed', 'Røde (14 dage eller ældre)'],
  ['gul', 'Gule (7–13 dage)'],
  ['ny', 'Under 7 dage'],
] as const;

function openingRows(summary: TeamWeeklySummary): Row[] {
  const { week, period, openings } = summary;
  const base = { week, ...period, section: REPORT_FILE_SECTIONS.openings, member: TEAM_ROW_NAME };
  const asOf = calendarDate(new Date(openings.ageingAsOf));
  const ageing = { ...base, from: asOf, to: asOf, group: 'Åbne stillinger efter alder' };
  return [
    { ...base, figure: 'Kontakter i ugen', count: openings.contacts },
    { ...base, figure: 'Åbninger i ugen', count: openings.openings },
    ...OPENING_RESULTS.map((result) => ({
      ...base,
      group: 'Resultat',
      figure: OPENING_RESULT_LABELS[result],
      count: openings.byResult[result],
    })),
    { ...base, figure: 'Pladser oprettet', count: openings.seatsOpened },
    { ...base, figure: 'Pladser besat indtil nu', count: openings.seatsFilled },
    ...AGEING_ROWS.flatMap(([colour, label]) => [
      { ...ageing, figure: label, count: openings.openByAgeing[colour].openings },
      { ...ageing, figure: `${label}: ledige pladser`, count: openings.openByAgeing[colour].seats },
    ]),
  ];
}

function yearToDateRows(summary: TeamWeeklySummary, context: ReportFileContext): Row[] {
  const { week } = summary;
  const span = { week, from: mondayOf({ year: week.year, week: 1 }), to: summary.period.to };
  return summary.indicators.flatMap((indicator: IndicatorSummary) => {
    const base = {
      ...span,
      section: REPORT_FILE_SECTIONS.yearToDate,
      group: context.groupLabels.get(indicator.group) ?? indicator.group,
      indicator: indicator.label,
    };
    const year = indicator.yearToDate;
    const team = { ...base, member: TEAM_ROW_NAME };
    return [
      ...indicator.members.map((member) => ({ ...base, member: member.name, ...figureCells(member.yearToDate) })),
      { ...team, ...figureCells(year) },
      ...(year.annualTarget === undefined
        ? []
        : [
            { ...team, figure: 'Årsmål', count: year.annualTarget },
            {
              ...team,
              figure: 'Nået af årsmålet',
              count: year.real,
              ...(year.shareOfAnnualTarget === undefined ? {} : { share: year.shareOfAnnualTarget }),
            },
            ...(year.expectedByNow === undefined
              ? []
              : [
                  {
                    ...team,
                    figure: 'Forventet til nu (årsmålet fordelt på årets uger, fra den første målte uge)',
                    count: Math.round(year.expectedByNow * 10) / 10,
                    ...(year.pace === undefined ? {} : { share: year.pace }),
                    ...(year.behindAnnualTarget ? { mark: REPORT_FILE_MARKS.behindAnnualTarget } : {}),
                  },
                ]),
          ]),
    ];
  });
}

function outcomeRows(base: Omit<Row, 'figure'>, label: string, counts: OutcomeCounts): Row[] {
  return [
    { ...base, figure: `${label}: besvarede`, count: counts.answered },
    {
      ...base,
      figure: `${label}: stadig ledige`,
      count: counts.stillUnemployed,
      ...(counts.share === undefined ? {} : { share: counts.share }),
    },
  ];
}

function breakdownRows(base: Omit<Row, 'figure'>, group: string, row: OutcomeBreakdown): Row[] {
  const grouped = { ...base, group };
  return [
    ...outcomeRows(grouped, 'I alt', row.all),
    ...outcomeRows(grouped, 'I risiko', row.flagged),
    ...outcomeRows(grouped, 'Øvrige', row.notFlagged),
  ];
}

function followUpRows(summary: TeamWeeklySummary, context: ReportFileContext): Row[] {
  const { followUps } = summary;
  const base = {
    week: summary.week,
    from: followUps.from,
    to: followUps.to,
    section: REPORT_FILE_SECTIONS.followUps,
    member: TEAM_ROW_NAME,
  };
  const total = { ...base, group: `${FINAL_FOLLOW_UP_WEEK} uger efter screeningen` };
  return [
    { ...total, figure: 'Forfaldne', count: followUps.all.answered + followUps.unanswered },
    { ...total, figure: 'Mangler svar', count: followUps.unanswered },
    ...outcomeRows(total, 'I alt', followUps.all),
    ...followUps.byTrack.flatMap((row) =>
      breakdownRows(base, `Spor: ${trackLabel(row.key, summary.trackLabels)}`, row),
    ),
    ...followUps.byArchetype.flatMap((row) =>
      breakdownRows(
        base,
        `Arketype: ${row.key === NO_ARCHETYPE ? 'Ingen arketype' : (context.archetypeNames.get(row.key) ?? row.key)}`,
        row,
      ),
    ),
  ];
}

/** The file of a period: the summaries of its weeks, oldest first (what ReportExportService.file gives). */
export function weeklyReportCsv(summaries: readonly TeamWeeklySummary[], context: ReportFileContext): string {
  const last = summaries.at(-1);
  const rows: Row[] = [
    ...summaries.flatMap((summary) => [
      ...goalRows(summary, context),
      ...loggingRows(summary),
      ...screeningRows(summary),
      ...openingRows(summary),
    ]),
    ...(last === undefined ? [] : [...yearToDateRows(last, context), ...followUpRows(last, context)]),
  ];
  return excelCsv(REPORT_FILE_COLUMNS, rows.map(cells));
}

/** "ugerapport-2026-W07.csv"; a year to date "ugerapport-2026-W01-W06.csv" (ASCII: it is a header value). */
export function reportFileName(period: ExportPeriod): string {
  const from = weekKey(period.from);
  if (period.kind === 'week') return `ugerapport-${from}.csv`;
  const to = weekKey(period.to);
  return `ugerapport-${from}-${period.from.year === period.to.year ? to.slice(5) : to}.csv`;
}

/** The dates a period covers, Monday of its first week to Sunday of its last. */
export function periodDates(period: ExportPeriod): { from: string; to: string } {
  return { from: weekDates(period.from).from, to: weekDates(period.to).to };
}
