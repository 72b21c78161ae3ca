import type { GoalFieldError } from '../../rules/goals/count-input';
import type { LogForm } from '../../rules/goals/goals.service';
import { formatCount, formatDate, typedNumber } from '../shared/formatting';
import { formatPeriod, formatWeekWithYear } from './goal-formatting';

export type NoticeStyle = 'default' | 'good' | 'warning' | 'attention';

export interface GoalLogViewInput {
  form: LogForm;
  /** Shown above the form, e.g. Friday's reminder or "the week is not logged yet". */
  notices?: readonly string[];
  noticeStyle?: NoticeStyle;
  errors?: readonly GoalFieldError[];
  /** What the member typed, shown again when it had errors. */
  typed?: Readonly<Record<string, unknown>>;
}

/** A number input's value: what was typed when it is a number, else the form's value; null leaves it empty. */
function inputValue(id: string, form: LogForm, typed: Readonly<Record<string, unknown>> | undefined): number | null {
  if (typed !== undefined && id in typed) {
    return typedNumber(typed[id]);
  }
  return form.indicators.find((indicator) => indicator.id === id)?.value ?? null;
}

function hint(goal: number | undefined, prefilled: number | undefined): string {
  const parts = [
    goal === undefined ? undefined : `mål ${formatCount(goal)}`,
    prefilled === undefined ? undefined : `botten har talt ${formatCount(prefilled)}`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? '' : ` (${parts.join(' · ')})`;
}

/** The member's weekly card (`mål`): one number input per indicator (input id = indicator id), grouped. */
export function buildGoalLogViewModel(input: GoalLogViewInput) {
  const { form } = input;
  const groups: { label: string; indicators: { id: string; label: string; value: number | null }[] }[] = [];
  for (const indicator of form.indicators) {
    let group = groups.at(-1);
    if (group?.label !== indicator.groupLabel) {
      group = { label: indicator.groupLabel, indicators: [] };
      groups.push(group);
    }
    group.indicators.push({
      id: indicator.id,
      label: `${indicator.label}${hint(indicator.goal, indicator.prefilled)}`,
      value: inputValue(indicator.id, form, input.typed),
    });
  }
  return {
    heading: `Dine tal for ${formatWeekWithYear(form.week)}`,
    subtitle:
      form.submittedAt === undefined
        ? formatPeriod(form.period)
        : `${formatPeriod(form.period)} · registreret ${formatDate(form.submittedAt)} – gemmer du igen, erstatter det registreringen`,
    notices: [...(input.notices ?? [])],
    noticeStyle: input.noticeStyle ?? 'default',
    errors: (input.errors ?? []).map((error) => error.message),
    intro:
      'Skriv ugens antal for hver indikator; et tomt felt tæller som 0. Det, botten selv har talt (jobåbninger, screeninger), står der på forhånd – ret det, hvis det ikke passer.',
    groups,
    weekKey: form.weekKey,
  };
}

/** The confirmation after `goals.log`: what was stored, and whether it replaced an earlier log of the week. */
export function buildGoalLogSavedViewModel(form: LogForm, replaced: boolean) {
  const week = formatWeekWithYear(form.week);
  return {
    heading: 'Ugens tal er gemt',
    text: replaced
      ? `Dine tal for ${week} er gemt og erstattede din tidligere registrering af ugen.`
      : `Dine tal for ${week} er gemt. Tak!`,
    facts: form.indicators.map((indicator) => ({
      title: indicator.label,
      value: `${formatCount(indicator.value ?? 0)}${indicator.goal === undefined ? '' : ` (mål ${formatCount(indicator.goal)})`}`,
    })),
    weekKey: form.weekKey,
  };
}
