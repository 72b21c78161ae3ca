/**
 * The leader's card of the team's own indicators (`mål indikatorer`): those in use and those retired, a
 * form to rename or retire one (chosen from a list; retiring is confirmed first) and a form to add one
 * (name and group, from the list or a new one). One form for all keeps the card small however many there are. It carries the list's etag, so a change applies only to what it showed.
 */
import type { GoalFieldError } from '../../rules/goals/count-input';
import type { IndicatorCatalog } from '../../rules/goals/indicator';
import { formatWeek, nextWeek, parseWeekKey } from '../../rules/goals/iso-week';
import { MAX_INDICATOR_LABEL, currentLabel, type TeamIndicator } from '../../rules/goals/team-indicators';
import type { TeamIndicatorsView } from '../../rules/goals/team-indicators.service';
import type { NoticeStyle } from './goal-log.view-models';

export interface GoalIndicatorsInput {
  view: TeamIndicatorsView;
  catalogue: IndicatorCatalog;
  notices?: readonly string[];
  noticeStyle?: NoticeStyle;
  errors?: readonly GoalFieldError[];
  /** What the leader typed, shown again after a problem (CPR-shaped values already emptied). */
  typed?: Readonly<Record<string, unknown>>;
}

function typedText(typed: Readonly<Record<string, unknown>> | undefined, id: string): string | undefined {
  const value = typed?.[id];
  return typeof value === 'string' ? value : undefined;
}

function weekOf(key: string | undefined): string {
  const week = key === undefined ? undefined : parseWeekKey(key);
  return week === undefined ? '' : formatWeek(week);
}

export function buildGoalIndicatorsViewModel(input: GoalIndicatorsInput) {
  const { value, etag, week } = input.view;
  const groups = new Map([...input.catalogue.groups, ...value.groups].map((group) => [group.id, group.label]));
  const groupOf = (indicator: TeamIndicator) => groups.get(indicator.group) ?? indicator.group;
  const inUse = value.indicators.filter((indicator) => indicator.retiredFrom === undefined);
  const retired = value.indicators.filter((indicator) => indicator.retiredFrom !== undefined);
  return {
    notices: [...(input.notices ?? [])],
    hasNotices: (input.notices ?? []).length > 0,
    noticeStyle: input.noticeStyle ?? 'default',
    errors: (input.errors ?? []).map((error) => error.message),
    hasErrors: (input.errors ?? []).length > 0,
    etag: etag ?? null,
    intro: `Kataloget har ${input.catalogue.indicators.length} indikatorer. Her tilføjer du teamets egne; de kan derefter vælges i **mål opsæt** som katalogets. Et nyt navn gælder fra denne uge (${formatWeek(week)}), tidligere uger beholder det gamle navn.`,
    hasOwn: inUse.length > 0,
    noneText: 'Teamet har ingen egne indikatorer endnu.',
    own: inUse.map((indicator) => {
      const earlier = indicator.labels.slice(0, -1).map((entry) => entry.label);
      return {
        label: currentLabel(indicator),
        details: [
          `Gruppe: ${groupOf(indicator)}`,
          `tilføjet ${weekOf(indicator.labels[0]?.fromWeek)}`,
          ...(earlier.length > 0 ? [`tidligere: ${earlier.join(', ')}`] : []),
        ].join(' · '),
      };
    }),
    ownChoices: inUse.map((indicator) => ({ title: currentLabel(indicator), value: indicator.id })),
    chosenIndicator: typedText(input.typed, 'indicatorId') ?? inUse[0]?.id ?? '',
    newLabel: typedText(input.typed, 'newLabel') ?? '',
    retireText: `Den valgte indikator udgår fra ${formatWeek(nextWeek(week))}: den kan ikke vælges i planen eller registreres for de kommende uger. Tidligere uger beholder deres tal og navn.`,
    hasRetired: retired.length > 0,
    retiredText: `Udgået: ${retired.map((indicator) => `${currentLabel(indicator)} (fra ${weekOf(indicator.retiredFrom)})`).join(', ')}.`,
    maxLength: MAX_INDICATOR_LABEL,
    addLabel: typedText(input.typed, 'label') ?? '',
    groupChoices: [...input.catalogue.groups, ...value.groups].map((group) => ({
      title: group.label,
      value: group.id,
    })),
    addGroup: typedText(input.typed, 'group') ?? input.catalogue.groups[0]?.id ?? '',
    addNewGroup: typedText(input.typed, 'newGroup') ?? '',
  };
}
