import type { ConversationReference } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/card.renderer';
import type { Clock } from '../../rules/ports/clock';
import type { BoardPoster, MorningMeeting, PostedBoardRepository } from '../../rules/ports/morning-meeting.repository';
import type { Logger } from '../logging/logger';
import { cardMessage } from './card-replies';
import type { Notice } from './openings.handlers';
import type { ProactiveSender } from './proactive.sender';

export interface BoardPosterDeps {
  sender: ProactiveSender;
  boardCards: (teamId: string, notice?: Notice) => Promise<AdaptiveCardJson[]>;
  posted: PostedBoardRepository;
  dateOf: (instant: Date) => string;
  clock: Clock;
  logger: Logger;
}

/** Posts the board to a team's morning channel and remembers the messages, so they can be updated. */
export function createBoardPoster(deps: BoardPosterDeps): BoardPoster {
  return {
    async post(meeting: MorningMeeting, { late }) {
      const notice: Notice = late
        ? { text: 'Tavlen kommer sent i dag: botten kørte ikke på det faste tidspunkt.', style: 'warning' }
        : { text: '', style: 'default' };
      const cards = await deps.boardCards(meeting.teamId, notice);
      const reference = meeting.reference as Partial<ConversationReference>;
      const { outcome, activityIds } = await deps.sender.send(reference, cards.map(cardMessage));
      if (outcome === 'gone') {
        deps.logger.warn({ teamId: meeting.teamId }, 'morning channel no longer reachable');
        return 'gone';
      }
      const date = deps.dateOf(deps.clock.now());
      await deps.posted.save({ teamId: meeting.teamId, date, reference: meeting.reference, activityIds });
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
    const cards = await deps.boardCards(teamId);
    const reference = posted.reference as Partial<ConversationReference>;
    for (const [index, id] of posted.activityIds.entries()) {
      const card = cards[index];
      const activity =
        card === undefined ? { type: 'message', text: 'Tavlen fortsætter ikke længere her.' } : cardMessage(card);
      await deps.sender.update(reference, { ...activity, id });
    }
  };
}
