import type { GoalFieldError } from '../../rules/goals/count-input';
import { withoutCprShapes } from '../../rules/shared/cpr-shape';
import { findMember } from '../../rules/goals/goal-plan';
import type { MembersChange } from '../../rules/goals/goal-plan.changes';
import type { PlanUpdateOutcome, PlanView } from '../../rules/goals/goals.service';
import type { IndicatorCatalog } from '../../rules/goals/indicator';
import { isoWeekAt } from '../../rules/goals/iso-week';
import type { Clock } from '../../rules/shared/clock';
import type { AdaptiveCardJson } from '../rendering/card.renderer';
import type { NoticeStyle } from './goal-log.view-models';
import type { GoalCards } from './goal.cards';

type Typed = Readonly<Record<string, unknown>>;

/** Which of the leader's plan cards: the set-up, one member's weekly goals, or the annual targets. */
export type PlanScreen =
  | { kind: 'setup' }
  | { kind: 'memberGoals'; userId: string }
  | { kind: 'teamGoals'; part: number }
  | { kind: 'annualTargets' };

/**
 * A change of the plan as the leader's card sent it: what the saved notice tells, and which card
 * shows the change again when it was refused. `fromWeek` is the week as typed on the card.
 */
export type PlanChange =
  | { kind: 'indicators' }
  | { kind: 'members'; fromWeek: unknown; change: MembersChange }
  | { kind: 'memberGoals'; userId: string; fromWeek: unknown }
  | { kind: 'teamGoals'; part: number; fromWeek: unknown; memberIds: readonly string[] }
  | { kind: 'annualTargets' };

/** Why a plan card could not be read; nothing was saved. */
export type UnreadablePlanCard = 'year' | 'indicators' | 'members';

const UNREADABLE_PROBLEMS: Readonly<Record<UnreadablePlanCard, string>> = {
  year: 'Kortet mangler året for målstyringen.',
  indicators: 'Kortets valg af indikatorer har et forkert format.',
  members: 'Kortets liste over medarbejdere har et forkert format.',
};

const CONFLICT_NOTICE =
  'Målstyringen er ændret af en anden, siden kortet blev vist. Intet er gemt – kortet viser nu den nyeste udgave med dine ændringer i felterne; tjek dem og gem igen.';

interface PlanCardExtras {
  notices?: string[];
  noticeStyle?: NoticeStyle;
  errors?: readonly GoalFieldError[];
  typed?: Typed;
}

/** The leader's plan cards (`mål opsæt` and the cards it leads to), from the goals use cases' outcomes. */
export class GoalPlanCards {
  /** The clock sets the week from which changes apply by default (the current week). */
  constructor(
    private readonly cards: GoalCards,
    private readonly catalog: IndicatorCatalog,
    private readonly clock: Clock,
  ) {}

  /** The set-up as a leader opens it. */
  setupOpened(view: PlanView): AdaptiveCardJson {
    return this.form({ kind: 'setup' }, view, {});
  }

  /** A plan form opened from the set-up; a member's goals without a member chosen lead back to the set-up. */
  formOpened(screen: PlanScreen, view: PlanView): AdaptiveCardJson {
    if (screen.kind === 'memberGoals' && findMember(view.plan, screen.userId) === undefined) {
      return this.form({ kind: 'setup' }, view, {
        notices: ['Vælg den medarbejder, du vil sætte mål for.'],
        noticeStyle: 'warning',
      });
    }
    return this.form(screen, view);
  }

  /**
   * The answer to a plan change: the set-up with what was saved, or the same card again with the problem
   * and what was typed, except a CPR-shaped value, whose field comes back empty.
   */
  changed(change: PlanChange, outcome: PlanUpdateOutcome, data: Typed): AdaptiveCardJson {
    const screen = screenOf(change);
    const typed = withoutCprShapes(data);
    switch (outcome.kind) {
      case 'saved':
        // The grid stays on screen with what was saved, to go on with the next members.
        return this.form(change.kind === 'teamGoals' ? screen : { kind: 'setup' }, outcome.view, {
          notices: [savedText(change, outcome.view)],
          noticeStyle: 'good',
        });
      case 'invalid':
        return this.form(screen, outcome.view, { errors: outcome.errors, typed });
      case 'conflict':
        return this.form(screen, outcome.view, { notices: [CONFLICT_NOTICE], noticeStyle: 'warning', typed });
      case 'forbidden':
        return this.notLeader(true);
    }
  }

  /** `attempted`: a save was refused (so nothing was saved); otherwise the set-up was only asked for. */
  notLeader(attempted = false): AdaptiveCardJson {
    return this.cards.notice('error', 'Kun for ledere', [
      `Kun teamets ledere kan sætte målstyringen op.${attempted ? ' Intet er gemt.' : ''}`,
      'Vil du registrere dine egne tal, så skriv **mål tilmeld** og derefter **mål**.',
    ]);
  }

  unreadable(problem: UnreadablePlanCard): AdaptiveCardJson {
    return this.cards.notice('error', 'Kortet kunne ikke læses', [
      `${UNREADABLE_PROBLEMS[problem]} Intet er gemt. Skriv **mål opsæt** for et nyt kort.`,
    ]);
  }

  private form(screen: PlanScreen, view: PlanView, extras: PlanCardExtras = {}): AdaptiveCardJson {
    const input = { view, catalog: this.catalog, currentWeek: isoWeekAt(this.clock.now()), ...extras };
    switch (screen.kind) {
      case 'setup':
        return this.cards.setup(input);
      case 'memberGoals':
        return this.cards.memberGoals({ ...input, userId: screen.userId });
      case 'teamGoals':
        return this.cards.teamGoals({ ...input, part: screen.part });
      case 'annualTargets':
        return this.cards.annualTargets(input);
    }
  }
}

/** The card a change was made on, shown again when the change was refused. */
function screenOf(change: PlanChange): PlanScreen {
  switch (change.kind) {
    case 'indicators':
    case 'members':
      return { kind: 'setup' };
    case 'memberGoals':
      return { kind: 'memberGoals', userId: change.userId };
    case 'teamGoals':
      return { kind: 'teamGoals', part: change.part };
    case 'annualTargets':
      return { kind: 'annualTargets' };
  }
}

function savedText(change: PlanChange, { plan }: PlanView): string {
  switch (change.kind) {
    case 'indicators': {
      const count = plan.indicators.length;
      return count === 0
        ? 'Gemt: teamet har ingen indikatorer nu.'
        : `Gemt: teamet måler sig på ${count} indikator${count === 1 ? '' : 'er'}.`;
    }
    case 'members':
      return `Gemt fra uge ${String(change.fromWeek)}: ${change.change.add?.length ?? 0} taget med, ${change.change.remove?.length ?? 0} taget ud.`;
    case 'memberGoals':
      return `Gemt: ugentlige mål for ${findMember(plan, change.userId)?.name ?? change.userId} fra uge ${String(change.fromWeek)}.`;
    case 'teamGoals':
      return `Gemt: ugentlige mål fra uge ${String(change.fromWeek)} for ${change.memberIds.map((id) => findMember(plan, id)?.name ?? id).join(', ')}.`;
    case 'annualTargets':
      return `Gemt: teamets årsmål for ${plan.year}.`;
  }
}
