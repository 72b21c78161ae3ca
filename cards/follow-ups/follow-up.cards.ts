import type { FollowUp } from '../../rules/follow-ups/follow-up';
import type { RecordOutcome } from '../../rules/follow-ups/follow-up.service';
import { formatCalendarDate } from '../goals/goal-formatting';
import type { NoticeStyle } from '../goals/goal-log.view-models';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { noticeCard } from '../shared/notice.cards';
import {
  buildFollowUpListViewModel,
  buildFollowUpReminderViewModel,
  followUpSubject,
  outcomeLabel,
} from './follow-up.view-models';

type Recorded = Extract<RecordOutcome, { kind: 'recorded' }>;

/** Renders the follow-ups' cards (spec §1.7). */
export class FollowUpCards {
  constructor(private readonly renderer: CardRenderer) {}

  reminder(followUp: FollowUp): AdaptiveCardJson {
    return this.renderer.render('followUps', buildFollowUpReminderViewModel(followUp));
  }

  list(followUps: readonly FollowUp[], notice?: { text: string; style: NoticeStyle }): AdaptiveCardJson {
    return this.renderer.render('followUps', buildFollowUpListViewModel(followUps, notice));
  }

  /** The list of those still waiting, after an outcome was recorded from it (`opfølgning`). */
  listAfterRecording(followUps: readonly FollowUp[], outcome: Recorded): AdaptiveCardJson {
    return this.list(followUps, { text: `Gemt: ${recordedText(outcome)}`, style: 'good' });
  }

  /** The thanks after an outcome was recorded from a reminder, saying how to correct a wrong click. */
  recorded(outcome: Recorded): AdaptiveCardJson {
    return noticeCard(
      this.renderer,
      'info',
      'Tak – udfaldet er gemt',
      `${recordedText(outcome)} Trykkede du forkert, så skriv **opfølgning**; et nyt svar retter det. Teamets ugerapport viser, hvor mange der stadig er ledige efter 39 uger.`,
    );
  }

  /** Why an outcome was not recorded. */
  refused(outcome: Exclude<RecordOutcome, Recorded>): AdaptiveCardJson {
    switch (outcome.kind) {
      case 'invalid':
        return noticeCard(this.renderer, 'error', 'Vælg et udfald', `${outcome.message} Intet er gemt.`);
      case 'not-due':
        return noticeCard(
          this.renderer,
          'warning',
          'Opfølgningen er ikke nået endnu',
          `Opfølgningen efter ${outcome.followUp.weeks} uger for ${followUpSubject(outcome.followUp)} er først fra ${formatCalendarDate(outcome.followUp.dueDate)}. Intet er gemt.`,
        );
      case 'not-found':
        return noticeCard(
          this.renderer,
          'warning',
          'Opfølgningen findes ikke længere',
          'Screeningen kan være slettet. Intet er gemt. Skriv **opfølgning** for at se dem, der venter.',
        );
      case 'forbidden':
        return noticeCard(
          this.renderer,
          'error',
          'Ikke din opfølgning',
          'Kun sagsbehandleren, der lavede screeningen, eller teamets ledere kan registrere udfaldet. Intet er gemt.',
        );
    }
  }
}

/** "J-2026-17, 13 uger efter screeningen: I job (rettet fra Stadig ledig)." */
function recordedText({ followUp, previous }: Recorded): string {
  const label = outcomeLabel(followUp.outcome ?? 'andet');
  const corrected =
    previous !== undefined && previous !== followUp.outcome ? ` (rettet fra ${outcomeLabel(previous)})` : '';
  return `${followUpSubject(followUp)}, ${followUp.weeks} uger efter screeningen: ${label}${corrected}.`;
}
