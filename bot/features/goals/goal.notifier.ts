import type { GoalsService } from '../../../rules/goals/goals.service';
import type { GoalNotifier } from '../../../rules/goals/goal-notifier';
import type { GoalCards } from '../../../cards/goals/goal.cards';
import type { PersonalChatSend } from '../../teams/personal-chat.sender';

/**
 * The weekly rhythm's messages (spec §3.2) in the person's personal chat: Friday's reminder is the
 * member's own `mål` card for the week, Monday's summary the leader's `ugerapport`.
 */
export function createGoalNotifier(deps: {
  goals: Pick<GoalsService, 'logForm'>;
  cards: GoalCards;
  send: PersonalChatSend;
}): GoalNotifier {
  return {
    async remindToLog(teamId, member, week, timing) {
      const outcome = await deps.goals.logForm({ teamId, userId: member.userId }, week);
      // Between the work list and now the member may have left or the indicators emptied: nothing is sent.
      if (outcome.kind !== 'form') return 'unreachable';
      return deps.send(teamId, member.userId, [deps.cards.logReminder(outcome.form, timing)]);
    },
    sendWeeklySummary: (teamId, leaderId, summary, timing) =>
      deps.send(teamId, leaderId, deps.cards.weeklySummary(summary, timing)),
  };
}
