import type { GoalIndicatorCards } from '../../../cards/goals/goal-indicators.cards';
import type { GoalsService } from '../../../rules/goals/goals.service';
import type { TeamIndicatorsService } from '../../../rules/goals/team-indicators.service';
import type { CardAction } from '../../teams/card-action.router';
import type { CommandHandler } from '../../teams/jobcenter.bot';
import { actorOf } from '../../teams/turn-actor';

export interface GoalIndicatorHandlerDeps {
  indicators: TeamIndicatorsService;
  goals: Pick<GoalsService, 'yearOverview'>;
  cards: GoalIndicatorCards;
}

/**
 * `mål indikatorer` (a leader's list of the team's own indicators) with its verbs to add, rename and
 * retire one, and `mål år [YYYY]` (the year overview). Each reads the turn, calls the use case and
 * renders what it answers.
 */
export function goalIndicatorHandlers({ indicators, goals, cards }: GoalIndicatorHandlerDeps) {
  const showList: CommandHandler = async (context) => {
    const view = await indicators.view(actorOf(context));
    return view === undefined ? cards.notLeader() : cards.list(view);
  };

  const showYear: CommandHandler = async (context, args) =>
    cards.year(await goals.yearOverview(actorOf(context), args));

  const commands: { maal_indikatorer: CommandHandler; maal_aar: CommandHandler } = {
    maal_indikatorer: showList,
    maal_aar: showYear,
  };

  // Each change is conditional on the list's etag; a repeated delivery is recognised by its stored claim.
  const actions: CardAction[] = [
    {
      verb: 'goals.indicatorAdd',
      safeToRepeat: false,
      handle: async (context, data) =>
        cards.changed(
          await indicators.add(actorOf(context), data.etag, {
            label: data.label,
            group: data.group,
            newGroup: data.newGroup,
          }),
          data,
        ),
    },
    {
      verb: 'goals.indicatorRename',
      safeToRepeat: false,
      handle: async (context, data) =>
        cards.changed(await indicators.rename(actorOf(context), data.etag, data.indicatorId, data.newLabel), data),
    },
    {
      verb: 'goals.indicatorRetire',
      safeToRepeat: false,
      handle: async (context, data) =>
        cards.changed(await indicators.retire(actorOf(context), data.etag, data.indicatorId), data),
    },
  ];

  return { commands, actions };
}
