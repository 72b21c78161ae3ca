import type { TurnContext } from 'botbuilder';
import type { SettingsCards, SettingsShown } from '../../../cards/teams/settings.cards';
import type { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import type { CardAction } from '../../teams/card-action.router';
import type { CommandHandler } from '../../teams/jobcenter.bot';
import { actorOf } from '../../teams/turn-actor';
import { holdsCprShape, withoutCprShapes } from '../../../rules/shared/cpr-shape';
import type { TeamMembershipService } from '../../../rules/teams/team-membership.service';
import { choicesOf } from '../../teams/choice-set.parser';
import { parseSettingsSubmit } from './settings-submit.parser';

/** `indstillinger` and the settings form's save. */
export function settingsHandlers(
  service: TeamSettingsService,
  membership: Pick<TeamMembershipService, 'leadershipOf' | 'setCoLeaders'>,
  cards: SettingsCards,
) {
  // Read after the use case, so the card shows what is stored now and who may change it now.
  const shownTo = async (context: TurnContext): Promise<SettingsShown> => {
    const { teamId, userId } = actorOf(context);
    return {
      settings: await service.current(teamId),
      canEdit: await service.isLeader(teamId, userId),
      leadership: await membership.leadershipOf(teamId),
      held: await service.heldToRange(teamId),
    };
  };
  const show: CommandHandler = async (context) => cards.shown(await shownTo(context));
  const actions: CardAction[] = [
    {
      verb: 'settings.save',
      safeToRepeat: true,
      handle: async (context, data) => {
        const { teamId, userId } = actorOf(context);
        const { change, errors } = parseSettingsSubmit(data);
        // What was typed comes back, except a CPR-shaped value: its field comes back empty.
        const typed = withoutCprShapes(data);
        if (errors.length > 0) return cards.unreadable(await shownTo(context), errors, typed);
        const outcome = await service.update(teamId, userId, data.version, change);
        return cards.saved(await shownTo(context), outcome, typed);
      },
    },
    {
      verb: 'team.coLeaders',
      safeToRepeat: true,
      handle: async (context, data) => {
        const { teamId, userId } = actorOf(context);
        const chosen = holdsCprShape(data.coLeaders) ? undefined : choicesOf(data.coLeaders);
        const outcome =
          chosen === undefined
            ? { kind: 'unreadable' as const }
            : await membership.setCoLeaders(teamId, userId, chosen);
        return cards.coLeadersSaved(await shownTo(context), outcome);
      },
    },
  ];
  return { commands: { indstillinger: show }, actions };
}
