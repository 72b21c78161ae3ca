import type { Notice } from '../openings/board.cards';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { noticeCard } from '../shared/notice.cards';
import { formatCalendarDate } from '../goals/goal-formatting';

/** The morning meeting's notices: `morgenmøde` and a lost morning channel. */
export class MorningMeetingCards {
  constructor(private readonly renderer: CardRenderer) {}

  /** How to use `morgenmøde`, for anything but `her`, `nu`, `lukket` and `åben` after it; with the team's closed days. */
  usage(closedDays: readonly string[] = []): AdaptiveCardJson {
    return noticeCard(
      this.renderer,
      'info',
      'Morgenmøde',
      'Nævn mig med @ i teamets kanal og skriv **morgenmøde her** (evt. med et tidspunkt, fx kl. 8.15), eller **morgenmøde nu** for tavlen med det samme. ' +
        `En leder lukker dage med **morgenmøde lukket 24.12 31.12** og åbner dem igen med **morgenmøde åben 24.12**. ${closedDaysText(closedDays)}`,
    );
  }

  /** The team's closed days after a leader changed them. */
  closedDaysSaved(closedDays: readonly string[]): AdaptiveCardJson {
    return noticeCard(this.renderer, 'info', 'Lukkede dage gemt', closedDaysText(closedDays));
  }

  /** Days that could not be read: the parser's reason; nothing is saved. */
  closedDaysProblem(message: string): AdaptiveCardJson {
    return noticeCard(this.renderer, 'error', 'Lukkede dage', `${message} Intet er gemt.`);
  }

  /** Closed days asked for before the team has a morning meeting. */
  noMeeting(): AdaptiveCardJson {
    return noticeCard(
      this.renderer,
      'warning',
      'Intet morgenmøde endnu',
      'Sæt først morgenmødet op: nævn mig med @ i teamets kanal og skriv **morgenmøde her**.',
    );
  }

  /** `morgenmøde her` outside a channel: the board comes where it is written. */
  notInChannel(): AdaptiveCardJson {
    return noticeCard(
      this.renderer,
      'warning',
      'Skriv det i teamets kanal',
      'Skriv **@botten morgenmøde her** i den kanal, hvor tavlen skal komme hver morgen.',
    );
  }

  notLeader(): AdaptiveCardJson {
    return noticeCard(
      this.renderer,
      'error',
      'Kun for ledere',
      'Kun teamets ledere kan vælge kanalen og de lukkede dage til morgenmødet.',
    );
  }

  /** A post time that cannot be read, with the parser's reason. */
  postTimeProblem(message: string): AdaptiveCardJson {
    return noticeCard(this.renderer, 'error', 'Tidspunkt', `${message} Skriv fx: morgenmøde her kl. 8.15`);
  }

  /** The confirmation of the channel and time ("08:15"). */
  setUp(postTime: string): AdaptiveCardJson {
    return noticeCard(
      this.renderer,
      'info',
      'Morgenmødet er sat op her',
      `Tavlen med åbne stillinger kommer i denne kanal hver arbejdsdag ${spokenTime(postTime)} (ikke i weekender og på helligdage). Nævn mig med @ og skriv **morgenmøde nu** for at se den med det samme.`,
    );
  }

  /** Told to a leader, once, when the board could not be posted at `postTime` ("08:15"). */
  channelLost(postTime: string): AdaptiveCardJson {
    return noticeCard(
      this.renderer,
      'warning',
      'Tavlen kan ikke længere postes i kanalen',
      `Botten kunne ikke skrive i teamets kanal til morgenmødet (${spokenTime(postTime)}) – den er nok fjernet fra teamet, eller kanalen er slettet. ` +
        'Tavlen postes ikke, før en leder skriver **@botten morgenmøde her** i den kanal, hvor tavlen skal komme.',
    );
  }
}

/** The line above the posted board: empty on time, an apology when the bot did not run on time. */
export function morningBoardNotice(late: boolean): Notice {
  return late
    ? { text: 'Tavlen kommer sent i dag: botten kørte ikke på det faste tidspunkt.', style: 'warning' }
    : { text: '', style: 'default' };
}

/** Replaces a posted board message the updated board no longer fills (it needs fewer messages now). */
export const BOARD_ENDED_TEXT = 'Tavlen fortsætter ikke længere her.';

/** "08:15" as said in Danish: "kl. 8.15". */
function spokenTime(time: string): string {
  const [hours = '', minutes = ''] = time.split(':');
  return `kl. ${Number(hours)}.${minutes}`;
}

function closedDaysText(closedDays: readonly string[]): string {
  return closedDays.length === 0
    ? 'Der er ingen lukkede dage; tavlen kommer hver arbejdsdag.'
    : `Ingen tavle de lukkede dage: ${closedDays.map(formatCalendarDate).join(', ')}.`;
}
