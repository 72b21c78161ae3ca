import type { AuditTrail } from '../../rules/shared/audit-trail';
import type { FollowUpRepository } from '../../rules/follow-ups/follow-up.repository';
import type { GoalPlanRepository } from '../../rules/goals/goal-plan.repository';
import type { TeamIndicatorRepository } from '../../rules/goals/team-indicator.repository';
import type { WeeklyLogRepository } from '../../rules/goals/weekly-log.repository';
import type {
  ChannelLossRepository,
  MorningMeetingRepository,
  PostedBoardRepository,
} from '../../rules/morning-meeting/morning-meeting.repository';
import type { OpeningRepository } from '../../rules/openings/opening.repository';
import type { ScreeningRepository } from '../../rules/screening/screening.repository';
import type { ScreeningStatisticsRepository } from '../../rules/screening/screening-statistics.repository';
import type { TeamScreeningSettings } from '../../rules/screening/screening.types';
import type { JobRunRepository } from '../../rules/shared/job-run.repository';
import type { ProcessedActivityRepository } from '../../rules/shared/processed-activity.repository';
import type { InstallationRepository } from '../../rules/teams/installation.repository';
import type { LegacyTeamData } from '../../rules/teams/legacy-team-data';
import type { TeamDirectoryRepository } from '../../rules/teams/team-directory.repository';
import type { TeamSettingsRepository } from '../../rules/teams/team-settings.repository';
import type { Transactor } from '../../rules/shared/transactor';

/** Every repository the bot uses, on one backend (SQLite or Cosmos). */
export interface Repositories {
  audit: AuditTrail;
  screenings: ScreeningRepository & ScreeningStatisticsRepository;
  teamDirectory: TeamDirectoryRepository;
  teamSettings: TeamSettingsRepository<TeamScreeningSettings>;
  jobRuns: JobRunRepository;
  installations: InstallationRepository;
  processedActivities: ProcessedActivityRepository;
  openings: OpeningRepository;
  followUps: FollowUpRepository;
  meetings: MorningMeetingRepository;
  postedBoards: PostedBoardRepository;
  channelLosses: ChannelLossRepository;
  goalPlans: GoalPlanRepository;
  weeklyLogs: WeeklyLogRepository;
  /** A team's own indicators (beside the catalogue's). */
  teamIndicators: TeamIndicatorRepository;
  legacyTeamData: LegacyTeamData;
  /** Several changes as one, where the backend can (SQLite); one after the other otherwise (Cosmos). */
  transactor: Transactor;
}
