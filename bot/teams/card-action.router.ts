import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/rendering/card.renderer';

/** What a card action produces: the card to show in answer. */
export type CardActionHandler = (
  context: TurnContext,
  data: Readonly<Record<string, unknown>>,
) => Promise<AdaptiveCardJson>;

/** The verbs the bot understands and their handlers. One table, so every verb is visible in one place. */
export type CardActionTable = Readonly<Record<string, CardActionHandler>>;

export type CardActionRoute =
  | { kind: 'handler'; verb: string; handler: CardActionHandler; data: Readonly<Record<string, unknown>> }
  | { kind: 'malformed' }
  | { kind: 'unknown'; verb: string };

const VERB = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/;

/**
 * Finds the handler for a card submit. Accepts both shapes a click arrives in: `Action.Execute`
 * (invoke value `{ action: { verb, data } }`) and the `Action.Submit` fallback (message value
 * `{ verb, ... }`).
 */
export function routeCardAction(table: CardActionTable, value: unknown): CardActionRoute {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'malformed' };
  const record = value as Record<string, unknown>;
  let verb: unknown = record.verb;
  let data: unknown = record;
  if (typeof record.action === 'object' && record.action !== null) {
    const action = record.action as Record<string, unknown>;
    verb = action.verb;
    data = action.data ?? {};
  }
  if (typeof verb !== 'string' || !VERB.test(verb)) return { kind: 'malformed' };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'malformed' };
  const handler = Object.hasOwn(table, verb) ? table[verb] : undefined;
  if (handler === undefined) return { kind: 'unknown', verb };
  return { kind: 'handler', verb, handler, data: data as Record<string, unknown> };
}
