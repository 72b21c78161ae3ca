import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';

const STORAGE_DOWN_TEXT =
  'Jeg kan ikke få fat i mit lager lige nu. Prøv igen om lidt – intet af det, du har indtastet, er gemt forkert.';
const GENERIC_TEXT =
  'Beklager, der gik noget galt hos mig. Prøv igen om lidt. Skriv **hjælp**, hvis du vil se, hvad jeg kan.';

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (typeof code === 'number') return `HTTP_${code}`;
  }
  return 'UNEXPECTED';
}

function isStorageError(error: unknown, code: string): boolean {
  if (code === 'STORAGE_UNAVAILABLE') return true;
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'HTTP_408' ||
    code === 'HTTP_503' ||
    name === 'TimeoutError'
  );
}

/** The event botbuilder runs a proactive send in (`continueConversationAsync`). */
function isProactiveTurn(context: TurnContext): boolean {
  return context.activity.type === ActivityTypes.Event && context.activity.name === 'ContinueConversation';
}

/**
 * The adapter's last resort: answers in Danish and logs what went wrong without the message text
 * or card values (only ids, types and the error). A proactive send (the morning board) is nobody's
 * turn: its error goes back to the sender, which retries or forgets the conversation, and nothing is
 * said in the channel.
 */
export function createTurnErrorHandler(logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    if (isProactiveTurn(context)) throw error;
    const code = errorCode(error);
    const { activity } = context;
    logger.error(
      {
        code,
        err: { type: error.name, message: error.message, stack: error.stack },
        activityType: activity.type,
        activityName: activity.name,
        activityId: activity.id,
        conversationType: activity.conversation?.conversationType,
      },
      'turn failed',
    );
    const text = isStorageError(error, code) ? STORAGE_DOWN_TEXT : GENERIC_TEXT;
    try {
      if (activity.type === ActivityTypes.Invoke) {
        await context.sendActivity({
          type: 'invokeResponse',
          value: {
            status: 200,
            body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
          },
        });
      } else {
        await context.sendActivity(text);
      }
    } catch (sendError) {
      logger.error({ code: errorCode(sendError) }, 'could not tell the user about the failed turn');
    }
  };
}
