import { CPR_REFUSAL, containsCprShape } from '../shared/cpr-shape';
import {
  OPENING_FIELD_LABELS,
  OPENING_FORM_FIELDS,
  OPENING_RESULTS,
  type OpeningDraft,
  type OpeningFormField,
  type OpeningResult,
} from './opening';

/** One invalid input: the field id, its Danish label, and a Danish message that starts with the label. */
export interface OpeningFieldError {
  field: OpeningFormField;
  label: string;
  message: string;
}

/** The outcome of reading the form. */
export interface OpeningFormResult {
  /** Present exactly when there are no errors. */
  value?: OpeningDraft;
  errors: OpeningFieldError[];
  /**
   * What the user typed, untouched, for every field, so the form comes back filled in. The one
   * exception: a field that looks like it holds a CPR number comes back empty, so it is never echoed.
   */
  typed: Readonly<Record<OpeningFormField, string>>;
}

export interface OpeningFormOptions {
  /** The team's job functions; a typed value that matches one (ignoring case) takes its spelling. */
  jobFunctions?: readonly string[];
}

/** Maximum lengths after trimming: room for real names and addresses, small enough for a card. */
export const OPENING_MAX_LENGTHS = {
  companyName: 200,
  address: 200,
  email: 254,
  contactPerson: 100,
  jobFunction: 100,
  note: 1000,
} as const;

/** Enough for a large seasonal intake; more is a typo. */
export const MAX_SEATS = 999;

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Whether 8 digits pass the CVR modulus-11 check (weights 2,7,6,5,4,3,2,1; the sum divides by 11). */
export function isValidCvrChecksum(digits: string): boolean {
  if (!/^\d{8}$/u.test(digits)) return false;
  const sum = CVR_WEIGHTS.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  return sum % 11 === 0;
}

type Check<T> = { ok: true; value: T } | { ok: false; message: string };

/** A CVR number as people write it: spaces allowed, and the `DK` of a VAT number. */
export function checkCvr(text: string): Check<string> {
  const compact = text.replace(/\s+/gu, '').replace(/^DK/iu, '');
  if (!/^\d{8}$/u.test(compact)) return { ok: false, message: 'skriv 8 cifre, fx 12345678.' };
  // Every CVR number issued starts with 1–9; 00000000 would otherwise pass the check.
  if (compact.startsWith('0')) return { ok: false, message: 'et CVR-nummer begynder ikke med 0 – tjek nummeret.' };
  if (!isValidCvrChecksum(compact)) return { ok: false, message: 'kontrolcifferet passer ikke – tjek nummeret.' };
  return { ok: true, value: compact };
}

/** A Danish phone number: 8 digits, optionally after +45 or 0045, spaces allowed; gives `+45 12 34 56 78`. */
export function checkDanishPhone(text: string): Check<string> {
  const match = /^(?:(?:\+|00)45)?(\d{8})$/u.exec(text.replace(/ +/gu, ''));
  const digits = match?.[1];
  if (digits === undefined) return { ok: false, message: 'skriv 8 cifre, evt. med +45.' };
  return { ok: true, value: `+45 ${digits.replace(/(\d{2})(?=\d)/gu, '$1 ')}` };
}

/**
 * A plain e-mail address: one @, no spaces, a domain with a dot and a top-level name of letters.
 * Deliberately not RFC 5322 in full: quoted local parts and IP-literal domains are not what a
 * company gives a job centre, and a typo caught here saves a bounced mail.
 */
export function checkEmail(text: string): Check<string> {
  const address = text.trim();
  const ok =
    address.length <= OPENING_MAX_LENGTHS.email &&
    /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u.test(
      address,
    );
  return ok ? { ok: true, value: address } : { ok: false, message: 'skriv en gyldig e-mailadresse, fx navn@firma.dk.' };
}

/** The text an Adaptive Card input sends (always a string), or what a test passes instead. */
function inputText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function singleLine(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

function multiLine(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/gu, '\n').trim();
}

function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d{1,6}$/u.test(trimmed) ? Number(trimmed) : undefined;
}

/**
 * Reads the opening form (spec §2.1) from an Adaptive Card submit: every field is checked, every
 * problem is reported at once with a Danish message naming the field, and the typed values come
 * back for the form. `sectorIds` is the team's sector list; `now` becomes the registration time.
 *
 * A contact without an opening (`ingen_aabning`) always gets 0 seats and 0 filled, whatever was
 * typed there, and needs no job function.
 */
