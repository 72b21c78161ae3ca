import type { JoinOutcome, LogFormOutcome, LogSubmitOutcome, ReportOutcome } from '../../rules/goals/goals.service';
import { formatWeek, type IsoWeek } from '../../rules/goals/iso-week';
import type { AdaptiveCardJson } from '../rendering/card.renderer';
import type { GoalCards } from './goal.cards';

/** Asks whether the person is one of the team's leaders; only some answers need to know. */
export type IsLeader = () => Promise<boolean>;

/**
 * The answers to a member's `mål`, `mål tilmeld` and `ugerapport`: the card the use case's outcome calls
 * for, or a notice that shows the way on when it refused.
 */
export class GoalAnswerCards {
  constructor(private readonly cards: GoalCards) {}

  /** A week typed (or sent by a card) that cannot be used, with examples of the command it was typed with. */
  weekProblem(message: string, keyword: 'mål' | 'ugerapport'): AdaptiveCardJson {
    // The parser's messages give their own examples; the example is said once.
    const examples = /Skriv fx/u.test(message)
      ? []
      : [`Skriv fx **${keyword}**, **${keyword} uge 7** eller **${keyword} uge 7 2026**.`];
    return this.cards.notice('error', 'Ugen kan ikke bruges', [message, ...examples]);
  }

  /** A log card whose week key no version of the bot wrote. */
  unknownCardWeek(): AdaptiveCardJson {
    return this.weekProblem('Kortet har en uge, botten ikke kender.', 'mål');
  }

  /**
   * The log card, or why there is none. `isLeader` is asked only when the answer differs for leaders, so an
   * ordinary `mål` costs no look-up of the team's leaders.
   */
  async log(outcome: LogFormOutcome | LogSubmitOutcome, isLeader: IsLeader): Promise<AdaptiveCardJson> {
    switch (outcome.kind) {
      case 'form':
        return this.cards.logForm({ form: outcome.form });
      case 'saved':
        return this.cards.logSaved(outcome.form, outcome.replaced);
      case 'invalid':
        return this.cards.logForm({ form: outcome.form, errors: outcome.errors, typed: outcome.typed });
      case 'invalid-week':
        return this.weekProblem(outcome.message, 'mål');
      case 'not-a-member':
        return this.notAMember(outcome.week, await isLeader());
      case 'no-indicators':
        return this.noIndicators(outcome.week, await isLeader());
    }
  }

  join(outcome: JoinOutcome): AdaptiveCardJson {
    switch (outcome.kind) {
      case 'joined':
        return this.cards.notice(
          'good',
          'Du er med i målstyringen',
          [
            `Fra ${formatWeek(outcome.week)} registrerer du ugens tal med **mål**. Har du ikke gjort det fredag kl. 13, minder botten dig om det her.`,
            'Din leder ser dig nu i **mål opsæt** og sætter dine ugentlige mål.',
          ],
          ['log'],
        );
      case 'already-member':
        return this.cards.notice(
          'info',
          'Du er allerede med i målstyringen',
          ['Skriv **mål** for at registrere ugens tal.'],
          ['log'],
        );
      case 'removed':
        return this.cards.notice('warning', 'Din leder har taget dig ud af målstyringen', [
          `Du registrerede til og med uge ${outcome.untilWeek}. Bed din leder om at tage dig med igen i **mål opsæt**.`,
        ]);
      case 'not-set-up':
        return this.cards.notice('info', 'Målstyringen er ikke sat op endnu', [
          `Teamets leder vælger først indikatorerne for ${outcome.week.year} med **mål opsæt**; derefter kan du melde dig til.`,
        ]);
    }
  }

  report(outcome: ReportOutcome): AdaptiveCardJson[] {
    switch (outcome.kind) {
      case 'report':
        return this.cards.report(outcome.report);
      case 'invalid-week':
        return [this.weekProblem(outcome.message, 'ugerapport')];
      case 'not-a-member':
        return [
          this.cards.notice(
            'info',
            `Du er ikke med i målstyringen i ${formatWeek(outcome.week)}`,
            [
              'Ugerapporten viser lederne hele teamets tal og medarbejderne deres egne.',
              'Skriv **mål tilmeld** for at være med fra denne uge. Er du teamets leder, så sæt målstyringen op med **mål opsæt**.',
            ],
            ['join'],
          ),
        ];
    }
  }

  private notAMember(week: IsoWeek, isLeader: boolean): AdaptiveCardJson {
    const title = `Du er ikke med i målstyringen i ${formatWeek(week)}`;
    if (isLeader) {
      return this.cards.notice(
        'info',
        title,
        [
          'Som leder sætter du teamets målstyring op med **mål opsæt**: indikatorer, medarbejdere, ugentlige mål og årsmål.',
          'Medarbejderne melder sig selv til med **mål tilmeld** i deres personlige chat med botten. Vil du selv registrere tal, kan du også melde dig til.',
        ],
        ['setup', 'join'],
      );
    }
    return this.cards.notice(
      'info',
      title,
      [
        'Kun dem, der er med i teamets målstyring, registrerer ugens tal.',
        'Skriv **mål tilmeld** eller tryk herunder for at være med fra denne uge. Din leder kan tage dig ud igen.',
      ],
      ['join'],
    );
  }

  private noIndicators(week: IsoWeek, isLeader: boolean): AdaptiveCardJson {
    const title = `Teamet har ikke valgt indikatorer for ${week.year} endnu`;
    return isLeader
      ? this.cards.notice(
          'info',
          title,
          ['Vælg dem med **mål opsæt**; derefter kan teamet registrere ugens tal.'],
          ['setup'],
        )
      : this.cards.notice('info', title, [
          'Din leder vælger dem med **mål opsæt**. Bagefter registrerer du ugens tal her.',
        ]);
  }
}
