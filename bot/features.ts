import { randomUUID } from 'node:crypto';
import type { CardRenderer } from '../cards/rendering/card.renderer';
import { FollowUpService } from '../rules/follow-ups/follow-up.service';
import { GoalsService } from '../rules/goals/goals.service';
import type { IndicatorCatalog } from '../rules/goals/indicator';
import { FollowUpReminderJob } from '../rules/follow-ups/follow-up-reminder.job';
import { GoalRhythmJob } from '../rules/goals/goal-rhythm.job';
import type { Clock } from '../rules/shared/clock';
import { screeningRulesFrom } from '../rules/screening/default-screening-rules';
import { ScreeningService } from '../rules/screening/screening.service';
import { TeamSettingsService } from '../rules/teams/team-settings.service';
import { ScreeningEvaluator } from '../rules/screening/engine/screening.evaluator';
import type { ScreeningRuleset, TeamScreeningSettings } from '../rules/screening/screening.types';
import { defaultTeamScreeningSettings } from '../rules/screening/team-screening-settings';
import { OpeningsService } from '../rules/openings/openings.service';
import { calendarDate } from '../rules/shared/copenhagen-calendar';
import { isWorkingDay } from '../rules/shared/danish-holidays';
import { MorningPostJob } from '../rules/morning-meeting/morning-post.job';
import { ChannelLossNotices } from '../rules/morning-meeting/channel-loss.notices';
import type { Logger } from './logging/logger';
import type { MinuteJob } from './scheduling/minute.scheduler';
import { CosmosAuditTrail } from './storage/cosmos-audit.trail';
import { CosmosFollowUpRepository } from './storage/cosmos-follow-up.repository';
import { CosmosGoalPlanRepository } from './storage/cosmos-goal-plan.repository';
import { CosmosWeeklyLogRepository } from './storage/cosmos-weekly-log.repository';
import { CosmosInstallationRepository } from './storage/cosmos-installation.repository';
import { CosmosJobRunRepository } from './storage/cosmos-job-run.repository';
import {
  CosmosChannelLossRepository,
  CosmosMorningMeetingRepository,
  CosmosPostedBoardRepository,
} from './storage/cosmos-morning-meeting.repository';
import { createBoardPoster, createBoardRefresher } from './teams/board.poster';
import { morningMeetingHandlers } from './teams/morning-meeting.handlers';
import type { ProactiveSender } from './teams/proactive.sender';
import { CosmosOpeningRepository } from './storage/cosmos-opening.repository';
import { createBoardCards, openingsHandlers } from './teams/openings.handlers';
import { CosmosScreeningRepository } from './storage/cosmos-screening.repository';
import { CosmosTeamRosterRepository } from './storage/cosmos-team-roster.repository';
import { CosmosTeamSettingsRepository } from './storage/cosmos-team-settings.repository';
import type { CosmosStore } from './storage/cosmos.store';
import { capacityHandlers } from './teams/capacity.handlers';
import type { CardActionTable } from './teams/card-action.router';
import { channelLossNotice } from './teams/channel-loss.notice';
import { followUpHandlers } from './teams/follow-ups.handlers';
import { createFollowUpNotifier, createGoalNotifier } from './teams/goal.notifier';
import { GoalCards } from '../cards/goals/goal.cards';
import { READ_ONLY_GOAL_VERBS, goalsHandlers } from './teams/goals.handlers';
import { createPersonalChatSend } from './teams/personal-chat.sender';
import type { CommandHandler, JobcenterBotDeps } from './teams/jobcenter.bot';
import { ScreeningCards } from '../cards/screening/screening.cards';
import { screeningHandlers } from './teams/screening.handlers';
import { settingsHandlers } from './teams/settings.handlers';
import type { CommandId } from '../rules/commands/command.catalog';

export interface FeatureDeps {
  store: Pick<CosmosStore, 'containers'>;
  ruleset: ScreeningRuleset;
  /** The weekly goals' indicators (rules/data/indicators.json). */
  indicators: IndicatorCatalog;
  renderer: CardRenderer;
  clock: Clock;
  /** Sends the scheduled posts. */
  sender: ProactiveSender;
  logger: Logger;
  /** This instance's name in job leases. */
  instanceId: string;
}

