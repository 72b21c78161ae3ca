import {
  answerFieldLabel,
  MAX_CANDIDATE_ANSWER_LENGTH,
  type CandidateAnswer,
  type CandidateAnswerOutcome,
} from '../../rules/openings/candidate-answer';
import type { CandidateOffer, CandidateOutcome } from '../../rules/openings/candidate-notifier';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { noticeCard } from '../shared/notice.cards';
import { formatDate } from '../shared/formatting';

/** The message the consultant gets about a candidate. */
export function candidateMessageText({ opening, caseworkerName }: CandidateOffer): string {
  const about = `${opening.companyName}${opening.jobFunction === undefined ? '' : ` (${opening.jobFunction})`}`;
  return `${caseworkerName} har en kandidat til ${about}.`;
}

/** What the notice shows below the opening: the answer field (with a problem, if any), or the answer sent. */
export type CandidateNoticeState =
  | { kind: 'open'; typed?: string; problem?: { text: string; style: 'attention' | 'warning' } }
  | { kind: 'answered'; text: string };

function openingFacts(offer: CandidateOffer): { title: string; value: string }[] {
  const { opening } = offer;
  return [
    { title: 'Virksomhed', value: opening.companyName },
    ...(opening.jobFunction === undefined ? [] : [{ title: 'Stilling', value: opening.jobFunction }]),
    { title: 'Pladser', value: `${opening.seats} (${opening.filled} besat)` },
    { title: 'Registreret', value: `den ${formatDate(opening.date)}` },
  ];
}

/**
 * The card the consultant gets in their personal chat: the opening, and a field to answer the caseworker
 * (sent to the caseworker's personal chat); once answered, the answer sent in place of the field.
 */
export function candidateNoticeCard(
  renderer: CardRenderer,
  offer: CandidateOffer,
  state: CandidateNoticeState = { kind: 'open' },
): AdaptiveCardJson {
  const { caseworkerName } = offer;
  const typed = state.kind === 'open' ? (state.typed ?? '') : '';
  const problem = state.kind === 'open' ? state.problem : undefined;
  return renderer.render('candidateNotice', {
    text: candidateMessageText(offer),
    facts: openingFacts(offer),
    answered: state.kind === 'answered',
    intro: `Svar ${caseworkerName} her: svaret sendes til ${caseworkerName} i en personlig chat med botten. Skriv aldrig CPR-numre eller borgeres navne.`,
    problem: problem?.text ?? '',
    problemStyle: problem?.style ?? 'default',
    answerLabel: answerFieldLabel(caseworkerName),
    answerValue: typed === '' ? null : typed,
    maxLength: MAX_CANDIDATE_ANSWER_LENGTH,
    emptyMessage: `${answerFieldLabel(caseworkerName)}: skriv dit svar, før du sender.`,
    openingId: offer.opening.id,
    caseworkerId: offer.caseworkerId,
    sentLine: `Svar sendt til ${caseworkerName}:`,
    sentText: state.kind === 'answered' ? state.text : '',
  });
}

/** The card the caseworker gets in their personal chat: the consultant's answer about their candidate. */
export function candidateAnswerCard(renderer: CardRenderer, answer: CandidateAnswer): AdaptiveCardJson {
  const { offer, consultantName } = answer;
  const { opening } = offer;
  const about = `${opening.companyName}${opening.jobFunction === undefined ? '' : ` (${opening.jobFunction})`}`;
  return renderer.render('candidateAnswer', {
    lead: `${consultantName} har svaret om din kandidat til ${about}:`,
    text: answer.text,
    facts: [...openingFacts(offer), { title: 'Registreret af', value: consultantName }],
    next: `Skriv til ${consultantName} i en chat i Teams for at aftale det videre.`,
  });
}

/** The consultant's notice after "Send svar": updated in place, or a refusal when there is nothing to answer. */
export function candidateAnswerOutcomeCard(renderer: CardRenderer, outcome: CandidateAnswerOutcome): AdaptiveCardJson {
  switch (outcome.kind) {
    case 'not-found':
      return noticeCard(renderer, 'warning', 'Stillingen findes ikke længere', 'Der er ikke noget at svare på.');
    case 'not-yours':
      return noticeCard(
        renderer,
        'warning',
        'Ikke din stilling',
        'Kun den konsulent, der registrerede stillingen, kan svare om en kandidat til den.',
      );
    case 'unknown-caseworker':
      return noticeCard(
        renderer,
        'warning',
        'Svaret er ikke sendt',
        'Den kollega, der tilbød kandidaten, er ikke længere med i teamet. Skriv til kollegaen i en chat i Teams.',
      );
    case 'invalid':
      return candidateNoticeCard(renderer, outcome.offer, {
        kind: 'open',
        typed: outcome.typed,
        problem: { text: outcome.error, style: 'attention' },
      });
    case 'unreachable': {
      const name = outcome.offer.caseworkerName;
      return candidateNoticeCard(renderer, outcome.offer, {
        kind: 'open',
        typed: outcome.typed,
        problem: {
          text: `Svaret er ikke sendt: ${name} har ingen personlig chat med botten. Skriv til ${name} i en chat i Teams – dit svar står herunder.`,
          style: 'warning',
        },
      });
    }
    case 'failed':
      return candidateNoticeCard(renderer, outcome.offer, {
        kind: 'open',
        typed: outcome.typed,
        problem: {
          text: 'Svaret kunne ikke sendes lige nu. Dit svar står herunder – prøv igen om lidt.',
          style: 'warning',
        },
      });
    case 'sent':
      return candidateNoticeCard(renderer, outcome.answer.offer, { kind: 'answered', text: outcome.answer.text });
  }
}

/** The short answer the caseworker sees beside the board (the board stays where it is). */
export function candidateToast(outcome: CandidateOutcome): string {
  switch (outcome.kind) {
    case 'not-found':
      return 'Stillingen findes ikke længere. Skriv stillinger for den aktuelle tavle.';
    case 'own-opening':
      return 'Det er din egen stilling, så der er ingen at give besked.';
    case 'personal-chat':
      return `${outcome.offer.opening.registeredBy.name} har fået besked om din kandidat i en personlig chat.`;
    case 'mentioned':
      return `${outcome.offer.opening.registeredBy.name} er nævnt i samtalen med besked om din kandidat.`;
  }
}

/** What the caseworker sees after offering a candidate. */
export function candidateOutcomeCard(renderer: CardRenderer, outcome: CandidateOutcome): AdaptiveCardJson {
  switch (outcome.kind) {
    case 'own-opening':
      return noticeCard(renderer, 'info', 'Din egen stilling', candidateToast(outcome));
    case 'not-found':
      return noticeCard(
        renderer,
        'warning',
        'Stillingen findes ikke længere',
        'Skriv **stillinger** for den aktuelle tavle.',
      );
    case 'personal-chat':
    case 'mentioned': {
      const { name } = outcome.offer.opening.registeredBy;
      const where =
        outcome.kind === 'personal-chat' ? 'har fået besked i en personlig chat' : 'er nævnt i samtalen med beskeden';
      return noticeCard(renderer, 'info', 'Besked sendt', `${name} ${where}: "${candidateMessageText(outcome.offer)}"`);
    }
  }
}
