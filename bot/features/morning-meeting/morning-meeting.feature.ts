import { MorningMeetingCards } from '../../../cards/morning-meeting/morning-meeting.cards';
import type { AdaptiveCardJson } from '../../../cards/rendering/card.renderer';
import { ChannelLossNotices } from '../../../rules/morning-meeting/channel-loss.notices';
import { MorningPostJob } from '../../../rules/morning-meeting/morning-post.job';
import { calendarDate } from '../../../rules/shared/copenhagen-calendar';
import { isWorkingDay } from '../../../rules/shared/danish-holidays';
import type { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import type { TurnContext } from 'botbuilder';
import type { AreaDeps, Feature } from '../feature';
import type { BoardCards } from '../openings/board-cards';
import { createBoardPoster, createBoardRefresher } from './board.poster';
import { channelLossNotice } from './channel-loss.notice';
import { morningMeetingHandlers } from './morning-meeting.handlers';

/** How long the morning post's lease lasts before another instance may post instead. */
const MORNING_POST_LEASE_MS = 5 * 60_000;

/** The morning meeting: the board posted to the team's channel every working morning (`morgenmøde`). */
export function morningMeetingArea(
  { repositories, renderer, clock, sender, logger, instanceId }: AreaDeps,
  settings: TeamSettingsService,
  boardCards: BoardCards,
): {
  feature: Feature;
  /** Updates today's posted board in place after a change on it. */
  refreshBoard: (teamId: string) => Promise<void>;
  /** Told before a message's answer, once (a lost morning channel, to a leader). */
  turnNotice: (context: TurnContext) => Promise<AdaptiveCardJson | undefined>;
} {
  const { meetings, postedBoards, jobRuns } = repositories;
  const boardDeps = { sender, boardCards, posted: postedBoards, dateOf: calendarDate, clock, logger };
  const channelLosses = new ChannelLossNotices(meetings, repositories.channelLosses, (teamId, userId) =>
    settings.isLeader(teamId, userId),
  );
  const cards = new MorningMeetingCards(renderer);
  const morningPost = new MorningPostJob(
    meetings,
    jobRuns,
    createBoardPoster(boardDeps),
    { dateOf: calendarDate, isWorkingDay },
    { holder: instanceId, leaseMs: MORNING_POST_LEASE_MS },
    channelLosses,
  );
  return {
    feature: {
      commands: morningMeetingHandlers({ meetings, settings, cards, clock, boardCards, channelLosses }),
      minuteJobs: [
        { name: 'morning-post', run: (now) => morningPost.run(now) },
        { name: 'channel-loss-refresh', run: () => channelLosses.refresh() },
      ],
    },
    refreshBoard: createBoardRefresher(boardDeps),
    turnNotice: channelLossNotice(channelLosses, cards),
  };
}
