import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { SendPacer } from './send.pacer';

/** Statuses worth retrying: throttled (429), a concurrent update (412), and gateway trouble (502, 504). */
const RETRYABLE = new Set([429, 412, 502, 504]);
const MAX_ATTEMPTS = 5;
const BASE_BACKOFF_MS = 500;

export type ProactiveOutcome = 'sent' | 'gone';

/** What a send did: 'gone' when the bot is no longer in the conversation; the ids of the messages sent. */
export interface SendResult {
  outcome: ProactiveOutcome;
  activityIds: string[];
}

export interface ProactiveSenderDeps {
  adapter: CloudAdapter;
  /** The bot's app id ('' in local mode). */
  appId: string;
  logger: Logger;
  nowMs?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status =
    (error as { statusCode?: unknown; status?: unknown }).statusCode ?? (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Sends messages the user did not ask for in this turn (the morning board, reminders): paced per
 * conversation, retried with exponential backoff and jitter on 429/412/502/504, and reporting 'gone'
 * on 403 (the bot was removed) so the caller can forget the conversation.
 */
export class ProactiveSender {
  private readonly pacer = new SendPacer();
  private readonly nowMs: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly deps: ProactiveSenderDeps) {
    this.nowMs = deps.nowMs ?? (() => Date.now());
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = deps.random ?? Math.random;
  }

  async send(reference: Partial<ConversationReference>, activities: readonly Partial<Activity>[]): Promise<SendResult> {
    const activityIds: string[] = [];
    for (const activity of activities) {
      const result = await this.deliver(reference, async (context) => {
        const response = await context.sendActivity(activity);
        if (response?.id !== undefined) activityIds.push(response.id);
      });
      if (result === 'gone') return { outcome: 'gone', activityIds };
    }
    return { outcome: 'sent', activityIds };
  }

  /** Replaces a message the bot sent earlier (e.g. the morning board after `Besat +1`). */
  async update(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity> & { id: string },
  ): Promise<ProactiveOutcome> {
    return this.deliver(reference, async (context) => {
      await context.updateActivity(activity);
    });
  }

  private async deliver(
    reference: Partial<ConversationReference>,
    operation: (context: TurnContext) => Promise<void>,
  ): Promise<ProactiveOutcome> {
    const conversationId = reference.conversation?.id ?? '';
    for (let attempt = 1; ; attempt += 1) {
      const wait = this.pacer.delayFor(conversationId, this.nowMs());
      if (wait > 0) await this.sleep(wait);
      this.pacer.record(conversationId, this.nowMs());
      try {
        await this.deps.adapter.continueConversationAsync(this.deps.appId, reference, operation);
        return 'sent';
      } catch (error) {
        const status = statusOf(error);
        if (status === 403 || status === 404) {
          this.deps.logger.warn({ status }, 'proactive send refused: the bot is no longer in the conversation');
          return 'gone';
        }
        if (status === undefined || !RETRYABLE.has(status) || attempt >= MAX_ATTEMPTS) throw error;
        const backoff = BASE_BACKOFF_MS * 2 ** (attempt - 1);
        const delay = backoff / 2 + this.random() * backoff;
        this.deps.logger.info({ status, attempt, delayMs: Math.round(delay) }, 'proactive send retried');
        await this.sleep(delay);
      }
    }
  }
}
