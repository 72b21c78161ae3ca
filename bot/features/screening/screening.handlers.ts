import type { ScreeningService } from '../../../rules/screening/screening.service';
import type { TeamMembershipService } from '../../../rules/teams/team-membership.service';
import type { CardAction } from '../../teams/card-action.router';
import type { CommandHandler } from '../../teams/jobcenter.bot';
import type { ScreeningCards } from '../../../cards/screening/screening.cards';
import { actorOf } from '../../teams/turn-actor';

export interface ScreeningHandlers {
  commands: {
    screening: CommandHandler;
    vis_screening: CommandHandler;
    mine_screeninger: CommandHandler;
    slet_screening: CommandHandler;
    revisionsspor: CommandHandler;
  };
  actions: CardAction[];
}

/** The screening feature's commands and card verbs: each parses the turn, calls the use case, renders. */
export function screeningHandlers(
  service: ScreeningService,
  cards: ScreeningCards,
  membership: Pick<TeamMembershipService, 'members'>,
): ScreeningHandlers {
  /** Display names of the team's people, for the trail (only when there is one to show). */
  const namesIn = async (teamId: string, outcome: Awaited<ReturnType<ScreeningService['auditTrail']>>) =>
    outcome.kind === 'trail' && outcome.entries.length > 0
      ? new Map((await membership.members(teamId)).map((member) => [member.userId, member.name]))
      : new Map<string, string>();
  return {
    commands: {
      screening: async (context) => cards.startOrResume(await service.unfinished(actorOf(context))),
      vis_screening: async (context, args) => cards.shown(await service.view(actorOf(context), args)),
      mine_screeninger: async (context) => cards.mine(await service.mine(actorOf(context))),
      slet_screening: async (context, args) =>
        cards.erasureRequested(await service.requestErasure(actorOf(context), args)),
      revisionsspor: async (context, args) => {
        const actor = actorOf(context);
        const outcome = await service.auditTrail(actor, args);
        return cards.auditTrail(outcome, await namesIn(actor.teamId, outcome));
      },
    },
    actions: [
      { verb: 'screening.new', safeToRepeat: true, handle: () => Promise.resolve(cards.reference()) },
      {
        verb: 'screening.start',
        safeToRepeat: false,
        handle: async (context, data) => {
          const outcome = await service.start(actorOf(context), data.caseReference, data.deliberately === 'ja');
          return cards.started(outcome, typeof data.caseReference === 'string' ? data.caseReference : '');
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
        // Safe to repeat: the erasure names the version it confirms, so a repeat finds it gone or changed.
        verb: 'screening.erase',
        safeToRepeat: true,
        handle: async (context, data) =>
          data.answer === 'slet'
            ? cards.erased(await service.erase(actorOf(context), data.screeningId, data.etag))
            : cards.erasureCancelled(),
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
