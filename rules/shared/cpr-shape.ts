/**
 * Spotting a CPR number (Danish personal identification number, DDMMYY-SSSS) in free text, so that
 * it is refused instead of stored. People write them in many ways: with a dash, a space, a dot or a
 * slash between the date and the serial, in pairs ("01 01 90 12 34"), across a line break, with an
 * en dash from a word processor, or in full-width digits from a phone keyboard. All of them count.
 *
 * A candidate is ten digits made of whole groups of digits that are separated only by such marks; its
 * first six must be a possible date (day 01–31, or 61–91 for a replacement number, month 01–12), which
 * keeps phone numbers ("+45 12 34 56 78"), CVR numbers and journal numbers from being refused.
 */

/** Characters that may sit between the digit groups of a CPR number as people type it. */
const SEPARATOR = String.raw`[\s.\/\-‐‑‒–—―−]`;
/** Digit groups joined by one to three separators. */
const DIGIT_RUN = new RegExp(String.raw`\d+(?:${SEPARATOR}{1,3}\d+)*`, 'gu');
const SEPARATORS = new RegExp(`${SEPARATOR}+`, 'u');
const CPR_DIGITS = 10;

/** Whether a text holds something that could be a CPR number (checked on every free-text field). */
export function containsCprShape(text: string): boolean {
  // NFKC turns full-width and other compatibility digits into 0–9.
  for (const [run] of text.normalize('NFKC').matchAll(DIGIT_RUN)) {
    if (run.replace(/\D/gu, '').length < CPR_DIGITS) continue;
    const groups = run.split(SEPARATORS);
    for (let first = 0; first < groups.length; first += 1) {
      let digits = '';
      for (let last = first; last < groups.length && digits.length < CPR_DIGITS; last += 1) {
        digits += groups[last];
      }
      if (digits.length === CPR_DIGITS && isPossibleBirthDate(digits)) return true;
    }
  }
  return false;
}

function isPossibleBirthDate(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const dayOfMonth = day > 60 ? day - 60 : day;
  return dayOfMonth >= 1 && dayOfMonth <= 31 && month >= 1 && month <= 12;
}
