/**
 * A company contact registered by a virksomhedskonsulent, and the job opening it may have produced
 * (spec §2.1). A contact that gave no opening (`ingen_aabning`) is kept too: the board shows which
 * sectors were asked, and the statistics count the contacts.
 */

export const OPENING_RESULTS = ['ingen_aabning', 'ordinaer_aabning', 'praktikplads', 'loentilskud'] as const;
export type OpeningResult = (typeof OPENING_RESULTS)[number];

/** Danish labels of the results, for the form's choices and the cards. */
export const OPENING_RESULT_LABELS: Readonly<Record<OpeningResult, string>> = {
  ingen_aabning: 'Ingen åbning',
  ordinaer_aabning: 'Ordinær åbning',
  praktikplads: 'Praktikplads',
  loentilskud: 'Løntilskud',
};

/** The form's inputs; each Adaptive Card input's `id` is one of these. */
export const OPENING_FORM_FIELDS = [
  'companyName',
  'cvr',
  'address',
  'phone',
  'email',
  'contactPerson',
  'sector',
  'result',
  'jobFunction',
  'seats',
  'filled',
  'note',
] as const;
export type OpeningFormField = (typeof OPENING_FORM_FIELDS)[number];

/** Danish field labels: the form shows them, and every error message starts with one. */
export const OPENING_FIELD_LABELS: Readonly<Record<OpeningFormField, string>> = {
  companyName: 'Virksomhed',
  cvr: 'CVR-nummer',
  address: 'Adresse',
  phone: 'Telefon',
  email: 'E-mail',
  contactPerson: 'Kontaktperson',
  sector: 'Branche',
  result: 'Resultat',
  jobFunction: 'Jobfunktion',
  seats: 'Antal pladser',
  filled: 'Heraf besat',
  note: 'Note',
};

/** What a valid form gives, with the registration time the bot sets. */
export interface OpeningDraft {
  /** When the bot registered it: an ISO-8601 instant (UTC). Ages count Copenhagen calendar days from it. */
  date: string;
  companyName: string;
  /** 8 digits, modulus-11 checked. */
  cvr: string;
  address?: string;
  /** Normalised to `+45 12 34 56 78`. */
  phone?: string;
  email?: string;
  contactPerson?: string;
  /** A sector id from the team's sector list (rules/data/sectors.json by default). */
  sector: string;
  result: OpeningResult;
  /** From the team's list (in its spelling) or free text; absent only for `ingen_aabning`. */
  jobFunction?: string;
  /** ≥ 1 for an opening; always 0 for `ingen_aabning`. */
  seats: number;
  /** 0…seats. */
  filled: number;
  note?: string;
}

/** Who registered an opening: the consultant `Jeg har en kandidat` notifies. */
export interface OpeningAuthor {
  /** The Teams user (AAD object) id. */
  userId: string;
  /** Display name, for the cards. */
  name: string;
}

/** A stored contact/opening. */
export interface Opening extends OpeningDraft {
  id: string;
  teamId: string;
  registeredBy: OpeningAuthor;
  /**
   * Set when the consultant closed it (the company withdrew it, or it was filled elsewhere): it leaves
   * the board with its places unfilled, and stays in the statistics.
   */
  closed?: { at: string; by: OpeningAuthor };
}

/**
 * An opening is open while places are left and nobody has closed it; a filled or closed one leaves
 * the board but stays in the statistics.
 */
export function isOpen(opening: Pick<OpeningDraft, 'seats' | 'filled'> & Pick<Partial<Opening>, 'closed'>): boolean {
  return opening.filled < opening.seats && opening.closed === undefined;
}

/** Places still to fill (0 for a contact without an opening). */
export function openSeats(opening: Pick<OpeningDraft, 'seats' | 'filled'>): number {
  return Math.max(0, opening.seats - opening.filled);
}
