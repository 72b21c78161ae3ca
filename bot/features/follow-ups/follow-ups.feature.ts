import { FollowUpCards } from '../../../cards/follow-ups/follow-up.cards';
import { FollowUpReminderJob } from '../../../rules/follow-ups/follow-up-reminder.job';
import { FollowUpService } from '../../../rules/follow-ups/follow-up.service';
import { calendarDate } from '../../../rules/shared/copenhagen-calendar';
import { isWorkingDay } from '../../../rules/shared/danish-holidays';
import type { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import type { PersonalChatSend } from '../../teams/personal-chat.sender';
import { SEND_LEASE_MS, type AreaDeps, type Feature } from '../feature';
import { createFollowUpNotifier } from './follow-up.notifier';
import { followUpHandlers } from './follow-ups.handlers';

/** Follow-ups 13, 26 and 39 weeks after a screening (`opfølgning`, and the reminders). */
export function followUpsArea(
  { repositories, renderer, clock, instanceId }: AreaDeps,
  settings: TeamSettingsService,
  sendPersonal: PersonalChatSend,
): { service: FollowUpService; feature: Feature } {
  const service = new FollowUpService(repositories.followUps, repositories.screenings, settings, clock);
  const cards = new FollowUpCards(renderer);
  const reminders = new FollowUpReminderJob(
    repositories.followUps,
    repositories.jobRuns,
    createFollowUpNotifier({ cards, send: sendPersonal }),
    { dateOf: calendarDate, isWorkingDay },
    { holder: instanceId, leaseMs: SEND_LEASE_MS },
  );
  return {
    service,
    feature: {
      ...followUpHandlers({ service, cards }),
      minuteJobs: [{ name: 'follow-up-reminders', run: (now) => reminders.run(now) }],
    },
  };
}
