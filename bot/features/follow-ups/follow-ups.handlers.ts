import type { AdaptiveCardJson, CardRenderer } from '../../../cards/rendering/card.renderer';
import { formatCalendarDate } from '../../../cards/goals/goal-formatting';
import { outcomeLabel } from '../../../cards/follow-ups/follow-up.view-models';
import type { FollowUpService } from '../../../rules/follow-ups/follow-up.service';
import type { CardAction } from '../../teams/card-action.router';
import { noticeCard } from '../../../cards/shared/notice.cards';
import type { FollowUpCards } from '../../../cards/follow-ups/follow-up.cards';
import type { CommandHandler } from '../../teams/jobcenter.bot';
import { actorOf } from '../../teams/turn-actor';

/** `opfølgning` and the follow-up cards' outcome buttons (spec §1.7). */
export function followUpHandlers(deps: { service: FollowUpService; cards: FollowUpCards; renderer: CardRenderer }) {
  const { service, cards, renderer } = deps;
  const commands: { opfoelgning: CommandHandler } = {
    opfoelgning: async (context) => cards.list(await service.awaitingOutcome(actorOf(context))),
  };
  const actions: CardAction[] = [
    {
      verb: 'followup.outcome',
      safeToRepeat: false,
      handle: async (context, data): Promise<AdaptiveCardJson> => {
        const actor = actorOf(context);
        const outcome = await service.recordOutcome(actor, data.followUpId, data.outcome);
        switch (outcome.kind) {
          case 'recorded': {
            const { followUp, previous } = outcome;
            const label = outcomeLabel(followUp.outcome ?? 'andet');
            const corrected =
              previous !== undefined && previous !== followUp.outcome ? ` (rettet fra ${outcomeLabel(previous)})` : '';
            const text = `${followUp.caseReference}, ${followUp.weeks} uger efter screeningen: ${label}${corrected}.`;
            if (data.view === 'list') {
              return cards.list(await service.awaitingOutcome(actor), { text: `Gemt: ${text}`, style: 'good' });
            }
            return noticeCard(
              renderer,
              'info',
              'Tak – udfaldet er gemt',
              `${text} Trykkede du forkert, så skriv **opfølgning**; et nyt svar retter det. Teamets ugerapport viser, hvor mange der stadig er ledige efter 39 uger.`,
            );
          }
          case 'invalid':
            return noticeCard(renderer, 'error', 'Vælg et udfald', `${outcome.message} Intet er gemt.`);
          case 'not-due':
            return noticeCard(
              renderer,
              'warning',
              'Opfølgningen er ikke nået endnu',
              `Opfølgningen efter ${outcome.followUp.weeks} uger for ${outcome.followUp.caseReference} er først fra ${formatCalendarDate(outcome.followUp.dueDate)}. Intet er gemt.`,
            );
          case 'not-found':
            return noticeCard(
              renderer,
              'warning',
              'Opfølgningen findes ikke længere',
              'Screeningen kan være slettet. Intet er gemt. Skriv **opfølgning** for at se dem, der venter.',
            );
          case 'forbidden':
            return noticeCard(
              renderer,
              'error',
              'Ikke din opfølgning',
              'Kun sagsbehandleren, der lavede screeningen, eller teamets ledere kan registrere udfaldet. Intet er gemt.',
            );
        }
      },
    },
  ];
  return { commands, actions };
}
