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

function teamIdOf(activity: Activity): string | undefined {
  const channelData: unknown = activity.channelData;
  if (typeof channelData !== 'object' || channelData === null) return undefined;
  const id = (channelData as { team?: { id?: unknown } }).team?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
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
    teamId: teamIdOf(activity),
    userId: scopeOf(activity) === 'personal' ? (activity.from.aadObjectId ?? activity.from.id) : undefined,
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
