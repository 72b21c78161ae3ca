import { cardSubmitActivity, invokeActivity, messageActivity, type ActivityOptions } from '../support/activities';

/** A card as the bot sends it. */
export type Card = Record<string, unknown>;

/** What one turn answered: the HTTP status, the cards of the reply, and how long it took (ms, wall). */
export interface TurnAnswer {
  status: number;
  cards: Card[];
  /** Every text of the reply, for a marker check. */
  text: string;
  ms: number;
}

/** The cards of an expectReplies answer: messages' attachments, and an invoke response's card. */
export function cardsOfReply(body: unknown): Card[] {
  const cards: Card[] = [];
  const activities = (body as { activities?: unknown } | undefined)?.activities;
  const invokeCard = (value: unknown) => {
    const card = (value as { body?: { value?: unknown }; value?: unknown } | undefined)?.body?.value;
    if (typeof card === 'object' && card !== null) cards.push(card as Card);
  };
  if (Array.isArray(activities)) {
    for (const activity of activities as { type?: string; value?: unknown; attachments?: { content?: unknown }[] }[]) {
      if (activity.type === 'invokeResponse') invokeCard(activity.value);
      for (const attachment of activity.attachments ?? []) {
        if (typeof attachment.content === 'object' && attachment.content !== null)
          cards.push(attachment.content as Card);
      }
    }
  } else {
    const direct = (body as { value?: unknown } | undefined)?.value;
    if (typeof direct === 'object' && direct !== null) cards.push(direct as Card);
  }
  return cards;
}

/** One turn over HTTP with expectReplies: a typed command, or a card action (Action.Execute, as Teams sends it). */
export async function sendTurn(
  baseUrl: string,
  body: { text: string } | { verb: string; data: Record<string, unknown> } | { submit: Record<string, unknown> },
  options: ActivityOptions,
): Promise<TurnAnswer> {
  const activity =
    'text' in body
      ? messageActivity(body.text, options)
      : 'verb' in body
        ? invokeActivity(body.verb, { ...body.data, verb: body.verb }, options)
        : cardSubmitActivity(body.submit, options);
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, cards: cardsOfReply(json), text, ms };
}
