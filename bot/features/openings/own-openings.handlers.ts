import type { TurnContext } from 'botbuilder';
import type { Notice } from '../../../cards/openings/board.cards';
import { closeNotice, type OpeningCards } from '../../../cards/openings/opening.cards';
import type { AdaptiveCardJson } from '../../../cards/rendering/card.renderer';
import type { OpeningEditor, OpeningsService } from '../../../rules/openings/openings.service';
import type { CardAction } from '../../teams/card-action.router';
import type { CommandHandler } from '../../teams/jobcenter.bot';
import { actorOf } from '../../teams/turn-actor';

/** `mine stillinger`, and changing or closing one's own registrations (a leader may change any). */
export function ownOpeningsHandlers(deps: {
  service: OpeningsService;
  cards: OpeningCards;
  onBoardChanged: (teamId: string) => Promise<void>;
  isLeader: (teamId: string, userId: string) => Promise<boolean>;
}): { commands: Record<'mine_stillinger', CommandHandler>; actions: CardAction[] } {
  const { service, cards } = deps;

  const editorOf = async (context: TurnContext): Promise<{ teamId: string; editor: OpeningEditor }> => {
    const { teamId, userId } = actorOf(context);
    const name = context.activity.from.name ?? 'ukendt';
    return { teamId, editor: { userId, name, isLeader: await deps.isLeader(teamId, userId) } };
  };

  const ownList = async (context: TurnContext, notice?: Notice): Promise<AdaptiveCardJson> => {
    const { teamId, userId } = actorOf(context);
    return cards.ownList(await service.listOwn(teamId, userId), notice);
  };

  const setClosed =
    (close: boolean) =>
    async (context: TurnContext, data: Readonly<Record<string, unknown>>): Promise<AdaptiveCardJson> => {
      const { teamId, editor } = await editorOf(context);
      const outcome = await service.setClosed(teamId, editor, data.openingId, close);
      if (outcome.kind === 'not-found' || outcome.kind === 'forbidden') return cards.refused(outcome);
      if (outcome.kind !== 'unchanged') await deps.onBoardChanged(teamId);
      return ownList(context, closeNotice(outcome, close));
    };

  return {
    commands: { mine_stillinger: (context) => ownList(context) },
    actions: [
      {
        verb: 'opening.edit',
        safeToRepeat: false,
        handle: async (context, data) => {
          const { teamId, editor } = await editorOf(context);
          const outcome = await service.forEditing(teamId, editor, data.openingId);
          return outcome.kind === 'editable' ? cards.editForm(outcome.opening) : cards.refused(outcome);
        },
      },
      {
        verb: 'opening.update',
        safeToRepeat: false,
        handle: async (context, data) => {
          const { teamId, editor } = await editorOf(context);
          const outcome = await service.update(teamId, editor, data.openingId, data.version, data);
          switch (outcome.kind) {
            case 'not-found':
            case 'forbidden':
              return cards.refused(outcome);
            case 'invalid':
            case 'changed-meanwhile':
              return cards.editRefused(typeof data.openingId === 'string' ? data.openingId : '', outcome);
            case 'updated':
              await deps.onBoardChanged(teamId);
              return ownList(context, { text: `Gemt: ${outcome.opening.companyName}.`, style: 'good' });
          }
        },
      },
      { verb: 'opening.close', safeToRepeat: false, handle: setClosed(true) },
      { verb: 'opening.reopen', safeToRepeat: false, handle: setClosed(false) },
    ],
  };
}
