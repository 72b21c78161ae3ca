import type { CandidateOffer, CandidateOutcome } from '../../rules/openings/candidate-notifier';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { noticeCard } from '../shared/notice.cards';
import { formatDate } from '../shared/formatting';

/** The message the consultant gets about a candidate. */
export function candidateMessageText({ opening, caseworkerName }: CandidateOffer): string {
  const about = `${opening.companyName}${opening.jobFunction === undefined ? '' : ` (${opening.jobFunction})`}`;
  return `${caseworkerName} har en kandidat til ${about}.`;
}

/** The card the consultant gets in their personal chat: the opening, and whom to answer. */
export function candidateNoticeCard(renderer: CardRenderer, offer: CandidateOffer): AdaptiveCardJson {
  const { opening, caseworkerName } = offer;
  return renderer.render('candidateNotice', {
    text: candidateMessageText(offer),
    facts: [
      { title: 'Virksomhed', value: opening.companyName },
      ...(opening.jobFunction === undefined ? [] : [{ title: 'Stilling', value: opening.jobFunction }]),
      { title: 'Pladser', value: `${opening.seats} (${opening.filled} besat)` },
      { title: 'Registreret', value: `den ${formatDate(opening.date)}` },
    ],
    answer: `Svar ${caseworkerName} i en chat i Teams, så I kan aftale det videre.`,
  });
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
