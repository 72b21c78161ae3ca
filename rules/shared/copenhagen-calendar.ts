/**
 * Calendar arithmetic in Europe/Copenhagen. The job centre's day starts at midnight in Denmark, not
 * in UTC, and a day across a summer-time change is 23 or 25 hours long, so ages and schedules count
 * calendar dates ('YYYY-MM-DD') and never divide milliseconds by 24 hours on instants.
 */

export const COPENHAGEN_TIME_ZONE = 'Europe/Copenhagen';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/u;

// Formatters are immutable once built, and building one costs far more than using it.
const WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: COPENHAGEN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** What a clock on the wall in Copenhagen shows at an instant. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What the formatter shows at an instant: the slow, authoritative reading. */
function formattedWallClock(instant: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const part of WALL_CLOCK.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? Number.NaN,
    month: parts['month'] ?? Number.NaN,
    day: parts['day'] ?? Number.NaN,
    hour: parts['hour'] ?? Number.NaN,
    minute: parts['minute'] ?? Number.NaN,
    second: parts['second'] ?? Number.NaN,
  };
}

const MS_PER_SECOND = 1_000;
const MS_PER_HOUR = 3_600_000;
/** Copenhagen's offset from UTC (ms) per UTC hour (hours since 1970) in which it does not change. */
const OFFSET_BY_HOUR = new Map<number, number>();
const OFFSET_CACHE_LIMIT = 8_192;

/** Copenhagen's offset from UTC at an instant, whole seconds, from the formatter. */
function formattedOffset(ms: number): number {
  const wall = formattedWallClock(new Date(ms));
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  asUtc.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return asUtc.getTime() - Math.floor(ms / MS_PER_SECOND) * MS_PER_SECOND;
}

/**
 * Copenhagen's offset at an instant. Formatting is slow (a board of 500 openings reads thousands of
 * instants), and the offset only changes at a summer-time switch, which falls on a whole UTC hour; so
 * it is looked up once per UTC hour, and kept for that hour only if it is the same at the hour's first
 * and last second (otherwise this instant is asked of the formatter itself).
 */
function offsetAt(ms: number): number {
  const hour = Math.floor(ms / MS_PER_HOUR);
  const cached = OFFSET_BY_HOUR.get(hour);
  if (cached !== undefined) return cached;
  const start = hour * MS_PER_HOUR;
  const first = formattedOffset(start);
  if (formattedOffset(start + MS_PER_HOUR - MS_PER_SECOND) !== first) return formattedOffset(ms);
  if (OFFSET_BY_HOUR.size >= OFFSET_CACHE_LIMIT) OFFSET_BY_HOUR.clear();
  OFFSET_BY_HOUR.set(hour, first);
  return first;
}

function wallClock(instant: Date): WallClock {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) {
    throw new RangeError('Invalid instant');
  }
  const wall = new Date(ms + offsetAt(ms));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Days since 1970-01-01 of a calendar date, counted on the proleptic Gregorian calendar. */
function dayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match || !isIsoDate(date)) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

function fromDayNumber(days: number): string {
  const utc = new Date(days * MS_PER_DAY);
  return formatDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

/** Whether a string is a real calendar date in the form YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

/** The calendar date in Copenhagen at an instant, as YYYY-MM-DD. */
export function calendarDate(instant: Date): string {
  const wall = wallClock(instant);
  return formatDate(wall.year, wall.month, wall.day);
}

/** The time of day in Copenhagen at an instant, as HH:mm. */
export function wallTime(instant: Date): string {
  const wall = wallClock(instant);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** Calendar days from one date to another (negative when `to` is earlier). */
export function daysBetweenDates(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Copenhagen calendar days between two instants: from 23:59 to 00:01 the next day is one day, and a
 * week that contains a summer-time change is still seven.
 */
export function calendarDaysBetween(fromInstant: Date, toInstant: Date): number {
  return daysBetweenDates(calendarDate(fromInstant), calendarDate(toInstant));
}

/** The date `days` calendar days after (or before, when negative) a date. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(dayNumber(date) + days);
}

/** ISO-8601 day of the week: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (ISO day 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** ISO-8601 week ("uge 7"): the week belongs to the year of its Thursday, so 2027-01-01 is in 2026-W53. */
export function isoWeek(date: string): { year: number; week: number } {
  const days = dayNumber(date);
  const thursday = fromDayNumber(days - isoDayOfWeek(date) + 4);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetweenDates(formatDate(year, 1, 1), thursday) / 7) + 1;
  return { year, week };
}

/**
 * The instant at which the Copenhagen clock shows `time` (HH:mm) on `date`. A time skipped by the
 * change to summer time (02:30 on the last Sunday of March) gives the instant one hour later on the
 * clock; a time that happens twice (the last Sunday of October) gives the first.
 */
export function copenhagenInstant(date: string, time: string): Date {
  const timeMatch = WALL_TIME.exec(time);
  if (!timeMatch) throw new RangeError(`Not a time of day (HH:mm): ${JSON.stringify(time)}`);
  const [hour, minute] = [Number(timeMatch[1]), Number(timeMatch[2])];
  // The wall clock read as if it were UTC; the real instant is this minus the offset in force then.
  const asUtc = dayNumber(date) * MS_PER_DAY + (hour * 60 + minute) * 60_000;
  const offsetAt = (instant: number): number => {
    const wall = wallClock(new Date(instant));
    return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - instant;
  };
  // Offsets change at most once in a day here, so the offsets a day before and after cover both sides.
  const before = offsetAt(asUtc - MS_PER_DAY);
  const after = offsetAt(asUtc + MS_PER_DAY);
  const candidates = [asUtc - before, asUtc - after]
    .filter((instant) => offsetAt(instant) + instant === asUtc)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? asUtc - before);
}
