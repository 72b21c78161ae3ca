import type { Activity, TurnContext } from 'botbuilder';
import type { Actor } from '../../rules/teams/actor';
import type { TurnPlace, TurnTeam } from '../../rules/teams/team-membership.service';
import { LOCAL_TENANT_ID, teamOf, tenantIdOf, userIdOf } from './turn-installation';

/** Where the bot keeps what TeamMembershipService decided about this turn's team (decided once a turn). */
const TURN_TEAM = Symbol('turnTeam');

export function setTurnTeam(context: TurnContext, team: TurnTeam): void {
  context.turnState.set(TURN_TEAM, team);
}

/** The decision kept for this turn, if it was made. */
export function turnTeamOf(context: TurnContext): TurnTeam | undefined {
  return context.turnState.get(TURN_TEAM) as TurnTeam | undefined;
}

/**
 * The person acting and the team they act for (the Teams team, spec §0), as decided for this turn.
 * @throws Error when called in a turn whose team was not decided: a handler the bot let run without
 *   the team check is a wiring mistake, never a reason to guess a team.
 */
export function actorOf(context: TurnContext): Actor {
  const team = turnTeamOf(context);
  if (team?.kind !== 'team') throw new Error('this turn acts for no team');
  return { teamId: team.teamId, userId: userIdOf(context.activity) };
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
