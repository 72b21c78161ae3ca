/**
 * ISO-8601 weeks ("uge 7") in Europe/Copenhagen, for the weekly goals (spec §3): a week runs Monday to
 * Sunday and belongs to the year of its Thursday, so 2026-12-28 … 2027-01-03 is 2026-W53 and 2027 starts
 * on 2027-01-04. Built on the calendar-date arithmetic of copenhagen-calendar.ts (dates, never
 * milliseconds, so a week with a summer-time change is still seven days).
 */
import {
  addDays,
  calendarDate,
  copenhagenInstant,
  daysBetweenDates,
  isoDayOfWeek,
  isoWeek,
} from '../shared/copenhagen-calendar';

export interface IsoWeek {
  /** The ISO week-year (the year of the week's Thursday), which differs from the calendar year at the edges. */
  readonly year: number;
  /** 1 … 52 or 53. */
  readonly week: number;
}

/** Years the calendar arithmetic handles (the Gregorian computus and four-digit years). */
const FIRST_YEAR = 1583;
const LAST_YEAR = 9999;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** The weekday of 31 December of a Gregorian year, 0 = Sunday … 6 = Saturday (integer arithmetic only). */
function weekdayOfNewYearsEve(year: number): number {
  return (year + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400)) % 7;
}

/**
 * 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a
 * Wednesday; that is, when its 31 December is a Thursday or the year before's is a Wednesday. Pure
 * arithmetic, because the weekly summary asks for every week of the year to date, for every member.
 */
export function weeksInYear(year: number): 52 | 53 {
  if (!isYear(year)) throw new RangeError(`Not a supported year: ${year}`);
  return weekdayOfNewYearsEve(year) === 4 || weekdayOfNewYearsEve(year - 1) === 3 ? 53 : 52;
}

/** Whether a value names a week that exists (2026-W53 does, 2027-W53 does not). */
export function isValidIsoWeek(value: IsoWeek): boolean {
  return isYear(value.year) && Number.isInteger(value.week) && value.week >= 1 && value.week <= weeksInYear(value.year);
}

function assertWeek(value: IsoWeek): void {
  if (!isValidIsoWeek(value)) throw new RangeError(`Not an ISO week: ${JSON.stringify(value)}`);
}

/** The ISO week of a calendar date (YYYY-MM-DD). */
export function isoWeekOfDate(date: string): IsoWeek {
  return isoWeek(date);
}

/** The ISO week the Copenhagen calendar shows at an instant (Sunday 23:30 local is still that week). */
export function isoWeekAt(instant: Date): IsoWeek {
  return isoWeek(calendarDate(instant));
}

/** The week's Monday (YYYY-MM-DD). 4 January is always in week 1. */
export function mondayOf(value: IsoWeek): string {
  assertWeek(value);
  const fourthOfJanuary = `${pad(value.year, 4)}-01-04`;
  const firstMonday = addDays(fourthOfJanuary, 1 - isoDayOfWeek(fourthOfJanuary));
  return addDays(firstMonday, (value.week - 1) * 7);
}

/** The week's Sunday (YYYY-MM-DD). */
export function sundayOf(value: IsoWeek): string {
  return addDays(mondayOf(value), 6);
}

/** The week's calendar days, Monday to Sunday, both included. */
export function weekDates(value: IsoWeek): { from: string; to: string } {
  const from = mondayOf(value);
  return { from, to: addDays(from, 6) };
}

/**
 * The week as instants: from Monday 00:00 in Copenhagen, included, to the next Monday 00:00, excluded.
 * Midnight never falls in a summer-time gap in Denmark (the clocks change at 02:00 and 03:00).
 */
export function weekInstants(value: IsoWeek): { start: Date; end: Date } {
  const monday = mondayOf(value);
  return { start: copenhagenInstant(monday, '00:00'), end: copenhagenInstant(addDays(monday, 7), '00:00') };
}

/** The week `count` weeks after (or before, when negative) a week, across year boundaries. */
export function addWeeks(value: IsoWeek, count: number): IsoWeek {
  if (!Number.isInteger(count)) throw new RangeError(`Not a whole number of weeks: ${count}`);
  return isoWeek(addDays(mondayOf(value), count * 7));
}

export function previousWeek(value: IsoWeek): IsoWeek {
  return addWeeks(value, -1);
}

export function nextWeek(value: IsoWeek): IsoWeek {
  return addWeeks(value, 1);
}

/** Negative when `a` is before `b`, 0 when they are the same week, positive after. */
export function compareWeeks(a: IsoWeek, b: IsoWeek): number {
  return a.year === b.year ? a.week - b.week : a.year - b.year;
}

export function sameWeek(a: IsoWeek, b: IsoWeek): boolean {
  return a.year === b.year && a.week === b.week;
}

/** Whole weeks from `from` to `to` (negative when `to` is earlier): 2026-W52 to 2027-W01 is 2. */
export function weeksBetween(from: IsoWeek, to: IsoWeek): number {
  return daysBetweenDates(mondayOf(from), mondayOf(to)) / 7;
}

/** The `count` weeks ending with `last`, oldest first: the last 4 weeks of 2027-W01 are 2026-W51 … 2027-W01. */
export function lastWeeks(last: IsoWeek, count: number): IsoWeek[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a number of weeks: ${count}`);
  return Array.from({ length: count }, (_, index) => addWeeks(last, index - count + 1));
}

/** Week 1 up to and including `last`, in its own year: the weeks of "year to date". */
export function weeksOfYearUpTo(last: IsoWeek): IsoWeek[] {
  assertWeek(last);
  return Array.from({ length: last.week }, (_, index) => ({ year: last.year, week: index + 1 }));
}

/** "2026-W07": sorts in week order as text, so stores can query ranges on it. */
export function weekKey(value: IsoWeek): string {
  assertWeek(value);
  return `${pad(value.year, 4)}-W${pad(value.week, 2)}`;
}

/** Reads a {@link weekKey}; undefined for anything else or a week that does not exist. */
export function parseWeekKey(key: string): IsoWeek | undefined {
  const match = /^(\d{4})-W(\d{2})$/u.exec(key);
  if (match === null) return undefined;
  const value = { year: Number(match[1]), week: Number(match[2]) };
  return isValidIsoWeek(value) ? value : undefined;
}

/** Danish, for the cards: "uge 7", or "uge 7 2026" with the year. */
export function formatWeek(value: IsoWeek, options: { withYear: boolean } = { withYear: true }): string {
  return options.withYear ? `uge ${value.week} ${value.year}` : `uge ${value.week}`;
}
