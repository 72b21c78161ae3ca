import type { Activity } from 'botbuilder';
import { tenantIdOf } from '../teams/turn-installation';

export type IncomingVerdict = { kind: 'accepted' } | { kind: 'rejected'; status: 400 | 403; reason: string };

/**
 * A first look at an incoming activity, before the adapter: refuses bodies that are not activities
 * (400) and activities from tenants outside the allow-list (403). The adapter still authenticates.
 */
export function checkIncomingActivity(body: unknown, allowedTenantIds: readonly string[]): IncomingVerdict {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { kind: 'rejected', status: 400, reason: 'body must be a JSON activity object' };
  }
  const activity = body as Partial<Activity>;
  if (typeof activity.type !== 'string' || activity.type.trim() === '') {
    return { kind: 'rejected', status: 400, reason: 'activity type is missing' };
  }
  if (
    typeof activity.conversation !== 'object' ||
    activity.conversation === null ||
    typeof activity.conversation.id !== 'string'
  ) {
    return { kind: 'rejected', status: 400, reason: 'conversation id is missing' };
  }
  for (const field of ['from', 'recipient', 'channelData'] as const) {
    const present = activity[field];
    if (present !== undefined && (typeof present !== 'object' || present === null || Array.isArray(present))) {
      return { kind: 'rejected', status: 400, reason: `${field} must be an object` };
    }
  }
  if (activity.text !== undefined && typeof activity.text !== 'string') {
    return { kind: 'rejected', status: 400, reason: 'text must be a string' };
  }
  if (allowedTenantIds.length > 0) {
    const tenantId = tenantIdOf(activity);
    if (tenantId === undefined || !allowedTenantIds.includes(tenantId)) {
      return { kind: 'rejected', status: 403, reason: 'tenant not allowed' };
    }
  }
  return { kind: 'accepted' };
}
