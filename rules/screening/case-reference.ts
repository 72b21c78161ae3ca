import { containsCprShape } from '../shared/cpr-shape';

/**
 * The caseworker's own reference for a screening (e.g. a journal number). It must never be a CPR
 * number: the bot is not a system of record for personal identifiers.
 */
export type CaseReferenceCheck = { ok: true; reference: string } | { ok: false; message: string };

const MAX_LENGTH = 40;

export function checkCaseReference(raw: unknown): CaseReferenceCheck {
  const reference = typeof raw === 'string' ? raw.normalize('NFC').trim().replace(/\s+/gu, ' ') : '';
  if (reference === '') {
    return { ok: false, message: 'Sagsreference mangler. Skriv din egen reference til sagen, fx et journalnummer.' };
  }
  // Checked before the length, so a CPR number is never echoed back or kept even in an error.
  if (containsCprShape(reference)) {
    return {
      ok: false,
      message:
        'Sagsreferencen ligner et CPR-nummer. Botten må ikke gemme CPR-numre – brug en anden reference, fx et journalnummer.',
    };
  }
  if (reference.length > MAX_LENGTH) {
    return { ok: false, message: `Sagsreferencen må højst være ${MAX_LENGTH} tegn.` };
  }
  if (!/^[\p{L}\p{N} ._\-/#:]+$/u.test(reference)) {
    return { ok: false, message: 'Sagsreferencen må kun indeholde bogstaver, tal, mellemrum og . _ - / # :' };
  }
  return { ok: true, reference };
}
