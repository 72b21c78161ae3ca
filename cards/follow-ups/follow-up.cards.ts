import type { FollowUp } from '../../rules/follow-ups/follow-up';
import type { NoticeStyle } from '../goals/goal-log.view-models';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { buildFollowUpListViewModel, buildFollowUpReminderViewModel } from './follow-up.view-models';

/** Renders the follow-ups' cards (spec §1.7). */
export class FollowUpCards {
  constructor(private readonly renderer: CardRenderer) {}

  reminder(followUp: FollowUp): AdaptiveCardJson {
    return this.renderer.render('followUps', buildFollowUpReminderViewModel(followUp));
  }

  list(followUps: readonly FollowUp[], notice?: { text: string; style: NoticeStyle }): AdaptiveCardJson {
    return this.renderer.render('followUps', buildFollowUpListViewModel(followUps, notice));
  }
}
