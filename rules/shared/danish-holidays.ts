import { addDays, isIsoDate, isoDayOfWeek } from './copenhagen-calendar';

/** A Danish public holiday (helligdag) on a calendar date. */
export interface DanishHoliday {
  /** YYYY-MM-DD */
  date: string;
  /** Danish name, as a person reads it ("2. påskedag"). */
  name: string;
}

/** The last year with store bededag: the Folketing abolished it as a holiday from 2024. */
const LAST_YEAR_WITH_STORE_BEDEDAG = 2023;

/**
 * Easter Sunday in the Gregorian calendar (the anonymous computus of Meeus/Jones/Butcher), valid for
 * every year from 1583.
 */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`Year outside the Gregorian computus: ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Denmark's public holidays in a year, in date order. Only the days the law makes holidays: juleaften,
 * nytårsaftensdag and grundlovsdag are closing days by agreement, so a team adds them as extra closed days.
 */
export function danishHolidays(year: number): DanishHoliday[] {
  const easter = easterSunday(year);
  const y = String(year).padStart(4, '0');
  const holidays: DanishHoliday[] = [
    { date: `${y}-01-01`, name: 'Nytårsdag' },
    { date: addDays(easter, -3), name: 'Skærtorsdag' },
    { date: addDays(easter, -2), name: 'Langfredag' },
    { date: easter, name: 'Påskedag' },
    { date: addDays(easter, 1), name: '2. påskedag' },
    ...(year <= LAST_YEAR_WITH_STORE_BEDEDAG ? [{ date: addDays(easter, 26), name: 'Store bededag' }] : []),
    { date: addDays(easter, 39), name: 'Kristi himmelfartsdag' },
    { date: addDays(easter, 49), name: 'Pinsedag' },
    { date: addDays(easter, 50), name: '2. pinsedag' },
    { date: `${y}-12-25`, name: 'Juledag' },
    { date: `${y}-12-26`, name: '2. juledag' },
  ];
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

function assertDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/** The Danish name of the public holiday on a date, or undefined when it is not one. */
export function holidayName(date: string): string | undefined {
  assertDate(date);
  return danishHolidays(Number(date.slice(0, 4))).find((holiday) => holiday.date === date)?.name;
}

/**
 * Whether the team works on a date: Monday–Friday, not a Danish public holiday, and not one of the
 * team's own closed days (YYYY-MM-DD, e.g. juleaften or a team day).
 */
export function isWorkingDay(date: string, extraClosedDays: readonly string[] = []): boolean {
  assertDate(date);
  return isoDayOfWeek(date) <= 5 && holidayName(date) === undefined && !extraClosedDays.includes(date);
}

/** The first working day on or after a date (the morning post after a long weekend, for instance). */
export function nextWorkingDay(date: string, extraClosedDays: readonly string[] = []): string {
  let candidate = date;
  // A year never has more than a handful of consecutive closed days; the bound only guards a bad list.
  for (let step = 0; step < 366; step += 1) {
    if (isWorkingDay(candidate, extraClosedDays)) return candidate;
    candidate = addDays(candidate, 1);
  }
  throw new RangeError(`No working day within a year of ${date}`);
}
