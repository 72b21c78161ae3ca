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

/**
 * Turns a case reference into the key its screening's audit events are found by (spec §5: the trail
 * outlives the reference, and must not hold it). One-way and keyed with a secret kept outside the
 * database (bot/: HMAC-SHA-256 with AUDIT_REFERENCE_KEY), so the trail never holds the reference, and
 * someone who reads the database cannot try likely references ("J-2026-1", "J-2026-2", …) against it.
 */
export interface ReferenceKeyer {
  keyOf(teamId: string, reference: string): string;
}

/**
 * The subject key of a case reference in a team: the same for "J-2026-17" and "j-2026-17", so a leader
 * finds the trail however they type the reference, and different in every team.
 */
export function referenceSubjectKey(keyer: ReferenceKeyer, teamId: string, reference: string): string {
  return keyer.keyOf(teamId, reference.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('da-DK'));
}

/**
 * A case reference as it is looked up: "J-2026-102" finds "j-2026-102" (spec §1.5, `vis screening` is
 * case-insensitive). Folds the capital letters references are made of, A–Z and Æ, Ø, Å, exactly as the
 * SQLite store's index does (its lower() knows only A–Z), so every backend finds the same.
 */
export function caseReferenceKey(reference: string): string {
  return reference.replace(/[A-ZÆØÅ]/gu, (letter) => letter.toLowerCase());
}
