import type { FollowUpCards } from '../../../cards/follow-ups/follow-up.cards';
import type { FollowUp } from '../../../rules/follow-ups/follow-up';
import type { FollowUpNotifier } from '../../../rules/follow-ups/follow-up-notifier';
import type { PersonalChatSend } from '../../teams/personal-chat.sender';

/** Reminds the caseworker of a due follow-up (spec §1.7) with the buttons to record the outcome. */
export function createFollowUpNotifier(deps: { cards: FollowUpCards; send: PersonalChatSend }): FollowUpNotifier {
  return {
    remind: (followUp: FollowUp) => deps.send(followUp.teamId, followUp.caseworkerId, [deps.cards.reminder(followUp)]),
  };
}
