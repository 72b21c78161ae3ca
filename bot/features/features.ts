import { CapacityCards } from '../../cards/capacity/capacity.cards';
import type { ScreeningService } from '../../rules/screening/screening.service';
import type { TeamOwnerSource, TeamRosterSource } from '../../rules/teams/team-directory.repository';
import { DEFAULT_MEMBERSHIP_OPTIONS, TeamMembershipService } from '../../rules/teams/team-membership.service';
import type { CommandId } from '../../rules/commands/command.catalog';
import type { MinuteJob } from '../scheduling/minute.scheduler';
import type { HttpRoute } from '../server/http.server';
import type { Repositories } from '../storage/repositories';
import type { CardAction } from '../teams/card-action.router';
import type { CommandHandler, JobcenterBotDeps } from '../teams/jobcenter.bot';
import { createPersonalChatSend } from '../teams/personal-chat.sender';
import { capacityHandlers } from './capacity/capacity.handlers';
import type { AreaDeps, Feature } from './feature';
import { followUpsArea } from './follow-ups/follow-ups.feature';
import { goalsArea } from './goals/goals.feature';
import { morningMeetingArea } from './morning-meeting/morning-meeting.feature';
import { openingsArea, openingsBoard } from './openings/openings.feature';
import { screeningArea } from './screening/screening.feature';
import { teamsArea } from './teams/teams.feature';

export type FeatureDeps = Omit<AreaDeps, 'repositories' | 'membership'> & {
  repositories: Repositories;
  /** Where a team's members come from (the Bot Connector). */
  rosterSource: TeamRosterSource;
  /** Where a team's owners come from (Microsoft Graph; locally configured or the installer). */
  ownerSource: TeamOwnerSource;
};

export interface Features {
  /** The teams, their members and leaders: the bot resolves each turn's team with it. */
  membership: TeamMembershipService;
  commands: Partial<Record<CommandId, CommandHandler>>;
  actions: CardAction[];
  /** Jobs the minute scheduler runs. */
  minuteJobs: MinuteJob[];
  /** GET routes the HTTP server adds (the weekly report's file). */
  httpRoutes: HttpRoute[];
  /** Told before a message's answer, once (a lost morning channel, to a leader). */
  turnNotice: JobcenterBotDeps['turnNotice'];
  /** The use case the daily retention job runs, how it finds the teams, and the follow-ups' catch-up. */
  retention: {
    service: ScreeningService;
    teams: () => Promise<string[]>;
    /** Schedules the missing follow-ups of the team's screenings decided in the last `days` days. */
    catchUpFollowUps: (teamId: string, days: number) => Promise<number>;
  };
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Wires the areas (part of the composition root). Each area builds its use cases and handlers in its
 * own folder; what one area needs of another is passed in here, in this order.
 */
export function createFeatures({ repositories, rosterSource, ownerSource, ...rest }: FeatureDeps): Features {
  const membership = new TeamMembershipService(
    repositories.teamDirectory,
    rosterSource,
    ownerSource,
    repositories.audit,
    rest.clock,
    DEFAULT_MEMBERSHIP_OPTIONS,
    repositories.legacyTeamData,
  );
  const deps: AreaDeps = { ...rest, repositories, membership };
  const { sender, logger, clock } = deps;
  const sendPersonal = createPersonalChatSend({
    installations: repositories.installations,
    sender,
    logger,
    tenantOf: async (teamId) => (await repositories.teamDirectory.getTeam(teamId))?.value.tenantId,
  });

  const teams = teamsArea(deps);
  const followUps = followUpsArea(deps, teams.settings, sendPersonal);
  const screening = screeningArea(deps, teams.settings, followUps.service);
  const board = openingsBoard(deps);
  const morningMeeting = morningMeetingArea(deps, teams.settings, board.boardCards);
  const openings = openingsArea(deps, teams.settings, board, morningMeeting.refreshBoard, sendPersonal);
  const goals = goalsArea(deps, teams.settings, sendPersonal);
  const capacity: Feature = capacityHandlers(new CapacityCards(deps.renderer));

  const areas: Feature[] = [
    screening.feature,
    teams.feature,
    openings.feature,
    morningMeeting.feature,
    capacity,
    goals.feature,
    followUps.feature,
  ];
  return {
    membership,
    commands: Object.assign({}, ...areas.map((area) => area.commands)) as Features['commands'],
    actions: areas.flatMap((area) => area.actions ?? []),
    // Every instance runs these each minute; a job that sends something claims it through a job-run
    // lease first (see MorningPostJob, GoalRhythmJob); test/bot/scale-out.process.test.ts shows the morning
    // post and the Monday summary sent once across two processes, and taken over after a kill.
    minuteJobs: areas.flatMap((area) => area.minuteJobs ?? []),
    httpRoutes: areas.flatMap((area) => area.httpRoutes ?? []),
    turnNotice: morningMeeting.turnNotice,
    retention: {
      service: screening.service,
      teams: () => repositories.screenings.listTeamsToRetain(),
      catchUpFollowUps: (teamId, days) => {
        const to = clock.now();
        const from = new Date(to.getTime() - days * DAY_MS);
        return followUps.service.scheduleDecidedBetween(teamId, from.toISOString(), to.toISOString());
      },
    },
  };
}
