import {
  candidateAnswerCard,
  candidateAnswerOutcomeCard,
  candidateOutcomeCard,
  candidateToast,
} from '../../../cards/openings/candidate.cards';
import { fillNotice, type OpeningCards } from '../../../cards/openings/opening.cards';
import type { CardRenderer } from '../../../cards/rendering/card.renderer';
import type { OpeningsService } from '../../../rules/openings/openings.service';
import type { InstallationRepository } from '../../../rules/teams/installation.repository';
import type { CardAction } from '../../teams/card-action.router';
import type { CommandHandler } from '../../teams/jobcenter.bot';
import type { PersonalChatSend } from '../../teams/personal-chat.sender';
import type { ProactiveSender } from '../../teams/proactive.sender';
import { actorOf } from '../../teams/turn-actor';
import type { BoardCards } from './board-cards';
import { candidateNotifierFor } from './candidate.notifier';

/** `ny stilling`, `stillinger`, and the form's and the board's buttons. */
export function openingsHandlers(deps: {
  service: OpeningsService;
  cards: OpeningCards;
  renderer: CardRenderer;
  boardCards: BoardCards;
  installations: InstallationRepository;
  sender: ProactiveSender;
  /** Called after a change that today's posted board should show (e.g. `Besat +1`). */
  onBoardChanged: (teamId: string) => Promise<void>;
  /** Writes to a member's personal chat with the bot (the caseworker, with the consultant's answer); 'failed' when Teams did not take it. */
  sendPersonal: (...args: Parameters<PersonalChatSend>) => Promise<Awaited<ReturnType<PersonalChatSend>> | 'failed'>;
  /** A member's name by the team's roster; undefined for someone not in the team. */
  memberName: (teamId: string, userId: string) => Promise<string | undefined>;
}): { commands: Record<'ny_stilling' | 'stillinger', CommandHandler>; actions: CardAction[] } {
  const { service, cards, boardCards } = deps;
  return {
    commands: {
      ny_stilling: () => Promise.resolve(cards.registerForm()),
      stillinger: (context) => boardCards(actorOf(context).teamId),
    },
    actions: [
      {
        verb: 'opening.register',
        safeToRepeat: false,
        handle: async (context, data) => {
          const { teamId, userId } = actorOf(context);
          const name = context.activity.from.name ?? 'ukendt';
          const outcome = await service.register(teamId, { userId, name }, data);
          return outcome.kind === 'invalid'
            ? cards.registerForm(
                outcome.typed,
                outcome.errors.map((error) => error.message),
              )
            : cards.registered(outcome.opening);
        },
      },
      {
        verb: 'opening.candidate',
        safeToRepeat: false,
        handle: async (context, data) => {
          const caseworker = { userId: actorOf(context).userId, name: context.activity.from.name ?? 'En kollega' };
          const notifier = candidateNotifierFor(context, deps);
          const teamId = actorOf(context).teamId;
          const outcome = await service.offerCandidate(teamId, data.openingId, caseworker, notifier);
          // The board stays on the meeting-room screen: the clicker is answered beside it.
          return { replyBeside: candidateOutcomeCard(deps.renderer, outcome), toast: candidateToast(outcome) };
        },
      },
      {
        // From the notice in the consultant's personal chat: the answer goes to the caseworker's personal
        // chat, and the notice is answered with itself, updated (the answer sent, or the problem and what was typed).
        verb: 'opening.candidateAnswer',
        safeToRepeat: false,
        handle: async (context, data) => {
          const { teamId, userId } = actorOf(context);
          const consultant = { userId, name: context.activity.from.name ?? 'Konsulenten' };
          const outcome = await service.answerCandidate(
            teamId,
            consultant,
            { openingId: data.openingId, caseworkerId: data.caseworkerId, answer: data.answer },
            {
              memberName: deps.memberName,
              send: (answer) =>
                deps.sendPersonal(teamId, answer.offer.caseworkerId, [candidateAnswerCard(deps.renderer, answer)]),
            },
          );
          return candidateAnswerOutcomeCard(deps.renderer, outcome);
        },
      },
      {
        verb: 'opening.fill',
        safeToRepeat: false,
        handle: async (context, data) => {
          const { teamId } = actorOf(context);
          const outcome = await service.fill(teamId, data.openingId);
          if (outcome.kind === 'filled') await deps.onBoardChanged(teamId);
          // The clicked message is answered with the same message of the redrawn board (a board of several
          // messages keeps its order on screen), carrying the notice.
          const part = boardPartOf(data.part);
          const notice = { ...fillNotice(outcome), part };
          const board = await boardCards(teamId, notice);
          return board[Math.min(part, board.length - 1)] ?? cards.boardNotice(notice);
        },
      },
    ],
  };
}

/** The board message a click came from (0-based), as the board's buttons carry it; the first when absent or odd. */
function boardPartOf(value: unknown): number {
  const part = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : value;
  return typeof part === 'number' && Number.isInteger(part) && part >= 0 && part < 1000 ? part : 0;
}
