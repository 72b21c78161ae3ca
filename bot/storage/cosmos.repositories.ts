import type { TeamScreeningSettings } from '../../rules/screening/screening.types';
import { CosmosAuditTrail } from './cosmos-audit.trail';
import { CosmosFollowUpRepository } from './cosmos-follow-up.repository';
import { CosmosGoalPlanRepository } from './cosmos-goal-plan.repository';
import { CosmosInstallationRepository } from './cosmos-installation.repository';
import { CosmosJobRunRepository } from './cosmos-job-run.repository';
import {
  CosmosChannelLossRepository,
  CosmosMorningMeetingRepository,
  CosmosPostedBoardRepository,
} from './cosmos-morning-meeting.repository';
import { CosmosOpeningRepository } from './cosmos-opening.repository';
import { CosmosScreeningRepository } from './cosmos-screening.repository';
import { CosmosTeamDirectoryRepository } from './cosmos-team-directory.repository';
import { CosmosTeamSettingsRepository } from './cosmos-team-settings.repository';
import { CosmosTeamIndicatorRepository } from './cosmos-team-indicator.repository';
import { CosmosWeeklyLogRepository } from './cosmos-weekly-log.repository';
import type { CosmosStore } from './cosmos.store';
import { CosmosLegacyTeamData } from './cosmos-legacy-team-data';
import { CosmosProcessedActivityRepository } from './cosmos-processed-activity.repository';
import type { Repositories } from './repositories';
import { ONE_AFTER_THE_OTHER } from '../../rules/shared/transactor';

/** Every repository the features use, on one store's containers. */
export function cosmosRepositories(store: Pick<CosmosStore, 'containers'>): Repositories {
  const { containers } = store;
  return {
    audit: new CosmosAuditTrail(containers.auditEvents),
    screenings: new CosmosScreeningRepository(containers.screenings),
    teamDirectory: new CosmosTeamDirectoryRepository(containers.teamRosters, containers.installations),
    teamSettings: new CosmosTeamSettingsRepository<TeamScreeningSettings>(containers.teamSettings),
    jobRuns: new CosmosJobRunRepository(containers.jobRuns),
    installations: new CosmosInstallationRepository(containers.installations),
    processedActivities: new CosmosProcessedActivityRepository(containers.processedActivities),
    openings: new CosmosOpeningRepository(containers.openings),
    followUps: new CosmosFollowUpRepository(containers.followUps),
    meetings: new CosmosMorningMeetingRepository(containers.morningMeetings),
    postedBoards: new CosmosPostedBoardRepository(containers.morningMeetings),
    channelLosses: new CosmosChannelLossRepository(containers.morningMeetings),
    goalPlans: new CosmosGoalPlanRepository(containers.goalPlans),
    weeklyLogs: new CosmosWeeklyLogRepository(containers.weeklyLogs),
    teamIndicators: new CosmosTeamIndicatorRepository(containers.goalPlans),
    legacyTeamData: new CosmosLegacyTeamData(containers),
    // A transaction cannot span Cosmos containers: the use cases order their writes instead.
    transactor: ONE_AFTER_THE_OTHER,
  };
}
