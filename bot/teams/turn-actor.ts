import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../rules/teams/actor';
import { LOCAL_TENANT_ID, tenantIdOf } from './turn-installation';

const TENANT_TEAM_PREFIX = 'tenant:';

/**
 * The person acting and the team they act for. Teams names a team only in channel conversations,
 * while caseworkers and consultants mostly write to the bot in personal chats; until the bot keeps
 * team membership, every conversation of a tenant belongs to one team (the tenant's), so what a
 * consultant registers in a personal chat is on the board in the team channel.
 */
export function actorOf(context: TurnContext): Actor {
  const { activity } = context;
  // The Entra object id is stable across chats; the channel account id is the fallback (local clients).
  const userId = activity.from.aadObjectId ?? activity.from.id;
  return { teamId: `${TENANT_TEAM_PREFIX}${tenantIdOf(activity) ?? LOCAL_TENANT_ID}`, userId };
}

/**
 * The tenant of a team id made by {@link actorOf} ("tenant:<tenantId>"), so a scheduled message can
 * find the person's personal chat, which is stored per tenant. Undefined for any other id.
 */
export function tenantIdOfTeam(teamId: string): string | undefined {
  return teamId.startsWith(TENANT_TEAM_PREFIX) ? teamId.slice(TENANT_TEAM_PREFIX.length) : undefined;
}
