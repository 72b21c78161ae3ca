import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson, CardRenderer } from '../../../cards/rendering/card.renderer';
import type { ChannelLossNotices } from '../../../rules/morning-meeting/channel-loss.notices';
import { noticeCard } from '../../../cards/shared/notice.cards';
import { actorOf } from '../../teams/turn-actor';

/** Tells a leader, once, that the bot can no longer post the morning board to the team's channel. */
export function channelLossNotice(
  losses: Pick<ChannelLossNotices, 'takeFor'>,
  renderer: CardRenderer,
): (context: TurnContext) => Promise<AdaptiveCardJson | undefined> {
  return async (context) => {
    const { teamId, userId } = actorOf(context);
    const loss = await losses.takeFor(teamId, userId);
    if (loss === undefined) return undefined;
    const [hours = '', minutes = ''] = loss.postTime.split(':');
    return noticeCard(
      renderer,
      'warning',
      'Tavlen kan ikke længere postes i kanalen',
      `Botten kunne ikke skrive i teamets kanal til morgenmødet (kl. ${Number(hours)}.${minutes}) – den er nok fjernet fra teamet, eller kanalen er slettet. ` +
        'Tavlen postes ikke, før en leder skriver **@botten morgenmøde her** i den kanal, hvor tavlen skal komme.',
    );
  };
}
