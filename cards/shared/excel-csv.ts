/**
 * A CSV file that Excel with Danish settings opens directly with a double click: UTF-8 with a byte order
 * mark (without it Excel reads "æøå" as Windows-1252), ";" between fields (Danish Excel's list separator,
 * since "," is the decimal sign), a decimal comma in numbers and no thousands separator, CRLF line ends,
 * and fields quoted as RFC 4180 says when they hold ";", '"' or a line break.
 *
 * Text that Excel would take for a formula (CSV injection, OWASP): a field whose first character, or
 * first after spaces, is "=", "+", "-", "@", a tab or a carriage return gets a leading "'", so Excel shows
 * it as text. Numbers are written by this module, never taken from text, so they need no guard.
 */

/** One field: text (guarded), a finite number (written with a decimal comma), or empty. */
export type CsvCell = string | number | undefined;

export const UTF8_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_LINE_END = '\r\n';

/** What makes Excel (and LibreOffice, Google Sheets) read a cell as a formula. */
const FORMULA_START = /^[\s]*[=+\-@\t\r]/u;
const NEEDS_QUOTES = /[;"\r\n]/u;

const NUMBER = new Intl.NumberFormat('da-DK', { useGrouping: false, maximumFractionDigits: 2 });

/** Text as Excel must show it, never run it: "=SUM(A1)" → "'=SUM(A1)". */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number the Danish way, without grouping: 1234.5 → "1234,5", 0.25 → "0,25". */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a number a file can hold: ${value}`);
  // Intl writes a minus as U+2212 in some locales; Excel reads only the ASCII hyphen-minus.
  return NUMBER.format(value).replace('\u2212', '-');
}

function field(cell: CsvCell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return csvNumber(cell);
  const text = guardFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** The whole file: the byte order mark, the header row, then the rows, each ended by CRLF. */
export function excelCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(field).join(CSV_SEPARATOR) + CSV_LINE_END);
  return UTF8_BOM + lines.join('');
}
