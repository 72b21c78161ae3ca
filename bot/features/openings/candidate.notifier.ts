import type { ConversationReference, TurnContext } from 'botbuilder';
import { candidateMessageText, candidateNoticeCard } from '../../../cards/openings/candidate.cards';
import type { CardRenderer } from '../../../cards/rendering/card.renderer';
import { cardMessage } from '../../teams/card-activities';
import type { CandidateNotifier } from '../../../rules/openings/candidate-notifier';
import type { InstallationRepository } from '../../../rules/teams/installation.repository';
import type { ProactiveSender } from '../../teams/proactive.sender';
import { LOCAL_TENANT_ID, tenantIdOf } from '../../teams/turn-installation';

/** Reaches a consultant from the turn in which a caseworker offered a candidate. */
export function candidateNotifierFor(
  context: TurnContext,
  deps: { installations: InstallationRepository; sender: ProactiveSender; renderer: CardRenderer },
): CandidateNotifier {
  return {
    async toPersonalChat(offer) {
      const tenantId = tenantIdOf(context.activity) ?? LOCAL_TENANT_ID;
      const personal = await deps.installations.findPersonal(tenantId, offer.opening.registeredBy.userId);
      if (personal === undefined) return false;
      const reference = personal.reference as Partial<ConversationReference>;
      // A send Teams fails (after the sender's retries) falls back to the mention; the sender has
      // logged it, and the caseworker is not told the bot's storage failed.
      const outcome = await deps.sender
        .send(reference, [
          // The text is what the notification shows; the card holds the opening and whom to answer.
          { ...cardMessage(candidateNoticeCard(deps.renderer, offer)), text: candidateMessageText(offer) },
        ])
        .then((result) => result.outcome)
        .catch(() => 'failed' as const);
      return outcome === 'sent';
    },
    async mentionHere(offer) {
      const consultant = offer.opening.registeredBy;
      const mention = `<at>${consultant.name}</at>`;
      await context.sendActivity({
        type: 'message',
        text: `${mention} ${candidateMessageText(offer)}`,
        entities: [{ type: 'mention', text: mention, mentioned: { id: consultant.userId, name: consultant.name } }],
      });
    },
  };
}
