import type { ConversationReference } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/rendering/card.renderer';
import type { DeliveryOutcome } from '../../rules/shared/delivery-outcome';
import type { InstallationRepository } from '../../rules/teams/installation.repository';
import type { Logger } from '../logging/logger';
import { cardMessage } from './card-activities';
import type { ProactiveSender } from './proactive.sender';

export interface PersonalChatDeps {
  installations: InstallationRepository;
  sender: ProactiveSender;
  logger: Logger;
  /** The tenant a team belongs to (personal chats are stored per tenant). */
  tenantOf: (teamId: string) => Promise<string | undefined>;
}

/** Sends cards to a person's personal chat with the bot, found by the team's tenant and their user id. */
export type PersonalChatSend = (
  teamId: string,
  userId: string,
  cards: readonly AdaptiveCardJson[],
) => Promise<DeliveryOutcome>;

/**
 * 'unreachable' when the person has no personal chat with the bot, or Teams refuses it (403/404: the
 * bot was removed), in which case the stored chat is forgotten, as on an uninstall.
 */
export function createPersonalChatSend(deps: PersonalChatDeps): PersonalChatSend {
  return async (teamId, userId, cards) => {
    const tenantId = await deps.tenantOf(teamId);
    if (tenantId === undefined) return 'unreachable';
    const personal = await deps.installations.findPersonal(tenantId, userId);
    if (personal === undefined) return 'unreachable';
    const reference = personal.reference as Partial<ConversationReference>;
    const { outcome } = await deps.sender.send(reference, cards.map(cardMessage));
    if (outcome === 'gone') {
      deps.logger.warn({ scope: 'personal' }, 'personal chat no longer reachable; forgotten');
      await deps.installations.remove(tenantId, personal.conversationId);
      return 'unreachable';
    }
    return 'sent';
  };
}
