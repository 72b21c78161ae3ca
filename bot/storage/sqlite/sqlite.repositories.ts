import type { TeamScreeningSettings } from '../../../rules/screening/screening.types';
import type { Repositories } from '../repositories';
import { SqliteAuditTrail } from './sqlite-audit.trail';
import type { SqliteDocumentStore } from './sqlite-document.store';
import { SqliteFollowUpRepository } from './sqlite-follow-up.repository';
import { SqliteGoalPlanRepository } from './sqlite-goal-plan.repository';
import { SqliteInstallationRepository } from './sqlite-installation.repository';
import { SqliteJobRunRepository } from './sqlite-job-run.repository';
import { SqliteLegacyTeamData } from './sqlite-legacy-team-data';
import {
  SqliteChannelLossRepository,
  SqliteMorningMeetingRepository,
  SqlitePostedBoardRepository,
} from './sqlite-morning-meeting.repository';
import { SqliteOpeningRepository } from './sqlite-opening.repository';
import { SqliteProcessedActivityRepository } from './sqlite-processed-activity.repository';
import { SqliteScreeningRepository } from './sqlite-screening.repository';
import { SqliteTeamDirectoryRepository } from './sqlite-team-directory.repository';
import { SqliteTeamSettingsRepository } from './sqlite-team-settings.repository';
import { SqliteTeamIndicatorRepository } from './sqlite-team-indicator.repository';
import { SqliteWeeklyLogRepository } from './sqlite-weekly-log.repository';

/** Every repository the features use, on one SQLite file. */
export function sqliteRepositories(store: SqliteDocumentStore): Repositories {
  return {
    audit: new SqliteAuditTrail(store),
    screenings: new SqliteScreeningRepository(store),
    teamDirectory: new SqliteTeamDirectoryRepository(store),
    teamSettings: new SqliteTeamSettingsRepository<TeamScreeningSettings>(store),
    jobRuns: new SqliteJobRunRepository(store),
    installations: new SqliteInstallationRepository(store),
    processedActivities: new SqliteProcessedActivityRepository(store),
    openings: new SqliteOpeningRepository(store),
    followUps: new SqliteFollowUpRepository(store),
    meetings: new SqliteMorningMeetingRepository(store),
    postedBoards: new SqlitePostedBoardRepository(store),
    channelLosses: new SqliteChannelLossRepository(store),
    goalPlans: new SqliteGoalPlanRepository(store),
    weeklyLogs: new SqliteWeeklyLogRepository(store),
    teamIndicators: new SqliteTeamIndicatorRepository(store),
    legacyTeamData: new SqliteLegacyTeamData(store),
    transactor: { atomically: (work) => store.atomically(work) },
  };
}
