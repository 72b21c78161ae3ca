import type { Opening } from './opening';

/** A caseworker's offer of a candidate for an opening. */
export interface CandidateOffer {
  teamId: string;
  opening: Opening;
  /** The caseworker's display name, as the consultant will read it. */
  caseworkerName: string;
  /** The caseworker (to answer them); never the consultant who registered the opening. */
  caseworkerId: string;
}

/**
 * Reaches the consultant who registered an opening (port; the Teams adapter implements it for the
 * turn the offer was made in).
 */
export interface CandidateNotifier {
  /** Writes to the consultant's personal chat with the bot; false when there is none or Teams refused. */
  toPersonalChat(offer: CandidateOffer): Promise<boolean>;
  /** Mentions the consultant in the conversation the offer was made in, so that Teams notifies them. */
  mentionHere(offer: CandidateOffer): Promise<void>;
}

export type CandidateOutcome =
  | { kind: 'not-found' }
  /** The clicker registered the opening: nobody is told anything (no message to oneself). */
  | { kind: 'own-opening' }
  | { kind: 'personal-chat'; offer: CandidateOffer }
  | { kind: 'mentioned'; offer: CandidateOffer };
