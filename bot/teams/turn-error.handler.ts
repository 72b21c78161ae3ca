import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';

const STORAGE_DOWN_TEXT =
  'Jeg kan ikke gemme eller hente data lige nu. Prøv igen om lidt – det, du lige har sendt, er ikke gemt.';
const DISK_FULL_TEXT =
  'Der er ikke mere plads på disken, hvor botten gemmer sine data, så det, du lige har sendt, er ikke gemt. Det, der var gemt før, er der stadig. Giv it-afdelingen besked; botten gemmer igen af sig selv, så snart der er plads.';
const STORAGE_BUSY_TEXT =
  'Datafilen var optaget af en anden proces i flere sekunder, så det, du lige har sendt, er ikke gemt. Prøv igen om lidt; bliver det ved, så giv it-afdelingen besked (en backup eller et andet program kan holde filen).';
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

/**
 * Codes that mean storage could not be reached or did not answer in time, as @azure/cosmos throws
 * them: the network errors it passes on from Node (a refused, reset or cut connection, a name that
 * does not resolve; "REQUEST_SEND_ERROR" when the HTTP client names no cause), and the statuses of a
 * server that is unavailable, timed out, or still throttling after the SDK's own retries.
 */
const STORAGE_DOWN_CODES: ReadonlySet<string> = new Set([
  'STORAGE_UNAVAILABLE',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'REQUEST_SEND_ERROR',
  'HTTP_408',
  'HTTP_429',
  'HTTP_503',
]);

/** Whether the error, or what it wraps, says storage is away (the SDK's own timeout is a TimeoutError). */
function isStorageError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  if (STORAGE_DOWN_CODES.has(errorCode(error))) return true;
  if ((error as { name?: unknown }).name === 'TimeoutError') return true;
  return isStorageError((error as { cause?: unknown }).cause, depth + 1);
}

/** Whether the error, or what it wraps, has this code. */
function hasCode(error: unknown, code: string, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  return errorCode(error) === code || hasCode((error as { cause?: unknown }).cause, code, depth + 1);
}

/** What the user is told: a full disk and a held lock (embedded SQLite) each in its own words. */
function userTextFor(error: unknown): string {
  if (hasCode(error, 'STORAGE_FULL')) return DISK_FULL_TEXT;
  if (hasCode(error, 'STORAGE_BUSY')) return STORAGE_BUSY_TEXT;
  return isStorageError(error) ? STORAGE_DOWN_TEXT : GENERIC_TEXT;
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
    const text = userTextFor(error);
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
