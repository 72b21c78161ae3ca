/**
 * A team's own indicators (spec §3.1: "A team may add its own indicators (id, Danish label, group)"),
 * beside the catalogue's (rules/data/indicators.json). A leader adds, renames and retires them.
 *
 * History keeps its labels: every label an indicator has had is kept with the ISO week it took effect,
 * so a week's log card, report or export names the indicator as it was called that week. The id never
 * changes (logs, goals and targets are stored by id), so a rename rewrites nothing stored. Retiring
 * takes effect from the next week: the indicator is no longer offered in the set-up, nor on the log
 * cards of the weeks from then on, while the weeks before keep it, with their figures and label.
 */
import { cprRefusal, holdsCprShape } from '../shared/cpr-shape';
import type { GoalFieldError } from './count-input';
import type { IndicatorCatalog, IndicatorDefinition, IndicatorGroup } from './indicator';
import { compareWeeks, nextWeek, parseWeekKey, weekKey, type IsoWeek } from './iso-week';

/** Longer than this a label does not fit a card's column (the longest in the catalogue is 32). */
export const MAX_INDICATOR_LABEL = 50;
/** Every own indicator's id starts so: it can never be a catalogue id, now or after the catalogue grows. */
export const OWN_INDICATOR_PREFIX = 'egen_';

export interface TeamIndicatorLabel {
  /** The week (key, "2026-W07") from which the label is used. */
  fromWeek: string;
  label: string;
}

export interface TeamIndicator {
  /** Stable: derived from the first label, unique in the team, never a catalogue id. */
  id: string;
  /** A catalogue group's id, or one of the team's own groups. */
  group: string;
  /** Oldest first; the first is the label the indicator was added with. */
  labels: TeamIndicatorLabel[];
  /** The first week (key) it is not offered in; absent while in use. */
  retiredFrom?: string;
}

/** The team's own indicators and the groups it made for them, one document per team. */
export interface TeamIndicators {
  teamId: string;
  /** Groups the team added (a heading of its own); the catalogue's groups are not repeated here. */
  groups: IndicatorGroup[];
  indicators: TeamIndicator[];
  updatedBy: string;
  updatedAt: string;
}

export function emptyTeamIndicators(teamId: string, by: string, at: string): TeamIndicators {
  return { teamId, groups: [], indicators: [], updatedBy: by, updatedAt: at };
}

/** The label an indicator had in a week: the latest that took effect by then (the first before it was added). */
export function labelInWeek(indicator: TeamIndicator, week: IsoWeek): string {
  let label = indicator.labels[0]?.label ?? indicator.id;
  for (const entry of indicator.labels) {
    const from = parseWeekKey(entry.fromWeek);
    if (from !== undefined && compareWeeks(from, week) <= 0) label = entry.label;
  }
  return label;
}

export function currentLabel(indicator: TeamIndicator): string {
  return indicator.labels.at(-1)?.label ?? indicator.id;
}

/** Whether the indicator is offered in a week: not retired, or retired after that week. */
export function isInUseIn(indicator: TeamIndicator, week: IsoWeek): boolean {
  const retired = indicator.retiredFrom === undefined ? undefined : parseWeekKey(indicator.retiredFrom);
  return retired === undefined || compareWeeks(week, retired) < 0;
}

export interface TeamCatalogView {
  /** Labels as they were in this week. */
  labelsIn: IsoWeek;
  /**
   * Which own indicators are included: those in use in this week; `'not-retired'` only those never
   * retired (what a leader may choose for a plan).
   */
  inUse: IsoWeek | 'not-retired';
}

/**
 * The catalogue for a team: the catalogue's indicators and groups, with the team's own indicators after
 * their group's (a group of its own after the catalogue's groups), as `view` says. Its labels stay
 * unique: a label is refused when it is in use (see {@link checkLabel}).
 */