export function parseOpeningForm(
  raw: Readonly<Record<string, unknown>>,
  sectorIds: readonly string[],
  now: Date,
  options: OpeningFormOptions = {},
): OpeningFormResult {
  if (Number.isNaN(now.getTime())) throw new RangeError('parseOpeningForm: invalid time');

  const typed = Object.fromEntries(OPENING_FORM_FIELDS.map((field) => [field, inputText(raw[field])])) as Record<
    OpeningFormField,
    string
  >;
  const errors: OpeningFieldError[] = [];
  const fail = (field: OpeningFormField, message: string): undefined => {
    errors.push({ field, label: OPENING_FIELD_LABELS[field], message: `${OPENING_FIELD_LABELS[field]}: ${message}` });
    return undefined;
  };
  // Every field, typed or chosen, that holds a CPR shape is blanked before anything else, so it is
  // never stored or shown again; `+4512345678` is ten digits in a row, so a valid phone number is let be.
  const refused = new Set(
    OPENING_FORM_FIELDS.filter(
      (field) => containsCprShape(typed[field]) && !(field === 'phone' && checkDanishPhone(singleLine(typed.phone)).ok),
    ),
  );
  for (const field of refused) typed[field] = '';
  /** Reports a refused field (in the form's order, instead of its own checks). */
  const refuseCpr = (field: OpeningFormField): boolean => {
    if (!refused.has(field)) return false;
    fail(field, CPR_REFUSAL);
    return true;
  };
  const text = (
    field: Exclude<OpeningFormField, 'sector' | 'result' | 'seats' | 'filled' | 'cvr' | 'phone' | 'email'>,
    required: string | undefined,
  ): string | undefined => {
    if (refuseCpr(field)) return undefined;
    const value = field === 'note' ? multiLine(typed[field]) : singleLine(typed[field]);
    if (value === '') return required === undefined ? undefined : fail(field, required);
    const max = OPENING_MAX_LENGTHS[field];
    if (value.length > max) return fail(field, `højst ${max} tegn (du skrev ${value.length}).`);
    return value;
  };

  const companyName = text('companyName', 'skriv virksomhedens navn.');

  let cvr: string | undefined;
  const cvrText = singleLine(typed.cvr);
  if (!refuseCpr('cvr')) {
    if (cvrText === '') fail('cvr', 'skriv virksomhedens CVR-nummer (8 cifre).');
    else {
      const check = checkCvr(cvrText);
      cvr = check.ok ? check.value : fail('cvr', check.message);
    }
  }

  const address = text('address', undefined);

  let phone: string | undefined;
  const phoneText = singleLine(typed.phone);
  if (!refuseCpr('phone') && phoneText !== '') {
    const check = checkDanishPhone(phoneText);
    phone = check.ok ? check.value : fail('phone', check.message);
  }

  let email: string | undefined;
  const emailText = singleLine(typed.email);
  if (!refuseCpr('email') && emailText !== '') {
    const check = checkEmail(emailText);
    email = check.ok ? check.value : fail('email', check.message);
  }

  const contactPerson = text('contactPerson', undefined);

  const sectorText = typed.sector.trim();
  const sector = refuseCpr('sector')
    ? undefined
    : sectorIds.includes(sectorText)
      ? sectorText
      : fail('sector', sectorText === '' ? 'vælg en branche.' : 'vælg en branche fra listen.');

  const resultText = typed.result.trim();
  const result = refuseCpr('result')
    ? undefined
    : (OPENING_RESULTS as readonly string[]).includes(resultText)
      ? (resultText as OpeningResult)
      : fail('result', resultText === '' ? 'vælg et resultat.' : 'vælg et resultat fra listen.');
  const noOpening = result === 'ingen_aabning';

  // Without a valid result it is unknown whether a job function and seats are needed, so only the
  // result is reported; the rest is checked when the form comes back with a result.
  const isOpening = result !== undefined && !noOpening;
  let jobFunction = text('jobFunction', isOpening ? 'skriv en jobfunktion.' : undefined);
  if (jobFunction !== undefined) {
    const wanted = jobFunction.toLocaleLowerCase('da-DK');
    jobFunction = options.jobFunctions?.find((known) => known.toLocaleLowerCase('da-DK') === wanted) ?? jobFunction;
  }

  let seats: number | undefined = 0;
  let filled: number | undefined = 0;
  if (isOpening) {
    seats = refuseCpr('seats') ? undefined : wholeNumber(typed.seats);
    if (!refused.has('seats') && (seats === undefined || seats < 1 || seats > MAX_SEATS)) {
      seats = fail('seats', `skriv et helt tal fra 1 til ${MAX_SEATS}.`);
    }
    filled = refuseCpr('filled') ? undefined : typed.filled.trim() === '' ? 0 : wholeNumber(typed.filled);
    if (!refused.has('filled') && (filled === undefined || (seats !== undefined && filled > seats))) {
      filled = fail('filled', `skriv et helt tal fra 0 til ${seats ?? 'antal pladser'}.`);
    }
  } else {
    // Not read without an opening, but a CPR number typed there is still refused rather than dropped silently.
    refuseCpr('seats');
    refuseCpr('filled');
  }

  const note = text('note', undefined);

  if (
    errors.length > 0 ||
    companyName === undefined ||
    cvr === undefined ||
    sector === undefined ||
    result === undefined ||
    seats === undefined ||
    filled === undefined
  ) {
    return { errors, typed };
  }
  const value: OpeningDraft = {
    date: now.toISOString(),
    companyName,
    cvr,
    ...(address !== undefined && { address }),
    ...(phone !== undefined && { phone }),
    ...(email !== undefined && { email }),
    ...(contactPerson !== undefined && { contactPerson }),
    sector,
    result,
    ...(jobFunction !== undefined && { jobFunction }),
    seats,
    filled,
    ...(note !== undefined && { note }),
  };
  return { value, errors, typed };
}
