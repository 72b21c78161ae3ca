import type { FollowUpCards } from '../../../cards/follow-ups/follow-up.cards';
import type { FollowUpService } from '../../../rules/follow-ups/follow-up.service';
import type { CardAction } from '../../teams/card-action.router';
import type { CommandHandler } from '../../teams/jobcenter.bot';
import { actorOf } from '../../teams/turn-actor';

/** `opfølgning` and the follow-up cards' outcome buttons (spec §1.7). */
export function followUpHandlers(deps: { service: FollowUpService; cards: FollowUpCards }) {
  const { service, cards } = deps;
  const commands: { opfoelgning: CommandHandler } = {
    opfoelgning: async (context) => cards.list(await service.awaitingOutcome(actorOf(context))),
  };
  const actions: CardAction[] = [
    {
      verb: 'followup.outcome',
      safeToRepeat: false,
      handle: async (context, data) => {
        const actor = actorOf(context);
        const outcome = await service.recordOutcome(actor, data.followUpId, data.outcome);
        if (outcome.kind !== 'recorded') return cards.refused(outcome);
        // A click on the list answers with the list, so the next outcome can be recorded right away.
        return data.view === 'list'
          ? cards.listAfterRecording(await service.awaitingOutcome(actor), outcome)
          : cards.recorded(outcome);
      },
    },
  ];
  return { commands, actions };
}
