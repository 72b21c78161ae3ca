import type { TurnContext } from 'botbuilder';
import type { SettingsCards, SettingsShown } from '../../../cards/teams/settings.cards';
import type { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import type { CardAction } from '../../teams/card-action.router';
import type { CommandHandler } from '../../teams/jobcenter.bot';
import { actorOf } from '../../teams/turn-actor';
import { holdsCprShape, withoutCprShapes } from '../../../rules/shared/cpr-shape';
import type { TeamMembershipService } from '../../../rules/teams/team-membership.service';
import { choicesOf } from '../../teams/choice-set.parser';
import type { TenantDataCards } from '../../../cards/teams/tenant-data.cards';
import { parseSettingsSubmit } from './settings-submit.parser';

/** `indstillinger` and the settings form's save. */
export function settingsHandlers(
  service: TeamSettingsService,
  membership: Pick<TeamMembershipService, 'leadershipOf' | 'setCoLeaders' | 'tenantDataLeft' | 'takeOverTenantData'>,
  cards: SettingsCards,
  tenantData: TenantDataCards,
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
  const show: CommandHandler = async (context) => {
    const shown = await shownTo(context);
    if (!shown.canEdit) return cards.shown(shown);
    // A leader is told of data stored before teams were real, until one of the tenant's leaders takes it.
    const left = await membership.tenantDataLeft(actorOf(context).teamId);
    return left === 0 ? cards.shown(shown) : [cards.shown(shown), tenantData.waiting(left)];
  };
  const takeOver: CommandHandler = async (context) => {
    const { teamId, userId } = actorOf(context);
    const outcome = await membership.takeOverTenantData(teamId, userId);
    switch (outcome.kind) {
      case 'moved':
        return tenantData.takenOver(outcome.moved, outcome.kept);
      case 'forbidden':
        return tenantData.notLeader();
      case 'none':
        return tenantData.nothing();
    }
  };
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
  return { commands: { indstillinger: show, overtag_gamle_data: takeOver }, actions };
}
