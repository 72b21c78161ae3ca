import type { TurnContext } from 'botbuilder';
import type { CardAnswer } from './card-activities';
import { isCardVerb, type CardVerb } from '../../cards/shared/card-verbs';

/** What a card action produces: the card to show in answer. */
export type CardActionHandler = (context: TurnContext, data: Readonly<Record<string, unknown>>) => Promise<CardAnswer>;

/** One card action: its verb, whether a repeated delivery may simply run again, and its handler. */
export interface CardAction {
  verb: CardVerb;
  /**
   * A repeat needs no stored claim (see DedupeMiddleware): the action stores nothing, or its use case
   * refuses a repeat itself (a step, etag, status or version check on the record it changes).
   */
  safeToRepeat: boolean;
  /** Answers without acting for a team (help, the calculator, choosing a team); every other action needs one. */
  teamFree?: boolean;
  handle: CardActionHandler;
}

/** A card submit as it arrived: its verb (if it names one) and its data. */
export type CardSubmit =
  { kind: 'submit'; verb: string; data: Readonly<Record<string, unknown>> } | { kind: 'malformed' };

export type CardActionRoute =
  | { kind: 'handler'; action: CardAction; data: Readonly<Record<string, unknown>> }
  | { kind: 'malformed' }
  | { kind: 'unknown'; verb: string };

const VERB = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/;

/**
 * Reads a card submit in both shapes a click arrives in: `Action.Execute` (invoke value
 * `{ action: { verb, data } }`) and the `Action.Submit` fallback (message value `{ verb, ... }`).
 * The one place a verb is read from an activity.
 */
export function readCardSubmit(value: unknown): CardSubmit {
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
  return { kind: 'submit', verb, data: data as Record<string, unknown> };
}

/** The card actions the bot offers, one per verb: every verb is visible in one place. */
export class CardActionTable {
  private readonly byVerb = new Map<CardVerb, CardAction>();

  /** @throws Error when two actions claim one verb (a wiring mistake, found at start-up). */
  constructor(actions: Iterable<CardAction>) {
    for (const action of actions) {
      if (this.byVerb.has(action.verb)) throw new Error(`card verb ${action.verb} has two handlers`);
      this.byVerb.set(action.verb, action);
    }
  }

  /** Finds the handler for a card submit. */
  route(value: unknown): CardActionRoute {
    const submit = readCardSubmit(value);
    if (submit.kind === 'malformed') return submit;
    const action = isCardVerb(submit.verb) ? this.byVerb.get(submit.verb) : undefined;
    if (action === undefined) return { kind: 'unknown', verb: submit.verb };
    return { kind: 'handler', action, data: submit.data };
  }

  /** The verbs a repeated delivery may run again without a stored claim. */
  safeToRepeat(): ReadonlySet<string> {
    return new Set([...this.byVerb.values()].filter((action) => action.safeToRepeat).map((action) => action.verb));
  }
}
