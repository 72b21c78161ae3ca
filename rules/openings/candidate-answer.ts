import { containsCprShape, cprRefusal } from '../shared/cpr-shape';
import type { CandidateOffer } from './candidate-notifier';

/** The longest answer a consultant may send a caseworker about a candidate (a few lines, not a case file). */
export const MAX_CANDIDATE_ANSWER_LENGTH = 1000;

/** The consultant's answer to a caseworker's offer of a candidate, as the caseworker will read it. */
export interface CandidateAnswer {
  offer: CandidateOffer;
  /** The consultant who registered the opening, answering. */
  consultantName: string;
  text: string;
}

/**
 * Reaches the caseworker who offered a candidate (port; the Teams adapter implements it with the team's
 * roster and the caseworker's personal chat with the bot).
 */
export interface CandidateAnswerPort {
  /** The caseworker's name as the team's roster has it; undefined when they are not a member of the team. */
  memberName(teamId: string, userId: string): Promise<string | undefined>;
  /**
   * Sends the answer to the caseworker's personal chat; 'unreachable' when they have none (or it is gone),
   * 'failed' when Teams did not take it now (worth trying again).
   */
  send(answer: CandidateAnswer): Promise<'sent' | 'unreachable' | 'failed'>;
}

export type CandidateAnswerOutcome =
  | { kind: 'not-found' }
  /** Only the consultant who registered the opening answers offers about it. */
  | { kind: 'not-yours' }
  /** The caseworker named is not (or no longer) a member of the team: nobody is written to. */
  | { kind: 'unknown-caseworker' }
  /** Nothing sent: the answer is empty, too long or looks like it holds a CPR number; `typed` is what may be shown again. */
  | { kind: 'invalid'; offer: CandidateOffer; error: string; typed: string }
  /** The caseworker has no personal chat with the bot: nothing sent, the answer kept for the consultant to write elsewhere. */
  | { kind: 'unreachable'; offer: CandidateOffer; typed: string }
  /** Teams did not take the message now: nothing sent, the answer kept to send again. */
  | { kind: 'failed'; offer: CandidateOffer; typed: string }
  | { kind: 'sent'; answer: CandidateAnswer };

/** The field's label on the card, which every refusal names. */
export function answerFieldLabel(caseworkerName: string): string {
  return `Svar til ${caseworkerName}`;
}

/**
 * Checks an answer before it is sent: text, not empty, at most {@link MAX_CANDIDATE_ANSWER_LENGTH} characters,
 * and nothing shaped like a CPR number (which comes back blank, never echoed). Lines are kept; the ends trimmed.
 */
export function checkCandidateAnswer(
  value: unknown,
  label: string,
): { ok: true; text: string } | { ok: false; error: string; typed: string } {
  const typed = typeof value === 'string' ? value : '';
  const text = typed.replace(/\r\n?/g, '\n').trim();
  if (containsCprShape(typed)) return { ok: false, error: cprRefusal(label), typed: '' };
  if (text === '') return { ok: false, error: `${label}: skriv dit svar, før du sender.`, typed: '' };
  if ([...text].length > MAX_CANDIDATE_ANSWER_LENGTH) {
    return {
      ok: false,
      error: `${label}: højst ${MAX_CANDIDATE_ANSWER_LENGTH.toLocaleString('da-DK')} tegn – dit svar har ${[...text].length.toLocaleString('da-DK')}. Forkort det og send igen.`,
      typed,
    };
  }
  return { ok: true, text };
}
