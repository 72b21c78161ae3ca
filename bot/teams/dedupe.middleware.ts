import { ActivityTypes, TurnContext, type Activity, type Middleware } from 'botbuilder';
import { parseCommand } from '../../rules/commands/command.parser';
import type { Clock } from '../../rules/shared/clock';
import type { ProcessedActivityRepository } from '../../rules/shared/processed-activity.repository';
import type { Logger } from '../logging/logger';
import { readCardSubmit } from './card-action.router';
import { RecentActivities } from './recent-activities';

/** Activities a user sends; a repeated delivery of one of these is not answered twice. */
const DEDUPLICATED_TYPES: ReadonlySet<string> = new Set([ActivityTypes.Message, ActivityTypes.Invoke]);

/**
 * Handles each activity once. Teams re-delivers an activity when the bot was slow to answer. Every
 * instance remembers what it handled lately; activities that store or change something (card
 * submits, invokes, state-changing commands) are also claimed in storage, because the re-delivery
 * may reach another instance. Read-only answers skip that write: a second copy of a help card on
 * another instance costs less than a storage write on every turn.
 */
export class DedupeMiddleware implements Middleware {
  private readonly recent = new RecentActivities();

  /**
   * @param safeToRepeat card verbs a repeated delivery may run again (`CardAction.safeToRepeat`): they
   *   store nothing, or their use case refuses a repeat itself, so a stored claim would only cost a write.
   */
  constructor(
    private readonly processed: ProcessedActivityRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly safeToRepeat: ReadonlySet<string> = new Set(),
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    const id = activity.id;
    if (!DEDUPLICATED_TYPES.has(activity.type) || typeof id !== 'string' || id === '') {
      await next();
      return;
    }
    const key = `${activity.conversation.id}\u0000${id}`;
    let first = this.recent.firstSighting(key);
    if (first && needsStoredClaim(activity, this.safeToRepeat)) {
      try {
        first = await this.processed.claim(activity.conversation.id, id, this.clock.now());
      } catch (error) {
        // Not claimed: a retry after storage recovers must be handled, not dropped.
        this.recent.forget(key);
        throw error;
      }
    }
    if (first) {
      await next();
      return;
    }
    this.logger.info({ activityType: activity.type }, 'repeated delivery ignored');
    if (activity.type === ActivityTypes.Invoke) {
      // The first delivery already answered; acknowledge without acting again.
      await context.sendActivity({
        type: 'invokeResponse',
        value: {
          status: 200,
          body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Allerede behandlet.' },
        },
      });
    }
  }
}

function needsStoredClaim(activity: Activity, safeToRepeat: ReadonlySet<string>): boolean {
  if (activity.type === ActivityTypes.Invoke || activity.value !== undefined) {
    const submit = readCardSubmit(activity.value);
    return !(submit.kind === 'submit' && safeToRepeat.has(submit.verb));
  }
  const parsed = parseCommand(typeof activity.text === 'string' ? TurnContext.removeRecipientMention(activity) : '');
  return parsed.kind === 'command' && parsed.command.changesState;
}