export interface Features {
  commands: Partial<Record<CommandId, CommandHandler>>;
  actions: CardActionTable;
  /** Verbs whose use cases refuse repeats themselves (see DedupeMiddleware). */
  selfGuardedVerbs: ReadonlySet<string>;
  /** Jobs the minute scheduler runs. */
  minuteJobs: MinuteJob[];
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
 * Wires the features (screening, settings, openings, morning meeting, ressourceberegner, weekly goals,
 * follow-ups): part of the composition root.
 */
export function createFeatures({
  store,
  ruleset,
  indicators,
  renderer,
  clock,
  sender,
  logger,
  instanceId,
}: FeatureDeps): Features {
  const audit = new CosmosAuditTrail(store.containers.auditEvents);
  const screenings = new CosmosScreeningRepository(store.containers.screenings);
  const roster = new CosmosTeamRosterRepository(store.containers.teamRosters);
  const jobRuns = new CosmosJobRunRepository(store.containers.jobRuns);
  const installations = new CosmosInstallationRepository(store.containers.installations);
  const openingRepository = new CosmosOpeningRepository(store.containers.openings);
  const followUpRepository = new CosmosFollowUpRepository(store.containers.followUps);
  const settings = new TeamSettingsService(
    new CosmosTeamSettingsRepository<TeamScreeningSettings>(store.containers.teamSettings),
    roster,
    defaultTeamScreeningSettings(ruleset),
    audit,
    clock,
    new Set(ruleset.sectors.map((sector) => sector.id)),
  );
  const followUps = new FollowUpService(followUpRepository, screenings, settings, clock);
  const screening = new ScreeningService(
    screeningRulesFrom(ruleset, new ScreeningEvaluator(ruleset)),
    screenings,
    settings,
    audit,
    clock,
    randomUUID,
    {
      // The decision is stored already: a failure here must not turn it into an error for the
      // caseworker. The daily catch-up (retention job) schedules what is missing.
      decided: (decided) =>
        followUps.scheduleFor(decided).then(
          () => undefined,
          (error: unknown) => logger.warn({ errorType: (error as Error).name }, 'scheduling follow-ups failed'),
        ),
      // Erasure must take the follow-ups (they hold the case reference): a failure stops the erasure.
      erasing: async (teamId, screeningId) => {
        await followUps.forgetScreening(teamId, screeningId);
      },
    },
  );
  const sectorOptions = ruleset.sectors.map((sector) => ({ title: sector.label, value: sector.id }));
  const screeningFeature = screeningHandlers(screening, new ScreeningCards(renderer, sectorOptions), renderer);
  const settingsFeature = settingsHandlers(settings, renderer, ruleset.sectors);
  const openings = new OpeningsService(openingRepository, ruleset.sectors, clock, randomUUID);
  const postedBoards = new CosmosPostedBoardRepository(store.containers.morningMeetings);
  const boardCards = createBoardCards(openings, renderer, ruleset.sectors, clock, postedBoards);
  const meetings = new CosmosMorningMeetingRepository(store.containers.morningMeetings);
  const boardDeps = {
    sender,
    boardCards,
    posted: postedBoards,
    dateOf: calendarDate,
    clock,
    logger,
  };
  const refreshBoard = createBoardRefresher(boardDeps);
  const openingsFeature = openingsHandlers({
    service: openings,
    renderer,
    sectors: ruleset.sectors,
    boardCards,
    installations,
    sender,
    // A failed refresh must not fail the click that caused it: the next post shows the numbers anyway.
    onBoardChanged: (teamId) =>
      refreshBoard(teamId).catch((error: unknown) =>
        logger.warn({ errorType: (error as Error).name }, 'board refresh failed'),
      ),
    isLeader: (teamId, userId) => settings.isLeader(teamId, userId),
  });
  const channelLosses = new ChannelLossNotices(
    meetings,
    new CosmosChannelLossRepository(store.containers.morningMeetings),
    (teamId, userId) => settings.isLeader(teamId, userId),
  );
  const morningFeature = morningMeetingHandlers({ meetings, settings, renderer, clock, boardCards, channelLosses });
  const capacityFeature = capacityHandlers(renderer);
  const morningPost = new MorningPostJob(
    meetings,
    jobRuns,
    createBoardPoster(boardDeps),
    { dateOf: calendarDate, isWorkingDay },
    { holder: instanceId, leaseMs: 5 * 60_000 },
    channelLosses,
  );
  const goals = new GoalsService(
    new CosmosGoalPlanRepository(store.containers.goalPlans),
    new CosmosWeeklyLogRepository(store.containers.weeklyLogs),
    openingRepository,
    screenings,
    followUpRepository,
    settings,
    indicators,
    clock,
  );
  const goalCards = new GoalCards(renderer, {
    archetypeNames: new Map(ruleset.archetypes.map((archetype) => [archetype.id, archetype.name])),
  });
  const goalsFeature = goalsHandlers({
    service: goals,
    leaders: settings,
    cards: goalCards,
    catalog: indicators,
    clock,
  });
  const followUpFeature = followUpHandlers({ service: followUps, cards: goalCards, renderer });
  const sendPersonal = createPersonalChatSend({ installations, sender, logger });
  const leaseMs = 10 * 60_000;
  const goalRhythm = new GoalRhythmJob(
    goals,
    roster,
    jobRuns,
    createGoalNotifier({ goals, cards: goalCards, send: sendPersonal }),
    { holder: instanceId, leaseMs },
  );
  const followUpReminders = new FollowUpReminderJob(
    followUpRepository,
    jobRuns,
    createFollowUpNotifier({ cards: goalCards, send: sendPersonal }),
    { dateOf: calendarDate, isWorkingDay },
    { holder: instanceId, leaseMs },
  );
  return {
    commands: {
      ...screeningFeature.commands,
      ...settingsFeature.commands,
      ...openingsFeature.commands,
      ...morningFeature,
      ...capacityFeature.commands,
      ...goalsFeature.commands,
      ...followUpFeature.commands,
    },
    // Every instance runs these each minute; a job that sends something claims it through a job-run
    // lease first (see MorningPostJob, GoalRhythmJob); test/bot/scale-out.process.test.ts shows the morning
    // post and the Monday summary sent once across two processes, and taken over after a kill.
    minuteJobs: [
      { name: 'morning-post', run: (now) => morningPost.run(now) },
      { name: 'channel-loss-refresh', run: () => channelLosses.refresh() },
      { name: 'goal-rhythm', run: (now) => goalRhythm.run(now) },
      { name: 'follow-up-reminders', run: (now) => followUpReminders.run(now) },
    ],
    turnNotice: channelLossNotice(channelLosses, renderer),
    actions: {
      ...screeningFeature.actions,
      ...settingsFeature.actions,
      ...openingsFeature.actions,
      ...capacityFeature.actions,
      ...goalsFeature.actions,
      ...followUpFeature.actions,
    },
    // Section submits check the step and the etag, decisions the status, settings the version: a
    // repeated delivery changes nothing. Starting a screening creates one, so it keeps the stored claim.
    // Help and the calculator store nothing: a repeat only answers again.
    selfGuardedVerbs: new Set([
      'help.show',
      'capacity.calculate',
      'screening.new',
      'screening.resume',
      'screening.section',
      'screening.accept',
      'screening.override',
      'settings.save',
      // Opening a goals card stores nothing (the first leader's claim is itself conditional).
      ...READ_ONLY_GOAL_VERBS,
    ]),
    retention: {
      service: screening,
      teams: () => screenings.listTeamsWithAnswers(),
      catchUpFollowUps: (teamId, days) => {
        const to = clock.now();
        const from = new Date(to.getTime() - days * DAY_MS);
        return followUps.scheduleDecidedBetween(teamId, from.toISOString(), to.toISOString());
      },
    },
  };
}
