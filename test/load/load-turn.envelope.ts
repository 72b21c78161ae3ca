import { userActivity } from '../support/activities';
import type { Card, LoadUser, TurnBody } from './load-mix.table';

/** Where the run reaches the bot, and where the bot posts what it sends on its own. */
export interface LoadTarget {
  /** The bot's address (`/api/messages` is under it). */
  baseUrl: string;
  /**
   * The service URL the turns carry: the run's stand-in connector, which also lists the teams' members
   * when the bot reads a roster. Replies come in the HTTP response; only what the bot sends on its own (the goal rhythm's Monday summaries and Friday reminders to the
   * people who wrote to it) goes there.
   */
  serviceUrl: string;
}

/** The run's one tenant: a job centre whose teams each have the bot installed. */
export const LOAD_TENANT_ID = 'load-jobcenter';

/**
 * A turn as Teams sends it from a personal chat, asking for the replies in the HTTP response
 * (expectReplies, local mode). Every activity id is new: the bot answers a repeated id only once.
 */
export function turnActivity(user: LoadUser, body: TurnBody, serviceUrl: string): Record<string, unknown> {
  const { id, name } = user;
  return { ...userActivity(body, { user: { id, name }, tenantId: LOAD_TENANT_ID, serviceUrl }), locale: 'da-DK' };
}

/** The first card of an expectReplies response body, if any. */
export function firstCard(responseBody: string): Card | undefined {
  try {
    const { activities } = JSON.parse(responseBody) as { activities?: { attachments?: { content?: Card }[] }[] };
    return activities?.[0]?.attachments?.[0]?.content;
  } catch {
    return undefined;
  }
}

/** What a reply shows, for the report of a wrong one: the texts of its first card, or the body itself. */
export function replySummary(responseBody: string): string {
  const card = firstCard(responseBody);
  if (card === undefined) return responseBody.slice(0, 300);
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null)
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') texts.push(value);
        else visit(value);
      }
  };
  visit(card);
  return texts.join(' | ').slice(0, 300);
}
