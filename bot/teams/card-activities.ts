import { CardFactory, MessageFactory, type Activity, type InvokeResponse } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/rendering/card.renderer';

/** A message activity carrying one Adaptive Card. */
export function cardMessage(card: AdaptiveCardJson): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** The answer to an `adaptiveCard/action` invoke: the card replaces the one that was clicked. */
export function cardInvokeResponse(card: AdaptiveCardJson): InvokeResponse {
  return {
    status: 200,
    body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
  };
}
