import type { FollowUp } from '../follow-ups/follow-up';
import type { PlanMember } from './goal-plan';
import type { IsoWeek } from './iso-week';
import type { TeamWeeklySummary } from './weekly-summary';

/**
 * 'sent', or 'unreachable' when the person has no personal chat with the bot (not installed, or
 * removed): the scheduled run still counts as done, since trying again every minute would not help.
 */
export type DeliveryOutcome = 'sent' | 'unreachable';

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

/** Reminds a caseworker to record a follow-up's outcome (spec §1.7), with the card to record it. */
export interface FollowUpNotifier {
  remind(followUp: FollowUp): Promise<DeliveryOutcome>;
}
