import type { Activity } from 'botbuilder';
import { tenantIdOf } from '../teams/turn-installation';

export type IncomingVerdict = { kind: 'accepted' } | { kind: 'rejected'; status: 400 | 403; reason: string };

/** Envelope fields botbuilder and the bot read as text, when present. */
const TEXT_FIELDS = [
  'id',
  'text',
  'name',
  'action',
  'channelId',
  'serviceUrl',
  'deliveryMode',
  'locale',
  'timestamp',
  'localTimestamp',
  'replyToId',
  'textFormat',
  'inputHint',
] as const;

/** Fields botbuilder walks as lists of objects (mentions, membership changes), when present. */
const LIST_FIELDS = [
  'entities',
  'attachments',
  'membersAdded',
  'membersRemoved',
  'reactionsAdded',
  'reactionsRemoved',
] as const;

/**
 * Longest conversation or tenant id accepted. They become Cosmos partition keys (at most 2 KB, and
 * sent in a request header); Teams' own ids are GUIDs and conversation ids of a few hundred characters.
 */
const MAX_KEY_LENGTH = 512;

/** Teams' conversation ids ("a:1Gx…", "19:…@thread.tacv2;messageid=…") are plain printable ASCII. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Message edits and deletions, which Teams describes in channelData. */
const EDIT_TYPES: ReadonlySet<string> = new Set(['messageUpdate', 'messageDelete']);

/** The accounts every Bot Framework activity names: who sent it, and to whom. */
const ACCOUNT_FIELDS = ['from', 'recipient'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why the envelope is not an activity the SDK can handle, or undefined when it is. */
function envelopeProblem(activity: Record<string, unknown>): string | undefined {
  if (typeof activity.type !== 'string' || activity.type.trim() === '') return 'activity type is missing';
  const conversation = activity.conversation;
  if (!isRecord(conversation) || typeof conversation.id !== 'string') return 'conversation id is missing';
  if (conversation.id.length > MAX_KEY_LENGTH) return 'conversation id is too long';
  // The connector client sends it in a header, which takes no other characters: the reply would fail.
  if (!PRINTABLE_ASCII.test(conversation.id)) return 'conversation id must be printable ASCII';
  if ((tenantIdOf(activity as Partial<Activity>)?.length ?? 0) > MAX_KEY_LENGTH) return 'tenant id is too long';
  for (const field of ACCOUNT_FIELDS) {
    const account = activity[field];
    if (account === undefined) return `${field} is missing`;
    if (!isRecord(account)) return `${field} must be an object`;
    if (typeof account.id !== 'string') return `${field}.id must be a string`;
    if (account.name !== undefined && account.name !== null && typeof account.name !== 'string') {
      return `${field}.name must be a string`;
    }
  }
  if (activity.channelData !== undefined && !isRecord(activity.channelData)) return 'channelData must be an object';
  // Teams' own edits and deletions always carry it; botbuilder reads its eventType unchecked.
  if (activity.channelId === 'msteams' && EDIT_TYPES.has(activity.type) && activity.channelData === undefined) {
    return 'channelData is missing';
  }
  // null counts as absent: some channels spell an unset field that way.
  for (const field of TEXT_FIELDS) {
    const value = activity[field];
    if (value !== undefined && value !== null && typeof value !== 'string') return `${field} must be a string`;
  }
  for (const field of LIST_FIELDS) {
    const list = activity[field];
    if (list !== undefined && !(Array.isArray(list) && list.every(isRecord))) {
      return `${field} must be a list of objects`;
    }
  }
  return entitiesProblem(activity.entities as Record<string, unknown>[] | undefined);
}

/**
 * botbuilder's mention helpers (used to strip "@Jobcenterbot" from a message) read every entity's type
 * and every mention's account and text without checking them.
 */
function entitiesProblem(entities: readonly Record<string, unknown>[] | undefined): string | undefined {
  for (const entity of entities ?? []) {
    if (typeof entity.type !== 'string') return 'every entity needs a type';
    if (entity.type.toLowerCase() !== 'mention') continue;
    if (!isRecord(entity.mentioned) || typeof entity.mentioned.id !== 'string') return 'a mention needs the account';
    if (typeof entity.text !== 'string') return 'a mention needs its text';
  }
  return undefined;
}

/**
 * A first look at an incoming activity, before the adapter: refuses bodies that are not activities
 * (400: a missing or wrongly typed envelope field, which the SDK and the handlers would otherwise trip
 * over inside the turn). Teams always sends these fields with these types. Says nothing about who sent
 * it: the adapter authenticates next, and only then is the tenant checked (checkTenant).
 */
export function checkIncomingActivity(body: unknown): IncomingVerdict {
  if (!isRecord(body)) {
    return { kind: 'rejected', status: 400, reason: 'body must be a JSON activity object' };
  }
  const problem = envelopeProblem(body);
  if (problem !== undefined) return { kind: 'rejected', status: 400, reason: problem };
  return { kind: 'accepted' };
}

/**
 * Refuses (403) an activity from a tenant outside the allow-list; an empty list accepts any. Only for an
 * authenticated activity: asked before authentication, it would tell anyone which tenants are allowed.
 */
export function checkTenant(activity: Partial<Activity>, allowedTenantIds: readonly string[]): IncomingVerdict {
  if (allowedTenantIds.length > 0) {
    const tenantId = tenantIdOf(activity);
    if (tenantId === undefined || !allowedTenantIds.includes(tenantId)) {
      return { kind: 'rejected', status: 403, reason: 'tenant not allowed' };
    }
  }
  return { kind: 'accepted' };
}
