import type { Activity, TurnContext } from 'botbuilder';
import type { Actor } from '../../rules/teams/actor';
import type { TurnPlace } from '../../rules/teams/team-membership.service';
import { LOCAL_TENANT_ID, tenantIdOf } from './turn-installation';

/** Where the bot keeps the team this turn acts for, once TeamMembershipService has decided it. */
const TEAM_OF_TURN = Symbol('teamOfTurn');

/** A person's identity: the Entra object id, stable across chats; the channel account id for local clients. */
export function userIdOf(activity: Partial<Activity>): string {
  return activity.from?.aadObjectId ?? activity.from?.id ?? '';
}

export function setTeamOfTurn(context: TurnContext, teamId: string): void {
  context.turnState.set(TEAM_OF_TURN, teamId);
}

/**
 * The person acting and the team they act for (the Teams team, spec §0), as decided for this turn.
 * @throws Error when called in a turn whose team was not decided: a handler the bot let run without
 *   the team check is a wiring mistake, never a reason to guess a team.
 */
export function actorOf(context: TurnContext): Actor {
  const teamId: unknown = context.turnState.get(TEAM_OF_TURN);
  if (typeof teamId !== 'string') throw new Error('this turn acts for no team');
  return { teamId, userId: userIdOf(context.activity) };
}

/** The team a channel activity names (Teams' channel data), with what the bot keeps of it. */
export function placeOf(activity: Partial<Activity>): TurnPlace {
  const tenantId = tenantIdOf(activity) ?? LOCAL_TENANT_ID;
  const team = teamOf(activity);
  if (activity.conversation?.conversationType === 'channel' && team !== undefined) {
    return { kind: 'channel', tenantId, team: { ...team, serviceUrl: activity.serviceUrl } };
  }
  return { kind: 'chat', tenantId };
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
