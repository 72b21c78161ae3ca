import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../rules/screening-case/screening.service';
import { LOCAL_TENANT_ID, tenantIdOf } from './turn-installation';

/**
 * The person acting and the team they act for. In a team channel the team is the Teams team; in a
 * personal or group chat, where Teams names no team, it is the tenant's team (one per tenant until
 * team membership is kept).
 */
export function actorOf(context: TurnContext): Actor {
  const { activity } = context;
  const channelData: unknown = activity.channelData;
  const teamsTeamId =
    typeof channelData === 'object' && channelData !== null
      ? (channelData as { team?: { id?: unknown } }).team?.id
      : undefined;
  const teamId =
    typeof teamsTeamId === 'string' && teamsTeamId !== ''
      ? `team:${teamsTeamId}`
      : `tenant:${tenantIdOf(activity) ?? LOCAL_TENANT_ID}`;
  // The Entra object id is stable across chats; the channel account id is the fallback (local clients).
  const userId = activity.from.aadObjectId ?? activity.from.id;
  return { teamId, userId };
}
