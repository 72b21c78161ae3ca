import { formatDanishNumber } from '../../rules/shared/danish-number';

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

const TIME = new Intl.DateTimeFormat('da-DK', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/Copenhagen',
});

/** "3. feb. 2026 kl. 10.05" (Europe/Copenhagen). */
export function formatDateTime(iso: string): string {
  const instant = new Date(iso);
  return `${DATE.format(instant)} kl. ${TIME.format(instant)}`;
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

/**
 * What a number input shows for a value someone typed: a number, or a numeric text (with a decimal comma
 * as a Danish user types it, or a point); anything else leaves the input empty (null).
 */
export function typedNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(',', '.');
  return text !== '' && Number.isFinite(Number(text)) ? Number(text) : null;
}
