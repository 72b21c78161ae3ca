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
