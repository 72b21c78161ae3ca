import { randomUUID } from 'node:crypto';
import type { CardRenderer } from '../cards/card.renderer';
import type { Clock } from '../rules/ports/clock';
import { screeningRulesFrom } from '../rules/screening-case/default-screening-rules';
import { ScreeningService } from '../rules/screening-case/screening.service';
import { TeamSettingsService } from '../rules/screening-case/team-settings.service';
import { ScreeningEvaluator } from '../rules/screening/screening.evaluator';
import type { ScreeningRuleset, TeamScreeningSettings } from '../rules/screening/screening.types';
import { defaultTeamScreeningSettings } from '../rules/screening/team-screening-settings';
import { OpeningsService } from '../rules/openings-case/openings.service';
import { calendarDate } from '../rules/openings/copenhagen-calendar';
import { isWorkingDay } from '../rules/openings/danish-holidays';
import { MorningPostJob } from '../rules/scheduling/morning-post.job';
import { ChannelLossNotices } from '../rules/scheduling/channel-loss.notices';
import type { Logger } from './logging/logger';
import type { MinuteJob } from './scheduling/minute.scheduler';
import { CosmosAuditTrail } from './storage/cosmos-audit.trail';
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
import type { CommandHandler, JobcenterBotDeps } from './teams/jobcenter.bot';
import { ScreeningCards } from './teams/screening.cards';
import { screeningHandlers } from './teams/screening.handlers';
import { settingsHandlers } from './teams/settings.handlers';
import type { CommandId } from '../rules/commands/command.catalog';

export interface FeatureDeps {
  store: Pick<CosmosStore, 'containers'>;
  ruleset: ScreeningRuleset;
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
  /** The use case the daily retention job runs, and how it finds the teams to run it for. */
  retention: { service: ScreeningService; teams: () => Promise<string[]> };
}

/** Wires the features (screening, settings, openings, morning meeting, ressourceberegner): part of the composition root. */
export function createFeatures({ store, ruleset, renderer, clock, sender, logger, instanceId }: FeatureDeps): Features {
  const audit = new CosmosAuditTrail(store.containers.auditEvents);
  const screenings = new CosmosScreeningRepository(store.containers.screenings);
  const settings = new TeamSettingsService(
    new CosmosTeamSettingsRepository<TeamScreeningSettings>(store.containers.teamSettings),
    new CosmosTeamRosterRepository(store.containers.teamRosters),
    defaultTeamScreeningSettings(ruleset),
    audit,
    clock,
    new Set(ruleset.sectors.map((sector) => sector.id)),
  );
  const screening = new ScreeningService(
    screeningRulesFrom(ruleset, new ScreeningEvaluator(ruleset)),
    screenings,
    settings,
    audit,
    clock,
    randomUUID,
  );
  const sectorOptions = ruleset.sectors.map((sector) => ({ title: sector.label, value: sector.id }));
  const screeningFeature = screeningHandlers(screening, new ScreeningCards(renderer, sectorOptions), renderer);
  const settingsFeature = settingsHandlers(settings, renderer, ruleset.sectors);
  const openings = new OpeningsService(
    new CosmosOpeningRepository(store.containers.openings),
    ruleset.sectors,
    clock,
    randomUUID,
  );
  const boardCards = createBoardCards(openings, renderer, ruleset.sectors, clock);
  const meetings = new CosmosMorningMeetingRepository(store.containers.morningMeetings);
  const boardDeps = {
    sender,
    boardCards,
    posted: new CosmosPostedBoardRepository(store.containers.morningMeetings),
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
    installations: new CosmosInstallationRepository(store.containers.installations),
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
    new CosmosJobRunRepository(store.containers.jobRuns),
    createBoardPoster(boardDeps),
    { dateOf: calendarDate, isWorkingDay },
    { holder: instanceId, leaseMs: 5 * 60_000 },
    channelLosses,
  );
  return {
    commands: {
      ...screeningFeature.commands,
      ...settingsFeature.commands,
      ...openingsFeature.commands,
      ...morningFeature,
      ...capacityFeature.commands,
    },
    // Every instance runs these each minute; a job that sends something claims it through a job-run
    // lease first (see MorningPostJob). The Monday summary (`ugerapport`, not built yet) joins here the
    // same way, keyed per team and week, and test/bot/scale-out.process.test.ts gets its case.
    minuteJobs: [
      { name: 'morning-post', run: (now) => morningPost.run(now) },
      { name: 'channel-loss-refresh', run: () => channelLosses.refresh() },
    ],
    turnNotice: channelLossNotice(channelLosses, renderer),
    actions: {
      ...screeningFeature.actions,
      ...settingsFeature.actions,
      ...openingsFeature.actions,
      ...capacityFeature.actions,
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
    ]),
    retention: { service: screening, teams: () => screenings.listTeamsWithAnswers() },
  };
}
