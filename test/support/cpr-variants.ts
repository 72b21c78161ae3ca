import { normaliseForCprCheck } from '../../rules/shared/cpr-shape';

/**
 * CPR numbers as a review got them past the forms (project issue 13, item 7): each must be refused in
 * every free-text field, and nothing of it stored, logged or shown back.
 */
export const CPR_VARIANTS: readonly string[] = [
  '010190_1234',
  '010190:1234',
  '010190#1234',
  '01-01-1990-1234',
  '٠١٠١٩٠-١٢٣٤',
  '010190\u200B1234',
  '010190\u00AD1234',
  '010190,1234',
  '010190+1234',
  '010190*1234',
  '010190|1234',
  '010190~1234',
  'O1O19O-1234',
  '0-1-0-1-9-0-1-2-3-4',
  '010190 - / - 1234',
];

/** The digits of a CPR variant as the detector reads them ("0101901234", or "010119901234" with the century). */
function cprDigits(variant: string): string {
  return normaliseForCprCheck(variant).replace(/\D/gu, '');
}

/**
 * Whether a text (a reply card, a stored document, a log line) holds anything of a CPR variant: the
 * variant as typed, or its digits however they are spelled and whatever stands between them.
 */
export function leaksCpr(text: string, variant: string): boolean {
  if (text.includes(variant)) return true;
  const digits = cprDigits(variant);
  return normaliseForCprCheck(text).replace(/\D/gu, '').includes(digits);
}

/** The first variant a text holds something of, for an assertion message; undefined when none. */
export function leakedCpr(text: string, variants: readonly string[] = CPR_VARIANTS): string | undefined {
  return variants.find((variant) => leaksCpr(text, variant));
}
