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

/**
 * A card action's answer that leaves the clicked card as it is (the board stays on the meeting-room
 * screen): to an invoke (Action.Execute) Teams shows the clicker `toast`; to a submit, `replyBeside`
 * comes as a message beside the card.
 */
export interface ReplyBeside {
  replyBeside: AdaptiveCardJson;
  toast: string;
}

export type CardAnswer = AdaptiveCardJson | ReplyBeside;

export function isReplyBeside(answer: CardAnswer): answer is ReplyBeside {
  return typeof answer === 'object' && answer !== null && 'replyBeside' in answer && 'toast' in answer;
}

/** The answer to an `adaptiveCard/action` invoke that keeps the clicked card: a short message to the clicker. */
export function messageInvokeResponse(text: string): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } };
}
