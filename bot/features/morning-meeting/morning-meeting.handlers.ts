import { TurnContext } from 'botbuilder';
import type { MorningMeetingCards } from '../../../cards/morning-meeting/morning-meeting.cards';
import type { AdaptiveCardJson } from '../../../cards/rendering/card.renderer';
import type { Clock } from '../../../rules/shared/clock';
import type { MorningMeetingRepository } from '../../../rules/morning-meeting/morning-meeting.repository';
import { parsePostTime } from '../../../rules/morning-meeting/morning-post.policy';
import { nextClosedDays, parseClosedDays } from '../../../rules/morning-meeting/closed-days';
import { calendarDate } from '../../../rules/shared/copenhagen-calendar';
import type { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import type { ChannelLossNotices } from '../../../rules/morning-meeting/channel-loss.notices';
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

/** `morgenmøde her [kl. 8.15]` (a leader, in the team channel), `morgenmøde nu`, and `morgenmøde lukket|åben <dage>`. */
export function morningMeetingHandlers(deps: {
  meetings: MorningMeetingRepository;
  settings: TeamSettingsService;
  cards: MorningMeetingCards;
  clock: Clock;
  boardCards: BoardCards;
  channelLosses: Pick<ChannelLossNotices, 'resolved'>;
}): { morgenmoede: CommandHandler } {
  const { cards } = deps;
  const setUp = async (context: TurnContext, timeText: string): Promise<AdaptiveCardJson> => {
    const { teamId, userId } = actorOf(context);
    if (context.activity.conversation.conversationType !== 'channel') return cards.notInChannel();
    if (!(await deps.settings.isLeader(teamId, userId))) return cards.notLeader();
    const parsed = timeText === '' ? { ok: true as const, time: DEFAULT_POST_TIME } : parsePostTime(timeText);
    if (!parsed.ok) return cards.postTimeProblem(parsed.message);
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
    return cards.setUp(parsed.time);
  };
  /** `morgenmøde lukket …` / `morgenmøde åben …`: a leader closes or opens days (no board those days). */
  const changeClosedDays = async (context: TurnContext, text: string, close: boolean): Promise<AdaptiveCardJson> => {
    const { teamId, userId } = actorOf(context);
    if (!(await deps.settings.isLeader(teamId, userId))) return cards.notLeader();
    const meeting = await deps.meetings.get(teamId);
    if (meeting === undefined) return cards.noMeeting();
    const today = calendarDate(deps.clock.now());
    const parsed = parseClosedDays(text, today);
    if (!parsed.ok) return cards.closedDaysProblem(parsed.message);
    const closedDays = nextClosedDays(
      meeting.closedDays,
      today,
      close ? { add: parsed.dates } : { remove: parsed.dates },
    );
    await deps.meetings.save({ ...meeting, closedDays });
    return cards.closedDaysSaved(closedDays);
  };
  return {
    morgenmoede: async (context, args) => {
      const [word = '', ...rest] = args.split(' ');
      const lower = word.toLocaleLowerCase('da-DK');
      if (lower === 'her') return setUp(context, rest.join(' '));
      if (lower === 'nu') return deps.boardCards(actorOf(context).teamId);
      if (lower === 'lukket') return changeClosedDays(context, rest.join(' '), true);
      if (lower === 'åben' || lower === 'aaben' || lower === 'aben')
        return changeClosedDays(context, rest.join(' '), false);
      const meeting = await deps.meetings.get(actorOf(context).teamId);
      const today = calendarDate(deps.clock.now());
      return cards.usage(nextClosedDays(meeting?.closedDays ?? [], today, {}));
    },
  };
}
