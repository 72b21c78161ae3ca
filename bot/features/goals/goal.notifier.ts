import type { GoalsService } from '../../../rules/goals/goals.service';
import { formatWeek } from '../../../rules/goals/iso-week';
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
    async remindToLog(teamId, member, week, { late }) {
      const outcome = await deps.goals.logForm({ teamId, userId: member.userId }, week);
      // Between the work list and now the member may have left or the indicators emptied: nothing is sent.
      if (outcome.kind !== 'form') return 'unreachable';
      const notice = `Påmindelse: du har ikke registreret dine tal for ${formatWeek(week)} endnu. Udfyld og gem dem her.${
        late ? ' (Påmindelsen kommer senere end kl. 13, fordi botten ikke kørte til tiden.)' : ''
      }`;
      const card = deps.cards.logForm({ form: outcome.form, notices: [notice], noticeStyle: 'warning' });
      return deps.send(teamId, member.userId, [card]);
    },
    sendWeeklySummary(teamId, leaderId, summary, { late }) {
      const notice = `Ugerapporten for ${formatWeek(summary.week)} – mandagens overblik til teamets ledere.${
        late ? ' Den kommer senere end kl. 8, fordi botten ikke kørte til tiden.' : ''
      }`;
      return deps.send(teamId, leaderId, deps.cards.teamReport(summary, { notices: [notice] }));
    },
  };
}
