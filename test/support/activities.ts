import type { Activity } from 'botbuilder';

/**
 * Activities as Teams posts them to the bot (Bot Framework envelopes): who writes, in which
 * conversation of which tenant, where the bot's own sends go, and by default asking for the replies in
 * the HTTP response (`expectReplies`, as local clients do). One place for the envelope, so a test says
 * only what differs: the user, the conversation, the tenant, the team.
 */

/** The bot as Teams addresses it: every activity's recipient, and the account a mention of it names. */
export const BOT = Object.freeze({ id: 'bot', name: 'Jobcenterbot' });

/** The mention entity of a channel message that starts with "@Jobcenterbot". */
export const BOT_MENTION = Object.freeze({ type: 'mention', mentioned: BOT, text: '<at>Jobcenterbot</at>' });

/** A Teams user (`from`): the Entra object id, when given, is what the bot keys people by. */
export interface TeamsUser {
  id: string;
  name?: string;
  aadObjectId?: string;
}

export interface ActivityOptions {
  /** The activity id; a new one on every call unless given (a repeated id is a redelivery). */
  id?: string;
  /** The sender; a caseworker, user-1, unless given. */
  user?: TeamsUser;
  /** Personal (the default), a team's channel or a group chat. */
  conversationType?: 'personal' | 'channel' | 'groupChat';
  /** `a:<user id>` for a personal chat, `19:<type>@thread.tacv2` otherwise, unless given. */
  conversationId?: string;
  /** The conversation's tenant; `local` (a local client's) unless given. */
  tenantId?: string;
  /** The team, in Teams' channel data (with the tenant), as in channel messages; none unless given. */
  teamId?: string;
  /** Where the bot's own sends (and normal-delivery replies) go; an address nothing listens on unless given. */
  serviceUrl?: string;
  /** False: normal delivery, the replies posted to the service URL instead of returned. */
  expectReplies?: boolean;
}

/** Port 9 (discard) on loopback: nothing answers there. */
const NOWHERE = 'http://127.0.0.1:9/never-called';
const DEFAULT_USER: TeamsUser = { id: 'user-1', name: 'Sagsbehandler' };
const RUN = `${process.pid}-${Date.now().toString(36)}`;
let counter = 0;

/** The envelope without its content (no type): for a test that builds an activity of its own kind. */
export function activityEnvelope(options: ActivityOptions = {}): Record<string, unknown> {
  const user = options.user ?? DEFAULT_USER;
  const conversationType = options.conversationType ?? 'personal';
  const tenantId = options.tenantId ?? 'local';
  counter += 1;
  return {
    id: options.id ?? `activity-${RUN}-${counter}`,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl ?? NOWHERE,
    ...(options.expectReplies === false ? {} : { deliveryMode: 'expectReplies' }),
    from: { ...user },
    recipient: { ...BOT },
    conversation: {
      id:
        options.conversationId ??
        (conversationType === 'personal' ? `a:${user.id}` : `19:${conversationType}@thread.tacv2`),
      conversationType,
      tenantId,
    },
    ...(options.teamId === undefined
      ? {}
      : { channelData: { team: { id: options.teamId }, tenant: { id: tenantId } } }),
  };
}

/** A message's options: with `mentionBot`, it is written as "@Jobcenterbot <text>" (as in a channel). */
export type MessageOptions = ActivityOptions & { mentionBot?: boolean };

/** A typed message. */
export function messageActivity(text: string, options: MessageOptions = {}): Record<string, unknown> {
  const { mentionBot, ...envelope } = options;
  return {
    ...activityEnvelope(envelope),
    type: 'message',
    ...(mentionBot === true
      ? { text: `${BOT_MENTION.text} ${text}`, entities: [{ ...BOT_MENTION, mentioned: { ...BOT } }] }
      : { text }),
  };
}

/** An Action.Submit click: a message whose value is the card's data and inputs (the value as given, any shape). */
export function cardSubmitActivity(value: unknown, options: ActivityOptions = {}): Record<string, unknown> {
  return { ...activityEnvelope(options), type: 'message', value };
}

/** A typed text or a card submit, as helpers such as completeScreening hand them over. */
export function userActivity(
  body: { text: string } | { value: unknown },
  options: ActivityOptions = {},
): Record<string, unknown> {
  return 'text' in body ? messageActivity(body.text, options) : cardSubmitActivity(body.value, options);
}

/**
 * The content of an Action.Execute click (an `adaptiveCard/action` invoke), without an envelope: for
 * generated activities whose verb and data may be anything.
 */
export function executeAction(verb: unknown, data: unknown): Record<string, unknown> {
  return { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } };
}

/** An Action.Execute click: the bot answers with an invoke response, whose card replaces the clicked one. */
export function invokeActivity(
  verb: string,
  data: Record<string, unknown>,
  options: ActivityOptions = {},
): Record<string, unknown> {
  return { ...activityEnvelope(options), ...executeAction(verb, data) };
}

/** The app added to (or removed from) the conversation. */
export function installActivity(
  action: 'add' | 'remove' = 'add',
  options: ActivityOptions = {},
): Record<string, unknown> {
  return { ...activityEnvelope(options), type: 'installationUpdate', action };
}

/** Members (the bot, for one: {@link BOT}) added to or removed from the conversation. */
export function conversationUpdateActivity(
  members: { membersAdded?: TeamsUser[]; membersRemoved?: TeamsUser[] },
  options: ActivityOptions = {},
): Record<string, unknown> {
  return { ...activityEnvelope(options), type: 'conversationUpdate', ...members };
}

/**
 * An activity as a TestAdapter's user sends it: without the service URL, the recipient and the
 * delivery mode, which the adapter fills in (its replies are captured only under normal delivery).
 */
export function forTestAdapter(activity: Record<string, unknown>): Partial<Activity> {
  const fields = { ...activity };
  for (const field of ['serviceUrl', 'recipient', 'deliveryMode']) delete fields[field];
  return fields as Partial<Activity>;
}
