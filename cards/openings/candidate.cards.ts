import type { CandidateOffer, CandidateOutcome } from '../../rules/openings/candidate-notifier';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { noticeCard } from '../shared/notice.cards';

/** The message the consultant gets about a candidate. */
export function candidateMessageText({ opening, caseworkerName }: CandidateOffer): string {
  const about = `${opening.companyName}${opening.jobFunction === undefined ? '' : ` (${opening.jobFunction})`}`;
  return `${caseworkerName} har en kandidat til ${about}.`;
}

/** What the caseworker sees after offering a candidate. */
export function candidateOutcomeCard(renderer: CardRenderer, outcome: CandidateOutcome): AdaptiveCardJson {
  switch (outcome.kind) {
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
