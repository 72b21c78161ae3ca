/** How many closed days a team keeps ahead (a year's worth of Christmas and bridge days is far fewer). */
export const MAX_CLOSED_DAYS = 40;

export type ClosedDaysParse = { ok: true; dates: string[] } | { ok: false; message: string };

const DAY = /^(\d{1,2})\.(\d{1,2})\.?(\d{4})?$/u;

/**
 * Reads the days a team holds no morning meeting (`morgenmøde lukket 24.12 31.12`): Danish day.month,
 * optionally with a year. A day without a year is its next date from `today` (today included), so in
 * December "2.1" is next January. A day in the past, or a date that does not exist, is refused by name.
 */
export function parseClosedDays(text: string, today: string): ClosedDaysParse {
  const tokens = text.split(/[\s,]+/u).filter((token) => token !== '');
  if (tokens.length === 0) return { ok: false, message: 'Skriv de dage, der ikke er morgenmøde, fx 24.12 31.12.' };
  const [thisYear] = today.split('-').map(Number) as [number];
  const dates: string[] = [];
  for (const token of tokens) {
    const match = DAY.exec(token);
    if (match === null)
      return { ok: false, message: `"${token.slice(0, 12)}" er ikke en dag. Skriv fx 24.12 eller 24.12.2026.` };
    const day = Number(match[1]);
    const month = Number(match[2]);
    const given = match[3] === undefined ? undefined : Number(match[3]);
    const candidate = (year: number) => isoDate(year, month, day);
    let date = candidate(given ?? thisYear);
    if (date === undefined) return { ok: false, message: `${token} findes ikke i kalenderen.` };
    if (given === undefined && date < today) date = candidate(thisYear + 1) ?? date;
    if (date < today) return { ok: false, message: `${token} er allerede gået.` };
    dates.push(date);
  }
  return { ok: true, dates: [...new Set(dates)].sort() };
}

/** The closed days still ahead, with `added` in and `removed` out, sorted, at most {@link MAX_CLOSED_DAYS}. */
export function nextClosedDays(
  current: readonly string[],
  today: string,
  change: { add?: readonly string[]; remove?: readonly string[] },
): string[] {
  const removed = new Set(change.remove ?? []);
  return [...new Set([...current, ...(change.add ?? [])])]
    .filter((date) => date >= today && !removed.has(date))
    .sort()
    .slice(0, MAX_CLOSED_DAYS);
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
