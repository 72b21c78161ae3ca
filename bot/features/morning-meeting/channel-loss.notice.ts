import type { TurnContext } from 'botbuilder';
import type { MorningMeetingCards } from '../../../cards/morning-meeting/morning-meeting.cards';
import type { AdaptiveCardJson } from '../../../cards/rendering/card.renderer';
import type { ChannelLossNotices } from '../../../rules/morning-meeting/channel-loss.notices';
import { actorOf } from '../../teams/turn-actor';

/** Tells a leader, once, that the bot can no longer post the morning board to the team's channel. */
export function channelLossNotice(
  losses: Pick<ChannelLossNotices, 'takeFor'>,
  cards: MorningMeetingCards,
): (context: TurnContext) => Promise<AdaptiveCardJson | undefined> {
  return async (context) => {
    const { teamId, userId } = actorOf(context);
    const loss = await losses.takeFor(teamId, userId);
    return loss === undefined ? undefined : cards.channelLost(loss.postTime);
  };
}
