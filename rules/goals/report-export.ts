/**
 * The weekly report as a file (`ugerapport eksport`, issue 16 item 5, spec §3.2: "every figure of the
 * summary can be taken out as a file"): which weeks a leader asks for, who may have them, and the team's
 * summaries of those weeks. The figures are the report's own: each week's summary comes from the same
 * use case as `ugerapport` and Monday's summary (GoalsService.teamSummary), never computed a second way.
 *
 * A leader gets a short-lived link (the bot signs it); the file is made when the link is opened, from the
 * data at that moment, and checked again then: the link names a team, a period and the leader who asked,
 * and works only while that person still leads that team.
 */
import { parseExportPeriodArgument, type ExportPeriodArgument } from '../commands/export-period.parser';
import { calendarDate } from '../shared/copenhagen-calendar';
import type { Clock } from '../shared/clock';
import type { Actor } from '../teams/actor';
import {
  addWeeks,
  compareWeeks,
  isValidIsoWeek,
  isoWeekOfDate,
  previousWeek,
  weeksBetween,
  weeksInYear,
  type IsoWeek,
} from './iso-week';
import { resolveWeekSelection } from './week-selection';
import type { TeamWeeklySummary } from './weekly-summary';

/** How long a link to the file works after the leader asked for it. */
export const EXPORT_LINK_MINUTES = 15;

/** The longest period one file covers: a year of ISO weeks. */
export const MAX_EXPORT_WEEKS = 53;

/** How many weeks' summaries are read at the same time (each reads a handful of documents). */
const SUMMARIES_AT_ONCE = 4;

/** The keyword the period's examples are written with. */
export const EXPORT_KEYWORD = 'ugerapport eksport';

/**
 * The weeks of one file, both included: one week, or a year to date (week 1 to the last week that has
 * ended, or every week of a past year).
 */
export interface ExportPeriod {
  kind: 'week' | 'year';
  from: IsoWeek;
  to: IsoWeek;
}

export type ExportPeriodSelection = { ok: true; period: ExportPeriod } | { ok: false; message: string };

/**
 * Which weeks `ugerapport eksport …` means, given today's Copenhagen date. A week is read exactly as
 * `ugerapport` reads it (nothing: last week); "år" is the year of last week, from week 1 to last week, so in
 * week 1 of 2027 it is the whole of 2026; "år 2025" is all of a past year, or the current year to last week.
 */
export function resolveExportPeriod(argument: ExportPeriodArgument, today: string): ExportPeriodSelection {
  if (argument.kind === 'invalid') return { ok: false, message: argument.message };
  if (argument.kind === 'week') {
    const selection = resolveWeekSelection(argument.argument, today, 'report');
    return selection.ok ? { ok: true, period: { kind: 'week', from: selection.week, to: selection.week } } : selection;
  }
  const current = isoWeekOfDate(today);
  const lastEnded = previousWeek(current);
  const year = argument.year ?? lastEnded.year;
  if (!isValidIsoWeek({ year, week: 1 })) return { ok: false, message: `Året ${year} kan ikke bruges.` };
  if (year > current.year) return { ok: false, message: `${year} er ikke begyndt endnu.` };
  if (year > lastEnded.year) {
    return {
      ok: false,
      message: `Ingen uge i ${year} er slut endnu. Skriv fx "${EXPORT_KEYWORD} uge ${current.week} ${year}" for den uge, der er i gang.`,
    };
  }
  const last = year === lastEnded.year ? lastEnded : { year, week: weeksInYear(year) };
  return { ok: true, period: { kind: 'year', from: { year, week: 1 }, to: last } };
}

/** Whether a period (e.g. read back from a link) is one the export makes: real weeks, in order, at most a year, begun. */
export function isExportablePeriod(period: ExportPeriod, today: string): boolean {
  if (!isValidIsoWeek(period.from) || !isValidIsoWeek(period.to)) return false;
  if (compareWeeks(period.from, period.to) > 0 || weeksBetween(period.from, period.to) >= MAX_EXPORT_WEEKS) {
    return false;
  }
  if (period.kind === 'week' && compareWeeks(period.from, period.to) !== 0) return false;
  return compareWeeks(period.to, isoWeekOfDate(today)) <= 0;
}

/** The weeks of a period, oldest first. */
export function weeksOf(period: ExportPeriod): IsoWeek[] {
  return Array.from({ length: weeksBetween(period.from, period.to) + 1 }, (_, index) => addWeeks(period.from, index));
}

/** The answer to `ugerapport eksport …`. */
export type ExportLinkOutcome =
  /** A link may be made: for this period, working until `expiresAt`. */
  | { kind: 'link'; period: ExportPeriod; expiresAt: Date }
  | { kind: 'invalid-period'; message: string }
  /** Not a leader of the team: the file holds every member's numbers. */
  | { kind: 'forbidden' };

/** What opening a link gives. */
export type ExportFileOutcome =
  /** The team's summary of each week of the period, oldest first, as the report would show them now. */
  | { kind: 'file'; period: ExportPeriod; summaries: TeamWeeklySummary[] }
  /** The person no longer leads the team (or never did), or the period is not one the export makes. */
  | { kind: 'forbidden' };

/** What the export needs of the goals and the team. */
export interface ReportExportDeps {
  /** The report's use case: the team's full summary of a week (GoalsService). */
  summaries: { teamSummary(teamId: string, week: IsoWeek): Promise<TeamWeeklySummary> };
  leaders: { isLeader(teamId: string, userId: string): Promise<boolean> };
  clock: Clock;
}

/**
 * `ugerapport eksport`: leaders only. A member gets no file (the report shows a member only their own
 * numbers, and the file is for the municipality's own reporting); `ugerapport` still shows them theirs.
 */
export class ReportExportService {
  constructor(private readonly deps: ReportExportDeps) {}

  /** The leader asks for a file; `args` are what followed the command ("uge 7 2026", "år"). */
  async requestLink(actor: Actor, args: string): Promise<ExportLinkOutcome> {
    if (!(await this.deps.leaders.isLeader(actor.teamId, actor.userId))) return { kind: 'forbidden' };
    const now = this.deps.clock.now();
    const selection = resolveExportPeriod(parseExportPeriodArgument(args, EXPORT_KEYWORD), calendarDate(now));
    if (!selection.ok) return { kind: 'invalid-period', message: selection.message };
    return {
      kind: 'link',
      period: selection.period,
      expiresAt: new Date(now.getTime() + EXPORT_LINK_MINUTES * 60_000),
    };
  }

  /**
   * The file's content when a link is opened (its signature and expiry checked by the bot): the summaries
   * of the period, read now. `actor` is the leader the link was made for; they must lead the team still.
   */
  async file(actor: Actor, period: ExportPeriod): Promise<ExportFileOutcome> {
    if (!isExportablePeriod(period, calendarDate(this.deps.clock.now()))) return { kind: 'forbidden' };
    if (!(await this.deps.leaders.isLeader(actor.teamId, actor.userId))) return { kind: 'forbidden' };
    const weeks = weeksOf(period);
    const summaries: TeamWeeklySummary[] = [];
    for (let start = 0; start < weeks.length; start += SUMMARIES_AT_ONCE) {
      const batch = weeks.slice(start, start + SUMMARIES_AT_ONCE);
      summaries.push(...(await Promise.all(batch.map((week) => this.deps.summaries.teamSummary(actor.teamId, week)))));
    }
    return { kind: 'file', period, summaries };
  }
}
