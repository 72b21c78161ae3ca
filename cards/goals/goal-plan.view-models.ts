/**
 * The leader's cards for the team's goal plan (`mål opsæt`): the overview with the indicators, the
 * members and the buttons to the weekly goals and annual targets, and the two forms behind them.
 * Every card carries the plan's year and etag, so a save applies only to the plan it showed.
 */
import type { GoalFieldError } from '../../rules/goals/count-input';
import { findMember, isMemberInWeek, weeklyGoal, type GoalPlan } from '../../rules/goals/goal-plan';
import { MAX_ANNUAL_TARGET, MAX_WEEKLY_GOAL } from '../../rules/goals/goal-plan.changes';
import type { IndicatorCatalog } from '../../rules/goals/indicator';
import { indicatorsIn } from '../../rules/goals/indicator-catalog';
import { weeksInYear, type IsoWeek } from '../../rules/goals/iso-week';
import type { PlanView } from '../../rules/goals/goals.service';
import type { NoticeStyle } from './goal-log.view-models';
import { formatCount, formatDate, typedNumber } from '../shared/formatting';

export interface PlanCardInput {
  view: PlanView;
  catalog: IndicatorCatalog;
  /** Today's week: changes apply from it by default (week 1 for a plan of a year not yet begun). */
  currentWeek: IsoWeek;
  notices?: readonly string[];
  noticeStyle?: NoticeStyle;
  errors?: readonly GoalFieldError[];
  /** What the leader typed, shown again after an error or a conflict. */
  typed?: Readonly<Record<string, unknown>>;
}

/** The week changes apply from by default, in the plan's year. */
export function defaultFromWeek(plan: GoalPlan, currentWeek: IsoWeek): number {
  if (plan.year === currentWeek.year) return currentWeek.week;
  return plan.year > currentWeek.year ? 1 : weeksInYear(plan.year);
}

