import type { DeliveryOutcome } from '../shared/delivery-outcome';
import type { PlanMember } from './goal-plan';
import type { IsoWeek } from './iso-week';
import type { TeamWeeklySummary } from './weekly-summary';

/** Sends the weekly rhythm's messages to people in their personal chat with the bot (spec §3.2). */
export interface GoalNotifier {
  /** Friday 13:00: asks a member to log the week (the card of `mål` for that week). */
  remindToLog(teamId: string, member: PlanMember, week: IsoWeek, options: { late: boolean }): Promise<DeliveryOutcome>;
  /** Monday 08:00: the previous week's summary to one of the team's leaders. */
  sendWeeklySummary(
    teamId: string,
    leaderId: string,
    summary: TeamWeeklySummary,
    options: { late: boolean },
  ): Promise<DeliveryOutcome>;
}
