import {
  FOLLOW_UP_OUTCOME_LABELS,
  FOLLOW_UP_OUTCOMES,
  type FollowUp,
  type FollowUpOutcome,
} from '../../rules/follow-ups/follow-up';
import { formatCalendarDate } from '../goals/goal-formatting';
import type { NoticeStyle } from '../goals/goal-log.view-models';
import { trackLabel } from '../screening/track-labels';

/** Where the outcome buttons were clicked: the reminder answers with a confirmation, the list with itself. */
export type FollowUpCardView = 'reminder' | 'list';

/** At most this many follow-ups on one card (each has four buttons); the rest come when these are answered. */
export const MAX_FOLLOW_UPS_ON_CARD = 8;

/**
 * How a card names a follow-up's citizen: the case reference, or after the team's retention period,
 * when it is gone (spec §5), the screening's date.
 */
export function followUpSubject(followUp: Pick<FollowUp, 'caseReference' | 'screeningDate'>): string {
  return followUp.caseReference ?? `Screeningen ${formatCalendarDate(followUp.screeningDate)}`;
}

function item(followUp: FollowUp, view: FollowUpCardView) {
  const recorded =
    followUp.outcome === undefined ? '' : ` · registreret: ${FOLLOW_UP_OUTCOME_LABELS[followUp.outcome]}`;
  return {
    heading: `${followUpSubject(followUp)} · ${followUp.weeks} uger efter screeningen`,
    details: `Screenet ${formatCalendarDate(followUp.screeningDate)} · ${trackLabel(followUp.track)} · opfølgning fra ${formatCalendarDate(followUp.dueDate)}${recorded}`,
    actions: FOLLOW_UP_OUTCOMES.map((outcome) => ({
      title: FOLLOW_UP_OUTCOME_LABELS[outcome],
      followUpId: followUp.id,
      outcome,
      view,
    })),
  };
}

/** Friday's kind of message for one follow-up: how is the citizen doing, four buttons. */
export function buildFollowUpReminderViewModel(followUp: FollowUp) {
  return {
    heading: `Opfølgning efter ${followUp.weeks} uger: ${followUpSubject(followUp)}`,
    intro: `${
      followUp.caseReference === undefined
        ? `Der er gået ${followUp.weeks} uger, siden du screenede en borger ${formatCalendarDate(followUp.screeningDate)}, som fik «${trackLabel(followUp.track)}». Sagsreferencen er slettet efter teamets opbevaringsperiode, så find borgeren ud fra datoen i dit fagsystem.`
        : `Der er gået ${followUp.weeks} uger, siden du screenede borgeren med sagsreference ${followUp.caseReference}.`
    } Hvordan går det borgeren nu? Dit svar viser teamet, om screeningen pegede på de rigtige borgere.`,
    notices: [] as string[],
    noticeStyle: 'default' as NoticeStyle,
    items: [item(followUp, 'reminder')],
    moreText: '',
  };
}

/** `opfølgning`: the caseworker's due follow-ups without an outcome, oldest first. */
export function buildFollowUpListViewModel(
  followUps: readonly FollowUp[],
  notice: { text: string; style: NoticeStyle } | undefined = undefined,
) {
  const shown = followUps.slice(0, MAX_FOLLOW_UPS_ON_CARD);
  const more = followUps.length - shown.length;
  return {
    heading: 'Opfølgninger, der venter på dig',
    intro:
      followUps.length === 0
        ? 'Du har ingen opfølgninger, der venter på et svar. Botten minder dig om det, når der er gået 13, 26 og 39 uger siden en screening.'
        : 'Hvordan går det borgeren? Tryk på svaret ud for hver sagsreference.',
    notices: notice === undefined ? [] : [notice.text],
    noticeStyle: notice?.style ?? 'default',
    items: shown.map((followUp) => item(followUp, 'list')),
    moreText: more > 0 ? `… og ${more} til. De kommer frem, når du har svaret på dem ovenfor.` : '',
  };
}

/** "I job" etc. */
export function outcomeLabel(outcome: FollowUpOutcome): string {
  return FOLLOW_UP_OUTCOME_LABELS[outcome];
}