function typedText(typed: Readonly<Record<string, unknown>> | undefined, id: string): string | undefined {
  const value = typed?.[id];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** A number input's value: what was typed when it is a number, else `fallback`; null leaves it empty. */
function numberValue(
  typed: Readonly<Record<string, unknown>> | undefined,
  id: string,
  fallback: number | undefined,
): number | null {
  const text = typedText(typed, id);
  return text === undefined ? (fallback ?? null) : typedNumber(text);
}

function stamp(view: PlanView): string {
  if (view.plan.carriedOverFrom !== undefined) {
    return `Overført fra ${view.plan.carriedOverFrom}: samme indikatorer, medarbejdere og ugentlige mål fra uge 1, men ingen årsmål. Planen gemmes, første gang du gemmer noget her.`;
  }
  return view.etag === undefined ? 'Ikke sat op endnu.' : `Sidst ændret ${formatDate(view.plan.updatedAt)}.`;
}

/** What every plan card carries: notices, errors, and the plan's year and etag for its save buttons. */
export function planCommon(input: PlanCardInput) {
  return {
    notices: [...(input.notices ?? [])],
    noticeStyle: input.noticeStyle ?? 'default',
    errors: (input.errors ?? []).map((error) => error.message),
    year: input.view.plan.year,
    etag: input.view.etag ?? null,
  };
}

/** The overview of `mål opsæt`. Input ids: indicators, members, membersFromWeek, goalMember. */
export function buildGoalSetupViewModel(input: PlanCardInput) {
  const { plan } = input.view;
  const week = defaultFromWeek(plan, input.currentWeek);
  const groups = new Map(input.catalog.groups.map((group) => [group.id, group.label]));
  const chosen = indicatorsIn(input.catalog, plan.indicators);
  const active = plan.members
    .filter((member) => isMemberInWeek(member, week))
    .sort((a, b) => a.name.localeCompare(b.name, 'da-DK'));
  const everyone = [...plan.members].sort((a, b) => a.name.localeCompare(b.name, 'da-DK'));
  const period = (member: GoalPlan['members'][number]): string =>
    member.untilWeek !== undefined
      ? ` (registrerede uge ${member.fromWeek}–${member.untilWeek})`
      : member.fromWeek > 1
        ? ` (fra uge ${member.fromWeek})`
        : '';
  // How far each member's goals are set; the grid behind "Sæt mål for alle" shows the numbers.
  const goalsOf = (userId: string): string => {
    const set = chosen.filter((indicator) => (weeklyGoal(plan, userId, indicator.id, week) ?? 0) > 0).length;
    return set === 0 ? 'ingen mål endnu' : `mål for ${set} af ${chosen.length} indikatorer`;
  };
  const targets = chosen.filter((indicator) => plan.annualTargets[indicator.id] !== undefined);
  return {
    ...planCommon(input),
    heading: `Målstyring ${plan.year}`,
    subtitle: stamp(input.view),
    indicatorChoices: input.catalog.indicators.map((indicator) => {
      const group = groups.get(indicator.group) ?? indicator.group;
      // "Jobåbninger – ordinære job" names its group already; "Kanvas" does not.
      const named = indicator.label.toLocaleLowerCase('da-DK').startsWith(group.toLocaleLowerCase('da-DK'));
      return { title: named ? indicator.label : `${group} · ${indicator.label}`, value: indicator.id };
    }),
    indicatorsValue: typedText(input.typed, 'indicators') ?? plan.indicators.join(','),
    hasMembers: plan.members.length > 0,
    membersIntro:
      plan.members.length === 0
        ? 'Ingen er med endnu. Medarbejderne melder sig selv til: de skriver **mål tilmeld** i deres personlige chat med botten (du kan også selv være med). Her ser du dem bagefter og kan tage nogen ud igen.'
        : 'Medarbejderne melder sig selv til med **mål tilmeld**. Fjern fluebenet ud for den, der ikke længere skal registrere, eller sæt det igen for at tage en tidligere medarbejder med.',
    memberChoices: everyone.map((member) => ({ title: `${member.name}${period(member)}`, value: member.userId })),
    // Ticked: everyone not taken out (see the checklist's reading in bot/teams/goal-plan-submit.parser.ts).
    membersValue:
      typedText(input.typed, 'members') ??
      everyone
        .filter((member) => member.untilWeek === undefined)
        .map((member) => member.userId)
        .join(','),
    membersFromWeek: numberValue(input.typed, 'membersFromWeek', week),
    maxWeek: weeksInYear(plan.year),
    hasGoals: chosen.length > 0 && active.length > 0,
    goalsIntro:
      chosen.length === 0
        ? 'Vælg først teamets indikatorer.'
        : active.length === 0
          ? 'Når medarbejderne har meldt sig til, sætter du deres ugentlige mål her.'
          : `Ugentlige mål i uge ${week}. Sæt alles mål i ét skema, eller én medarbejders ad gangen:`,
    goalFacts: active.map((member) => ({ title: member.name, value: goalsOf(member.userId) })),
    goalMemberChoices: active.map((member) => ({ title: member.name, value: member.userId })),
    goalMemberValue: typedText(input.typed, 'goalMember') ?? active[0]?.userId ?? '',
    hasIndicators: chosen.length > 0,
    targetsIntro:
      chosen.length === 0
        ? 'Vælg først teamets indikatorer.'
        : targets.length === 0
          ? 'Ingen årsmål endnu (fx fra beskæftigelsesplanen).'
          : 'Teamets årsmål:',
    targetFacts: targets.map((indicator) => ({
      title: indicator.label,
      value: formatCount(plan.annualTargets[indicator.id] ?? 0),
    })),
  };
}

/** One member's weekly goals from a week on. Input ids: fromWeek, and one per indicator. */
export function buildMemberGoalsViewModel(input: PlanCardInput & { userId: string }) {
  const { plan } = input.view;
  const member = findMember(plan, input.userId);
  const week = defaultFromWeek(plan, input.currentWeek);
  const shownWeek = numberValue(input.typed, 'fromWeek', week);
  const goalWeek = typeof shownWeek === 'number' && Number.isInteger(shownWeek) && shownWeek >= 1 ? shownWeek : week;
  return {
    ...planCommon(input),
    heading: `Ugentlige mål: ${member?.name ?? input.userId} (${plan.year})`,
    intro:
      'Antal pr. uge for hver indikator. Et tomt felt betyder intet mål. Målene gælder fra den uge, du skriver, til du ændrer dem igen; tidligere uger beholder deres mål.',
    hasFromWeek: true,
    fromWeek: shownWeek,
    maxWeek: weeksInYear(plan.year),
    max: MAX_WEEKLY_GOAL,
    maxText: formatCount(MAX_WEEKLY_GOAL),
    inputs: indicatorsIn(input.catalog, plan.indicators).map((indicator) => ({
      id: indicator.id,
      label: indicator.label,
      value: numberValue(input.typed, indicator.id, weeklyGoal(plan, input.userId, indicator.id, goalWeek)),
    })),
    saveTitle: 'Gem mål',
    saveVerb: 'goals.memberGoals',
    userId: input.userId,
  };
}

/** The team's annual targets. Input ids: one per indicator. */
export function buildAnnualTargetsViewModel(input: PlanCardInput) {
  const { plan } = input.view;
  return {
    ...planCommon(input),
    heading: `Årsmål ${plan.year}`,
    intro:
      'Teamets mål for hele året pr. indikator, fx fra beskæftigelsesplanen. Ugerapporten viser, hvor langt teamet er nået, og om det er bagud. Et tomt felt fjerner årsmålet.',
    hasFromWeek: false,
    fromWeek: null,
    maxWeek: weeksInYear(plan.year),
    max: MAX_ANNUAL_TARGET,
    maxText: formatCount(MAX_ANNUAL_TARGET),
    inputs: indicatorsIn(input.catalog, plan.indicators).map((indicator) => ({
      id: indicator.id,
      label: indicator.label,
      value: numberValue(input.typed, indicator.id, plan.annualTargets[indicator.id]),
    })),
    saveTitle: 'Gem årsmål',
    saveVerb: 'goals.targets',
    userId: null,
  };
}
