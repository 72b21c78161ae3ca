import assert from 'node:assert/strict';
import { cardText } from './bot-under-test';

/** The turn-error handler's apology: the sign that a turn failed with an error nobody expected. */
const UNEXPECTED_FAILURE = /Beklager, der gik noget galt hos mig/;

/** What must never reach a user: English error wording, programming words, stack frames. */
const INTERNAL_OR_ENGLISH =
  /\b(?:Error|Exception|TypeError|RangeError|SyntaxError|ReferenceError|undefined|NaN|null|Cannot read|Cannot set|is not a function|is not defined|Something went wrong|Internal Server Error|Bad Request|invalid activity)\b|\[object Object\]|\bat \S+ \([^)]*:\d+:\d+\)/g;

/** Something only Danish text has: its letters or its commonest small words. */
const DANISH = /[æøåÆØÅ]|\b(?:og|er|at|du|ikke|kan|skriv|til|på|med|den|det|for|af|intet|kortet|tavlen)\b/i;

export interface BotHttpResponse {
  status: number;
  /** Parsed JSON, the raw text when it is not JSON, undefined when empty. */
  body: unknown;
}

type ReplyActivity = {
  type?: unknown;
  text?: unknown;
  attachments?: { content?: unknown }[];
  value?: { status?: unknown; body?: { value?: unknown } };
};

/** Every string inside a value (to tell a reply that echoes what was sent from one that invents it). */
export function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stringsIn(item, into);
  return into;
}

/**
 * The texts a person would read in an answer: the reply activities of an expectReplies answer, or the
 * body of an invoke answered directly (normal delivery: the HTTP body is the invoke response's body).
 */
export function userFacingTexts(body: unknown): string[] {
  const activities = (body as { activities?: unknown } | undefined)?.activities;
  if (!Array.isArray(activities)) {
    const invoked = body as { statusCode?: unknown; value?: unknown } | undefined;
    if (typeof invoked !== 'object' || invoked === null || invoked.statusCode === undefined) return [];
    const shown = typeof invoked.value === 'string' ? invoked.value : cardText(invoked.value);
    return shown === '' ? [] : [shown];
  }
  const texts: string[] = [];
  for (const activity of activities as ReplyActivity[]) {
    if (typeof activity.text === 'string') texts.push(activity.text);
    for (const attachment of Array.isArray(activity.attachments) ? activity.attachments : []) {
      texts.push(cardText(attachment.content));
    }
    if (activity.type === 'invokeResponse') {
      const shown = activity.value?.body?.value;
      texts.push(typeof shown === 'string' ? shown : cardText(shown));
    }
  }
  return texts.filter((text) => text !== '');
}

/** The statuses of invoke responses carried in an expectReplies answer. */
function invokeStatuses(body: unknown): number[] {
  const activities = (body as { activities?: unknown } | undefined)?.activities;
  if (!Array.isArray(activities)) return [];
  return (activities as ReplyActivity[])
    .filter((activity) => activity.type === 'invokeResponse')
    .map((activity) => Number(activity.value?.status));
}

/**
 * The answer to any activity, however broken: a 2xx or 4xx (never 5xx), invoke responses likewise, and
 * whatever a person would read is the bot's Danish: not the apology for an unexpected failure, no
 * English error text, no stack trace, and none of `secrets`, unless the text is what was sent (by this
 * request, or by `sentEarlier` ones, whose data the answer may show).
 */
export function assertSensibleAnswer(
  request: unknown,
  response: BotHttpResponse,
  secrets: readonly string[] = [],
  sentEarlier: Iterable<string> = [],
): void {
  // What the bot shows may be what this request or an earlier one stored (a company named "undefined").
  const sent = stringsIn(request);
  const echoed = (text: string): boolean => {
    if (sent.some((value) => value.includes(text))) return true;
    for (const value of sentEarlier) if (value.includes(text)) return true;
    return false;
  };
  assert.ok(response.status >= 200 && response.status < 500, `HTTP status ${response.status}`);
  for (const status of invokeStatuses(response.body)) {
    assert.ok(status >= 200 && status < 500, `invoke response status ${status}`);
  }
  const texts = userFacingTexts(response.body);
  if (texts.length > 0) assert.match(texts.join('\n'), DANISH, `not Danish: ${texts.join(' | ').slice(0, 300)}`);
  for (const text of texts) {
    assert.doesNotMatch(text, UNEXPECTED_FAILURE, 'the turn failed with an unexpected error');
    for (const match of text.matchAll(INTERNAL_OR_ENGLISH)) {
      assert.ok(echoed(match[0]), `internal or English text reached the user: "${match[0]}" in ${text.slice(0, 300)}`);
    }
    for (const secret of secrets) {
      assert.ok(!text.includes(secret) || echoed(secret), `another team's data was shown: "${secret}"`);
    }
  }
}
