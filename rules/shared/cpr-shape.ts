/**
 * Spotting a CPR number (Danish personal identification number, DDMMYY-SSSS) in free text, so that
 * it is refused instead of stored (spec §5). People write them in many ways, and all of them count:
 * with any separators between the digit groups, or none ("010190-1234", "010190_1234",
 * "0-1-0-1-9-0-1-2-3-4", "01 01 90 12 34"), across a line break, with invisible characters pasted in
 * (zero-width space, soft hyphen, BOM), in digits of any script (full-width, Arabic-Indic, Devanagari…),
 * with the letter O for a zero ("O1O19O-1234"), or with a four-digit year ("01-01-1990-1234").
 *
 * The text is first normalised: NFKC (full-width and other compatibility forms), format characters
 * (`\p{Cf}`) and combining marks (`\p{M}`) removed, decimal digits of every script (`\p{Nd}`) turned into
 * 0–9, and an O/o beside a digit read as 0 unless it is part of a word. A candidate is then ten digits
 * (DDMMYY + 4) or twelve (DDMMYYYY + 4) made of whole digit groups, separated only by characters that
 * are neither letters nor numbers. Its date must be possible: day 01–31 (or 61–91, a replacement
 * number) and month 01–12; with a four-digit year, a real calendar date from 1900 to 2099. That keeps
 * phone numbers ("+45 12 34 56 78"), CVR numbers and journal numbers ("J-2026-102") out; an amount
 * written the Danish way ("17.010.000,00") is passed over as a whole.
 */

const CPR_DIGITS = 10;
const CPR_DIGITS_WITH_CENTURY = 12;

/** Invisible characters people paste between digits: format characters (ZWSP, soft hyphen, BOM…) and combining marks. */
const INVISIBLE = /[\p{Cf}\p{M}]/gu;
/** Decimal digits of any script other than 0–9 (these are contiguous ranges of ten, each starting at its zero). */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;
/**
 * An O/o (Latin, or its Cyrillic and Greek look-alikes) read as 0: between digits, or at the edge of a
 * digit group where the other side is not a letter. So "O1O19O" is digits, and "Foto 2026" stays a word.
 */
const LETTER_O = /(?<=\d)[OoОоΟο]+(?=\d)|(?<!\p{L})[OoОоΟο]+(?=\d)|(?<=\d)[OoОоΟο]+(?!\p{L})/gu;
/** Digit groups joined by runs of anything that is neither a letter nor a number. */
const DIGIT_CHAIN = /\d+(?:[^\p{L}\p{N}]+\d+)*/gu;
const NOT_DIGITS = /\D+/u;
/** An amount written the Danish way, "17.010.000,00" or "17 010 000,00": thousands in threes, øre after a comma. */
const AMOUNT = /^[1-9]\d{0,2}([. ])\d{3}(?:\1\d{3})*(?:,\d{1,2})?$/u;

/** The text as the detector reads it (see the file comment). */
export function normaliseForCprCheck(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(OTHER_DIGIT, (digit) => String(digitValue(digit)))
    .replace(LETTER_O, (letters) => '0'.repeat(letters.length));
}

/** Whether a text holds something that could be a CPR number (checked on every free-text field). */
export function containsCprShape(text: string): boolean {
  for (const [chain] of normaliseForCprCheck(text).matchAll(DIGIT_CHAIN)) {
    const groups = chain.split(NOT_DIGITS);
    if (groups.join('').length < CPR_DIGITS || AMOUNT.test(chain)) continue;
    for (let first = 0; first < groups.length; first += 1) {
      let digits = '';
      for (let last = first; last < groups.length && digits.length < CPR_DIGITS_WITH_CENTURY; last += 1) {
        digits += groups[last];
        if (digits.length === CPR_DIGITS && isPossibleBirthDate(digits)) return true;
        if (digits.length === CPR_DIGITS_WITH_CENTURY && isBirthDateWithCentury(digits)) return true;
      }
    }
  }
  return false;
}

/**
 * Whether a value from a form holds a CPR shape: a text, a number (an Input.Number may send one), or a
 * list of them (a multi-select). Anything else is no free text.
 */
export function holdsCprShape(value: unknown): boolean {
  if (typeof value === 'string') return containsCprShape(value);
  if (typeof value === 'number') return Number.isFinite(value) && containsCprShape(String(value));
  if (Array.isArray(value)) return value.some((item) => typeof item !== 'object' && holdsCprShape(item));
  return false;
}

/** Why a field is refused, after its label; it never quotes the value. */
export const CPR_REFUSAL = 'teksten ligner et CPR-nummer. Botten må ikke gemme CPR-numre – fjern det.';

/** The Danish refusal for a field that holds a CPR shape, naming the field. */
export function cprRefusal(label: string): string {
  return `${label}: ${CPR_REFUSAL}`;
}

/**
 * What a form may show again of what was typed: every value that holds a CPR shape becomes empty, so
 * the field comes back blank and the number is never echoed.
 */
export function withoutCprShapes<T>(typed: Readonly<Record<string, T>>): Record<string, T | ''> {
  return Object.fromEntries(Object.entries(typed).map(([key, value]) => [key, holdsCprShape(value) ? '' : value]));
}

/** The value 0–9 of a decimal digit of any script: its distance from the start of its run of ten. */
function digitValue(digit: string): number {
  const codePoint = digit.codePointAt(0) ?? 0;
  let start = codePoint;
  // Some scripts' ranges follow each other directly (the mathematical digits), so count back through
  // the whole run of digits and take the remainder.
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
  return (codePoint - start) % 10;
}

function isPossibleBirthDate(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const dayOfMonth = day > 60 ? day - 60 : day;
  return dayOfMonth >= 1 && dayOfMonth <= 31 && month >= 1 && month <= 12;
}

function isBirthDateWithCentury(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = Number(digits.slice(4, 8));
  const dayOfMonth = day > 60 ? day - 60 : day;
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || dayOfMonth < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
  return dayOfMonth <= daysInMonth;
}
