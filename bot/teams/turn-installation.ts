import { TurnContext, type Activity } from 'botbuilder';
import type { Installation, InstallationScope } from '../../rules/teams/installation';

/** Tenant used when a local client (Playground, tests) sends no tenant. Never accepted with auth on. */
export const LOCAL_TENANT_ID = 'local';

/** The tenant an activity comes from, from the conversation or from Teams' channel data. */
export function tenantIdOf(activity: Partial<Activity>): string | undefined {
  const fromConversation = activity.conversation?.tenantId;
  if (typeof fromConversation === 'string' && fromConversation !== '') return fromConversation.toLowerCase();
  const channelData: unknown = activity.channelData;
  if (typeof channelData === 'object' && channelData !== null) {
    const tenant = (channelData as { tenant?: { id?: unknown } }).tenant;
    if (typeof tenant?.id === 'string' && tenant.id !== '') return tenant.id.toLowerCase();
  }
  return undefined;
}

function scopeOf(activity: Activity): InstallationScope {
  switch (activity.conversation.conversationType) {
    case 'channel':
      return 'team';
    case 'groupChat':
      return 'groupChat';
    default:
      return 'personal';
  }
}

/** A person's identity: the Entra object id, stable across chats; the channel account id for local clients. */
export function userIdOf(activity: Partial<Activity>): string {
  // Teams sends strings; any other value (a broken or hostile activity) is no identity, and must not reach a
  // storage query as one (node:sqlite reads an object as named parameters and throws).
  const { aadObjectId, id } = (activity.from ?? {}) as { aadObjectId?: unknown; id?: unknown };
  if (typeof aadObjectId === 'string') return aadObjectId;
  return typeof id === 'string' ? id : '';
}

/** The team named in an activity's channel data (channel messages and team events), if any. */
export function teamOf(
  activity: Partial<Activity>,
): { teamId: string; aadGroupId: string | undefined; name: string | undefined } | undefined {
  const channelData: unknown = activity.channelData;
  if (typeof channelData !== 'object' || channelData === null) return undefined;
  const team = (channelData as { team?: { id?: unknown; aadGroupId?: unknown; name?: unknown } }).team;
  if (typeof team?.id !== 'string' || team.id === '') return undefined;
  return {
    teamId: team.id,
    aadGroupId: typeof team.aadGroupId === 'string' && team.aadGroupId !== '' ? team.aadGroupId : undefined,
    name: typeof team.name === 'string' && team.name !== '' ? team.name : undefined,
  };
}

/** Describes the conversation of this turn as an installation to store. */
export function installationOf(context: TurnContext, now: Date): Installation {
  const { activity } = context;
  const reference = TurnContext.getConversationReference(activity);
  const timestamp = now.toISOString();
  return {
    conversationId: activity.conversation.id,
    tenantId: tenantIdOf(activity) ?? LOCAL_TENANT_ID,
    scope: scopeOf(activity),
    teamId: teamOf(activity)?.teamId,
    userId: scopeOf(activity) === 'personal' ? userIdOf(activity) : undefined,
    // Only what proactive sends need: no user names are kept.
    reference: {
      bot: reference.bot,
      conversation: reference.conversation,
      channelId: reference.channelId,
      serviceUrl: reference.serviceUrl,
      locale: reference.locale,
    },
    installedAt: timestamp,
    updatedAt: timestamp,
  };
}