export function teamCatalog(
  base: IndicatorCatalog,
  own: TeamIndicators | undefined,
  view: TeamCatalogView,
): IndicatorCatalog {
  if (own === undefined || own.indicators.length === 0) return base;
  const included = own.indicators.filter((indicator) =>
    view.inUse === 'not-retired' ? indicator.retiredFrom === undefined : isInUseIn(indicator, view.inUse),
  );
  const definitions = (group: string): IndicatorDefinition[] =>
    included
      .filter((indicator) => indicator.group === group)
      .map((indicator) => ({ id: indicator.id, group, label: labelInWeek(indicator, view.labelsIn) }));
  const ownGroups = own.groups.filter((group) => !base.groups.some((each) => each.id === group.id));
  const groups = [...base.groups, ...ownGroups.filter((group) => definitions(group.id).length > 0)];
  return {
    version: `${base.version}+${own.teamId}`,
    groups,
    indicators: groups.flatMap((group) => [
      ...base.indicators.filter((indicator) => indicator.group === group.id),
      ...definitions(group.id),
    ]),
  };
}

// ---- what a leader changes ----

export type TeamIndicatorsChange =
  { ok: true; value: TeamIndicators; indicator: TeamIndicator } | { ok: false; errors: GoalFieldError[] };

export interface TeamIndicatorsStamp {
  by: string;
  at: string;
  /** The week a change takes effect in (a rename) or after (a retirement): today's. */
  week: IsoWeek;
}

const fold = (text: string) => text.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('da-DK');

/** An id from a label: "Netværksmøder (CSR)" → "egen_netvaerksmoeder_csr". */
export function indicatorIdFrom(label: string): string {
  const slug = fold(label)
    .replace(/æ/gu, 'ae')
    .replace(/ø/gu, 'oe')
    .replace(/å/gu, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^a-z0-9]+/gu, '_')
    .replace(/^_+|_+$/gu, '')
    .slice(0, 40)
    .replace(/_+$/u, '');
  return `${OWN_INDICATOR_PREFIX}${slug === '' ? 'indikator' : slug}`;
}

