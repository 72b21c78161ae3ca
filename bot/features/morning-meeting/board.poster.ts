import type { ConversationReference } from 'botbuilder';
import type { Clock } from '../../../rules/shared/clock';
import type {
  BoardPoster,
  MorningMeeting,
  PostedBoardRepository,
} from '../../../rules/morning-meeting/morning-meeting.repository';
import type { Logger } from '../../logging/logger';
import { cardMessage } from '../../teams/card-activities';
import { BOARD_ENDED_TEXT, morningBoardNotice } from '../../../cards/morning-meeting/morning-meeting.cards';
import type { BoardCards } from '../openings/board-cards';
import type { ProactiveSender } from '../../teams/proactive.sender';

export interface BoardPosterDeps {
  sender: ProactiveSender;
  boardCards: BoardCards;
  posted: PostedBoardRepository;
  dateOf: (instant: Date) => string;
  clock: Clock;
  logger: Logger;
}

/** Posts the board to a team's morning channel and remembers the messages, so they can be updated. */
export function createBoardPoster(deps: BoardPosterDeps): BoardPoster {
  return {
    async post(meeting: MorningMeeting, { late }) {
      const notice = morningBoardNotice(late);
      // New since the previous post; the first post of a team shows every open opening as new.
      const previous = await deps.posted.latest(meeting.teamId);
      const newSince = previous?.postedAt === undefined ? undefined : new Date(previous.postedAt);
      const cards = await deps.boardCards(meeting.teamId, notice, { at: newSince });
      const reference = meeting.reference as Partial<ConversationReference>;
      const { outcome, activityIds } = await deps.sender.send(reference, cards.map(cardMessage));
      if (outcome === 'gone') {
        deps.logger.warn({ teamId: meeting.teamId }, 'morning channel no longer reachable');
        return 'gone';
      }
      const now = deps.clock.now();
      await deps.posted.save({
        teamId: meeting.teamId,
        date: deps.dateOf(now),
        postedAt: now.toISOString(),
        ...(newSince === undefined ? {} : { newSince: newSince.toISOString() }),
        reference: meeting.reference,
        activityIds,
      });
      return 'posted';
    },
  };
}

/**
 * Brings today's posted board up to date (after `Besat +1` or a new registration), so everyone in
 * the channel sees the same numbers, not only the person who clicked. Messages are updated in
 * place; if the board now needs more messages than were posted, the rest waits for tomorrow's post.
 */
export function createBoardRefresher(deps: BoardPosterDeps): (teamId: string) => Promise<void> {
  return async (teamId) => {
    const posted = await deps.posted.latest(teamId);
    if (posted === undefined || posted.date !== deps.dateOf(deps.clock.now())) return;
    // The same "new since" as the posted board, so an update does not empty its list.
    const cards = await deps.boardCards(teamId, undefined, {
      at: posted.newSince === undefined ? undefined : new Date(posted.newSince),
    });
    const reference = posted.reference as Partial<ConversationReference>;
    for (const [index, id] of posted.activityIds.entries()) {
      const card = cards[index];
      const activity = card === undefined ? { type: 'message', text: BOARD_ENDED_TEXT } : cardMessage(card);
      await deps.sender.update(reference, { ...activity, id });
    }
  };
}
