import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson, CardRenderer } from '../../../cards/rendering/card.renderer';
import type { ScreeningService } from '../../../rules/screening/screening.service';
import type { CardAction } from '../../teams/card-action.router';
import { noticeCard } from '../../../cards/shared/notice.cards';
import type { CommandHandler } from '../../teams/jobcenter.bot';
import type { ScreeningCards } from '../../../cards/screening/screening.cards';
import { actorOf } from '../../teams/turn-actor';

export interface ScreeningHandlers {
  commands: { screening: CommandHandler; vis_screening: CommandHandler; slet_screening: CommandHandler };
  actions: CardAction[];
}

/** The screening feature's commands and card verbs: each parses the turn, calls the use case, renders. */
export function screeningHandlers(
  service: ScreeningService,
  cards: ScreeningCards,
  renderer: CardRenderer,
): ScreeningHandlers {
  const startOrResume = async (context: TurnContext): Promise<AdaptiveCardJson> => {
    const unfinished = await service.unfinished(actorOf(context));
    return unfinished === undefined ? cards.reference() : cards.resume(unfinished.screening, unfinished.sectionCount);
  };
  return {
    commands: {
      screening: startOrResume,
      vis_screening: async (context, args) => {
        const outcome = await service.view(actorOf(context), args);
        if (outcome.kind === 'invalid') {
          return noticeCard(renderer, 'error', 'Sagsreference', `${outcome.message} Skriv fx: vis screening J-2026-17`);
        }
        // Newest first: several screenings may share a reference (e.g. a citizen screened again).
        const [first] = [...outcome.steps].sort((a, b) => b.screening.updatedAt.localeCompare(a.screening.updatedAt));
        if (first === undefined) {
          return noticeCard(
            renderer,
            'warning',
            'Ingen screening at vise',
            outcome.hidden > 0
              ? 'Screeningen med den sagsreference er en anden sagsbehandlers. Kun den sagsbehandler og teamets ledere kan se den.'
              : 'Teamet har ingen screening med den sagsreference.',
          );
        }
        return cards.view(first);
      },
      slet_screening: async (context, args) => {
        const outcome = await service.erase(actorOf(context), args);
        switch (outcome.kind) {
          case 'forbidden':
            return noticeCard(renderer, 'error', 'Kun for ledere', 'Kun teamets ledere kan slette en screening.');
          case 'invalid':
            return noticeCard(
              renderer,
              'error',
              'Sagsreference',
              `${outcome.message} Skriv fx: slet screening J-2026-17`,
            );
          case 'erased':
            return outcome.count === 0
              ? noticeCard(renderer, 'warning', 'Intet slettet', 'Teamet har ingen screening med den sagsreference.')
              : noticeCard(
                  renderer,
                  'info',
                  'Screening slettet',
                  `${outcome.count === 1 ? 'Screeningen er' : `${outcome.count} screeninger er`} slettet permanent. Sletningen er registreret i revisionssporet.`,
                );
        }
      },
    },
    actions: [
      { verb: 'screening.new', safeToRepeat: true, handle: () => Promise.resolve(cards.reference()) },
      {
        verb: 'screening.start',
        safeToRepeat: false,
        handle: async (context, data) => {
          const outcome = await service.start(actorOf(context), data.caseReference);
          if (outcome.kind === 'started') return cards.step(outcome.step);
          return cards.reference(
            outcome.message,
            outcome.keepTyped && typeof data.caseReference === 'string' ? data.caseReference : '',
          );
        },
      },
      {
        verb: 'screening.resume',
        safeToRepeat: true,
        handle: async (context, data) => cards.outcome(await service.resume(actorOf(context), data.screeningId)),
      },
      {
        verb: 'screening.section',
        safeToRepeat: true,
        handle: async (context, data) =>
          cards.outcome(await service.submitSection(actorOf(context), data.screeningId, data.sectionIndex, data)),
      },
      {
        verb: 'screening.accept',
        safeToRepeat: true,
        handle: async (context, data) =>
          cards.outcome(await service.decide(actorOf(context), data.screeningId, { decision: 'accept' })),
      },
      {
        verb: 'screening.override',
        safeToRepeat: true,
        handle: async (context, data) =>
          cards.outcome(
            await service.decide(actorOf(context), data.screeningId, {
              decision: 'override',
              finalTrack: data.finalTrack,
              reasonCode: data.reasonCode,
              reasonText: data.reasonText,
            }),
          ),
      },
    ],
  };
}
