import { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson, CardRenderer } from '../../../cards/rendering/card.renderer';
import type { Clock } from '../../../rules/shared/clock';
import type { MorningMeetingRepository } from '../../../rules/morning-meeting/morning-meeting.repository';
import { parsePostTime } from '../../../rules/morning-meeting/morning-post.policy';
import type { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import type { ChannelLossNotices } from '../../../rules/morning-meeting/channel-loss.notices';
import { noticeCard } from '../../../cards/shared/notice.cards';
import type { CommandHandler } from '../../teams/jobcenter.bot';
import type { BoardCards } from '../openings/board-cards';
import { actorOf } from '../../teams/turn-actor';

const DEFAULT_POST_TIME = '08:30';

/**
 * The channel itself, not the message or thread the leader wrote in: without the message id and the
 * thread suffix, the morning board is a new post in the channel rather than a reply in that thread.
 */
function channelRootReference(context: TurnContext): Readonly<Record<string, unknown>> {
  const reference = TurnContext.getConversationReference(context.activity);
  const channel = context.activity.conversation;
  const conversation = { ...channel, id: channel.id.split(';')[0] ?? channel.id };
  return {
    bot: reference.bot,
    conversation,
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    locale: reference.locale,
  };
}

function spokenTime(time: string): string {
  const [hours = '', minutes = ''] = time.split(':');
  return `kl. ${Number(hours)}.${minutes}`;
}

/** `morgenmøde her [kl. 8.15]` (a leader, in the team channel) and `morgenmøde nu`. */
export function morningMeetingHandlers(deps: {
  meetings: MorningMeetingRepository;
  settings: TeamSettingsService;
  renderer: CardRenderer;
  clock: Clock;
  boardCards: BoardCards;
  channelLosses: Pick<ChannelLossNotices, 'resolved'>;
}): { morgenmoede: CommandHandler } {
  const { renderer } = deps;
  const setUp = async (context: TurnContext, timeText: string): Promise<AdaptiveCardJson> => {
    const { teamId, userId } = actorOf(context);
    if (context.activity.conversation.conversationType !== 'channel') {
      return noticeCard(
        renderer,
        'warning',
        'Skriv det i teamets kanal',
        'Skriv **@botten morgenmøde her** i den kanal, hvor tavlen skal komme hver morgen.',
      );
    }
    if ((await deps.settings.leadership(teamId, userId)) === 'not-leader')
      return noticeCard(renderer, 'error', 'Kun for ledere', 'Kun teamets ledere kan vælge kanalen til morgenmødet.');
    const parsed = timeText === '' ? { ok: true as const, time: DEFAULT_POST_TIME } : parsePostTime(timeText);
    if (!parsed.ok)
      return noticeCard(renderer, 'error', 'Tidspunkt', `${parsed.message} Skriv fx: morgenmøde her kl. 8.15`);
    const existing = await deps.meetings.get(teamId);
    await deps.meetings.save({
      teamId,
      reference: channelRootReference(context),
      postTime: parsed.time,
      closedDays: existing?.closedDays ?? [],
      setBy: userId,
      setAt: deps.clock.now().toISOString(),
    });
    await deps.channelLosses.resolved(teamId);
    return noticeCard(
      renderer,
      'info',
      'Morgenmødet er sat op her',
      `Tavlen med åbne stillinger kommer i denne kanal hver arbejdsdag ${spokenTime(parsed.time)} (ikke i weekender og på helligdage). Nævn mig med @ og skriv **morgenmøde nu** for at se den med det samme.`,
    );
  };
  return {
    morgenmoede: async (context, args) => {
      const [word = '', ...rest] = args.split(' ');
      const lower = word.toLocaleLowerCase('da-DK');
      if (lower === 'her') return setUp(context, rest.join(' '));
      if (lower === 'nu') return deps.boardCards(actorOf(context).teamId);
      return noticeCard(
        renderer,
        'info',
        'Morgenmøde',
        'Nævn mig med @ i teamets kanal og skriv **morgenmøde her** (evt. med et tidspunkt, fx kl. 8.15), eller **morgenmøde nu** for tavlen med det samme.',
      );
    },
  };
}
