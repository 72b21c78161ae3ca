import { formatDanishNumber } from '../rules/capacity/danish-number';

const DATE = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Europe/Copenhagen',
});

/** "3. feb. 2026" (spec: dates as d. MMM yyyy, Europe/Copenhagen). */
export function formatDate(iso: string): string {
  return DATE.format(new Date(iso));
}

/** "35 %" */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

/** A count the Danish way: "1.200". */
export function formatCount(value: number): string {
  return formatDanishNumber(value);
}

/** "1 åbning", "3 åbninger". */
export function countOf(value: number, singular: string, plural: string): string {
  return `${formatCount(value)} ${value === 1 ? singular : plural}`;
}
