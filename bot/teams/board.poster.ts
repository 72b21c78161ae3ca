import type { ConversationReference } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/card.renderer';
import type { BoardPoster, MorningMeeting } from '../../rules/ports/morning-meeting.repository';
import type { Logger } from '../logging/logger';
import { cardMessage } from './card-replies';
import type { Notice } from './openings.handlers';
import type { ProactiveSender } from './proactive.sender';

/** Posts the board to a team's morning channel through the paced proactive sender. */
export function createBoardPoster(deps: {
  sender: ProactiveSender;
  boardCards: (teamId: string, notice?: Notice) => Promise<AdaptiveCardJson[]>;
  logger: Logger;
}): BoardPoster {
  return {
    async post(meeting: MorningMeeting, { late }) {
      const notice: Notice = late
        ? { text: 'Tavlen kommer sent i dag: botten kørte ikke på det faste tidspunkt.', style: 'warning' }
        : { text: '', style: 'default' };
      const cards = await deps.boardCards(meeting.teamId, notice);
      const outcome = await deps.sender.send(
        meeting.reference as Partial<ConversationReference>,
        cards.map(cardMessage),
      );
      if (outcome === 'gone') deps.logger.warn({ teamId: meeting.teamId }, 'morning channel no longer reachable');
    },
  };
}
