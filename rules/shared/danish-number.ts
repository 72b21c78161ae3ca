const DANISH = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });

/** "1.320", "6,25": a number as a Danish reader writes it, with at most two decimals. */
export function formatDanishNumber(value: number): string {
  return DANISH.format(value);
}

/**
 * Reads a number as people type it in Danish or English: `330`, `1.000` or `1 000` (thousands), `3,5` or
 * `3.5` (decimals), surrounding spaces ignored. Gives undefined for anything else, including an empty text,
 * words ("halvandet") and two decimal separators ("1,5,5").
 */
export function parseDanishDecimal(text: string): number | undefined {
  const compact = text.trim();
  if (/^-?\d{1,3}(?:[. ]\d{3})+$/u.test(compact)) return Number(compact.replace(/[. ]/gu, ''));
  if (!/^-?\d+(?:[.,]\d+)?$/u.test(compact)) return undefined;
  return Number(compact.replace(',', '.'));
}

/** Like {@link parseDanishDecimal}, and also a percentage: `30 %`. */
export function parseDanishNumber(text: string): number | undefined {
  return parseDanishDecimal(text.trim().replace(/\s*%$/u, ''));
}