/** A new id: from the label, with _2, _3 … when the team has (or had) one with that id. */
function newIndicatorId(label: string, taken: ReadonlySet<string>): string {
  const base = indicatorIdFrom(label);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * A label as typed, cleaned (spaces), or the problem in Danish. Refused: empty, too long, CPR-shaped, or
 * a label another indicator has now (the catalogue's, or the team's, retired ones included: a report
 * names an indicator by its label alone).
 */
export function checkLabel(
  raw: unknown,
  base: IndicatorCatalog,
  own: TeamIndicators,
  field: string,
  exceptId?: string,
): string | GoalFieldError {
  if (holdsCprShape(raw)) return { field, message: cprRefusal('Navn') };
  const label = typeof raw === 'string' ? raw.normalize('NFC').trim().replace(/\s+/gu, ' ') : '';
  if (label === '') return { field, message: 'Navn: skriv indikatorens navn, fx "Netværksmøder".' };
  if (label.length > MAX_INDICATOR_LABEL) {
    return {
      field,
      message: `Navn: højst ${MAX_INDICATOR_LABEL} tegn (du skrev ${label.length}). Forkort navnet.`,
    };
  }
  const wanted = fold(label);
  const clash =
    base.indicators.find((indicator) => fold(indicator.label) === wanted)?.label ??
    own.indicators
      .filter((indicator) => indicator.id !== exceptId)
      .find((indicator) => indicator.labels.some((entry) => fold(entry.label) === wanted))?.labels[0]?.label;
  if (clash !== undefined) {
    return { field, message: `Navn: "${clash}" findes allerede som indikator. Vælg et andet navn.` };
  }
  return label;
}

/**
 * The group a leader chose: a group from the list (`chosen`, a group id), or a new one typed
 * (`typed`, a heading), which wins when both are given. A typed heading that is an existing group's
 * (the catalogue's or the team's) is that group.
 */
function resolveGroup(
  chosen: unknown,
  typed: unknown,
  base: IndicatorCatalog,
  own: TeamIndicators,
): { group: IndicatorGroup; isNew: boolean } | GoalFieldError {
  const groups = [...base.groups, ...own.groups];
  if (holdsCprShape(typed)) return { field: 'newGroup', message: cprRefusal('Ny gruppe') };
  const heading = typeof typed === 'string' ? typed.normalize('NFC').trim().replace(/\s+/gu, ' ') : '';
  if (heading !== '') {
    if (heading.length > MAX_INDICATOR_LABEL) {
      return {
        field: 'newGroup',
        message: `Ny gruppe: højst ${MAX_INDICATOR_LABEL} tegn (du skrev ${heading.length}).`,
      };
    }
    const existing = groups.find((group) => fold(group.label) === fold(heading) || group.id === fold(heading));
    if (existing !== undefined) return { group: existing, isNew: false };
    // A group of the team's own has its heading as id: it exists only as that heading, and anything
    // that falls back to a group's id (the export's group column) still shows the heading.
    return { group: { id: heading, label: heading }, isNew: true };
  }
  const found = typeof chosen === 'string' ? groups.find((group) => group.id === chosen) : undefined;
  if (found === undefined) {
    return { field: 'group', message: 'Gruppe: vælg en gruppe på listen, eller skriv navnet på en ny.' };
  }
  return { group: found, isNew: false };
}

/** Adds an indicator (label and group as typed); it is offered from the week it is added. */
export function addTeamIndicator(
  own: TeamIndicators,
  base: IndicatorCatalog,
  raw: { label: unknown; group: unknown; newGroup: unknown },
  stamp: TeamIndicatorsStamp,
): TeamIndicatorsChange {
  const errors: GoalFieldError[] = [];
  const label = checkLabel(raw.label, base, own, 'label');
  if (typeof label !== 'string') errors.push(label);
  const group = resolveGroup(raw.group, raw.newGroup, base, own);
  if ('field' in group) errors.push(group);
  if (typeof label !== 'string' || 'field' in group) return { ok: false, errors };
  const taken = new Set([
    ...base.indicators.map((indicator) => indicator.id),
    ...own.indicators.map((indicator) => indicator.id),
  ]);
  const indicator: TeamIndicator = {
    id: newIndicatorId(label, taken),
    group: group.group.id,
    labels: [{ fromWeek: weekKey(stamp.week), label }],
  };
  return {
    ok: true,
    indicator,
    value: {
      ...own,
      groups: group.isNew ? [...own.groups, group.group] : own.groups,
      indicators: [...own.indicators, indicator],
      updatedBy: stamp.by,
      updatedAt: stamp.at,
    },
  };
}

function findOwn(own: TeamIndicators, id: unknown): TeamIndicator | GoalFieldError {
  const found = own.indicators.find((indicator) => indicator.id === id);
  if (found === undefined) return { field: 'indicatorId', message: 'Indikatoren findes ikke blandt teamets egne.' };
  if (found.retiredFrom !== undefined) {
    return { field: 'indicatorId', message: `"${currentLabel(found)}" er udgået og kan ikke ændres.` };
  }
  return found;
}

function replaced(own: TeamIndicators, next: TeamIndicator, stamp: TeamIndicatorsStamp): TeamIndicators {
  return {
    ...own,
    indicators: own.indicators.map((indicator) => (indicator.id === next.id ? next : indicator)),
    updatedBy: stamp.by,
    updatedAt: stamp.at,
  };
}

/**
 * Renames an indicator from this week on: earlier weeks keep the label they had. A second rename in
 * the same week replaces that week's label.
 */
export function renameTeamIndicator(
  own: TeamIndicators,
  base: IndicatorCatalog,
  id: unknown,
  rawLabel: unknown,
  stamp: TeamIndicatorsStamp,
): TeamIndicatorsChange {
  const found = findOwn(own, id);
  if ('field' in found) return { ok: false, errors: [found] };
  const field = 'newLabel';
  // Its own earlier labels do not count: "Kanvas 2" may become "Kanvas" again.
  const label = checkLabel(rawLabel, base, own, field, found.id);
  if (typeof label !== 'string') return { ok: false, errors: [label] };
  if (label === currentLabel(found)) {
    return { ok: false, errors: [{ field, message: `Navn: indikatoren hedder allerede "${label}".` }] };
  }
  const from = weekKey(stamp.week);
  const next: TeamIndicator = {
    ...found,
    labels: [...found.labels.filter((entry) => entry.fromWeek !== from), { fromWeek: from, label }],
  };
  return { ok: true, indicator: next, value: replaced(own, next, stamp) };
}

/** Retires an indicator from next week on: this week and earlier keep it, with their figures. */
export function retireTeamIndicator(
  own: TeamIndicators,
  id: unknown,
  stamp: TeamIndicatorsStamp,
): TeamIndicatorsChange {
  const found = findOwn(own, id);
  if ('field' in found) return { ok: false, errors: [found] };
  const next: TeamIndicator = { ...found, retiredFrom: weekKey(nextWeek(stamp.week)) };
  return { ok: true, indicator: next, value: replaced(own, next, stamp) };
}
