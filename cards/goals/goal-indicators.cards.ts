import type { IndicatorCatalog } from '../../rules/goals/indicator';
import { formatWeek, parseWeekKey } from '../../rules/goals/iso-week';
import { currentLabel } from '../../rules/goals/team-indicators';
import type { TeamIndicatorsOutcome, TeamIndicatorsView } from '../../rules/goals/team-indicators.service';
import type { YearOverviewOutcome } from '../../rules/goals/goals.service';
import { withoutCprShapes } from '../../rules/shared/cpr-shape';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { buildGoalIndicatorsViewModel, type GoalIndicatorsInput } from './goal-indicators.view-model';
import type { GoalCards } from './goal.cards';
import { buildGoalsYearViewModel } from './goals-year.view-model';

const CONFLICT_NOTICE =
  'Teamets indikatorer er ændret af en anden, siden kortet blev vist. Intet er gemt – kortet viser nu den nyeste liste med det, du skrev; tjek det og prøv igen.';

/** The cards of `mål indikatorer` (the team's own indicators) and `mål år` (the year overview). */
export class GoalIndicatorCards {
  constructor(
    private readonly renderer: CardRenderer,
    private readonly cards: GoalCards,
    private readonly catalogue: IndicatorCatalog,
  ) {}

  list(view: TeamIndicatorsView, extras: Omit<GoalIndicatorsInput, 'view' | 'catalogue'> = {}): AdaptiveCardJson {
    return this.renderer.render(
      'goalIndicators',
      buildGoalIndicatorsViewModel({ view, catalogue: this.catalogue, ...extras }),
    );
  }

  /** The answer to a change: the list with what was saved, or the same card again with the problem and what was typed. */
  changed(outcome: TeamIndicatorsOutcome, data: Readonly<Record<string, unknown>>): AdaptiveCardJson {
    const typed = withoutCprShapes(data);
    switch (outcome.kind) {
      case 'saved': {
        const label = currentLabel(outcome.indicator);
        const retiredFrom = parseWeekKey(outcome.indicator.retiredFrom ?? '');
        const text =
          outcome.change === 'added'
            ? `Gemt: "${label}" er tilføjet. Vælg den i **mål opsæt**, så kan medarbejderne registrere den.`
            : outcome.change === 'renamed'
              ? `Gemt: indikatoren hedder nu "${label}" fra ${formatWeek(outcome.view.week)}.`
              : `Gemt: "${label}" udgår fra ${retiredFrom === undefined ? 'næste uge' : formatWeek(retiredFrom)}.`;
        return this.list(outcome.view, { notices: [text], noticeStyle: 'good' });
      }
      case 'invalid':
        return this.list(outcome.view, { errors: outcome.errors, typed });
      case 'conflict':
        return this.list(outcome.view, { notices: [CONFLICT_NOTICE], noticeStyle: 'warning', typed });
      case 'forbidden':
        return this.notLeader(true);
    }
  }

  /** `attempted`: a change was refused (so nothing was saved); otherwise the card was only asked for. */
  notLeader(attempted = false): AdaptiveCardJson {
    return this.cards.notice('error', 'Kun for ledere', [
      `Kun teamets ledere kan tilføje, omdøbe og lade teamets egne indikatorer udgå.${attempted ? ' Intet er gemt.' : ''}`,
    ]);
  }

  year(outcome: YearOverviewOutcome): AdaptiveCardJson {
    switch (outcome.kind) {
      case 'overview':
        return this.renderer.render('goalsYear', buildGoalsYearViewModel(outcome.overview));
      case 'invalid-year':
        return this.cards.notice('warning', 'Året kan ikke bruges', [outcome.message]);
      case 'not-begun':
        return this.cards.notice('info', `${outcome.year} er ikke begyndt`, [
          'Årsoversigten viser et år, der er i gang eller slut. Skriv **mål år** for i år.',
        ]);
      case 'no-plan':
        return this.cards.notice(
          'info',
          `Ingen målstyring for ${outcome.year}`,
          [
            outcome.isLeader
              ? `Teamet har ikke valgt indikatorer for ${outcome.year}, så der er intet at vise. Sæt målstyringen op med **mål opsæt** (indikatorer, medarbejdere, ugentlige mål og årsmål).`
              : `Teamet har ikke valgt indikatorer for ${outcome.year}, så der er intet at vise. Det gør en leder med **mål opsæt**.`,
          ],
          outcome.isLeader ? ['setup'] : [],
        );
      case 'not-a-member':
        return this.cards.notice(
          'info',
          'Du er ikke med i målstyringen',
          [
            `Du registrerer ikke tal i teamets målstyring for ${outcome.year}, så der er ingen tal at vise. Vil du være med, så skriv **mål tilmeld**.`,
          ],
          ['join'],
        );
    }
  }
}
