/**
 * What a leader changes in the team's goal plan, checked and applied as pure functions. Inputs come as
 * typed in the cards (text or numbers, by input id); problems come back in Danish, one per field.
 */
import { cprRefusal, holdsCprShape } from '../shared/cpr-shape';
import { parseCount, type GoalFieldError } from './count-input';
import type { IndicatorCatalog } from './indicator';
import { findIndicator } from './indicator-catalog';
import { weeksInYear } from './iso-week';
import { weeklyGoal, type GoalPlan, type PlanMember, type WeeklyGoalEntry } from './goal-plan';

/** Above this a weekly goal is surely a typing error. */
export const MAX_WEEKLY_GOAL = 999;
/** Above this an annual target is surely a typing error. */
export const MAX_ANNUAL_TARGET = 99_999;

export type PlanChangeResult = { ok: true; plan: GoalPlan } | { ok: false; errors: GoalFieldError[] };

/** Who changes the plan, and when (the plan records the last change). */
export interface PlanChangeStamp {
  by: string;
  at: string;
}

function stamped(plan: GoalPlan, stamp: PlanChangeStamp): GoalPlan {
  const next: GoalPlan = { ...plan, updatedBy: stamp.by, updatedAt: stamp.at };
  delete next.carriedOverFrom;
  return next;
}

/** Reads a week of the plan's year from a card ("7", 7). */
export function parsePlanWeek(raw: unknown, year: number, field = 'fromWeek'): number | GoalFieldError {
  if (holdsCprShape(raw)) return { field, message: cprRefusal('Fra uge') };
  const last = weeksInYear(year);
  const parsed = parseCount(raw, 'Fra uge', last);
  if (!parsed.ok || parsed.value === undefined || parsed.value < 1) {
    return { field, message: `Fra uge: skriv en uge fra 1 til ${last} (${year} har ${last} uger).` };
  }
  return parsed.value;
}

/**
 * The indicators the team uses. A multi-select choice set in a card submits "a,b,c"; a list works too.
 * Goals of an indicator taken out stay in the plan (and its logs stay stored), so putting it back
 * restores them.
 */
export function chooseIndicators(
  plan: GoalPlan,
  raw: unknown,
  catalog: IndicatorCatalog,
  stamp: PlanChangeStamp,
): PlanChangeResult {
  // Checked whole: "010190,1234" is a CPR number before it is split into two unknown ids.
  if (holdsCprShape(raw)) return { ok: false, errors: [{ field: 'indicators', message: cprRefusal('Indikatorer') }] };
  const ids = (Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : [])
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const unknown = ids.filter((id) => findIndicator(catalog, id) === undefined);
  if (unknown.length > 0) {
    return {
      ok: false,
      errors: [{ field: 'indicators', message: `Indikatorer: ukendt indikator (${unknown.join(', ')}).` }],
    };
  }
  const chosen = catalog.indicators.filter((indicator) => ids.includes(indicator.id)).map((indicator) => indicator.id);
  return { ok: true, plan: { ...stamped(plan, stamp), indicators: chosen } };
}

export interface MembersChange {
  /** People who log from `fromWeek` (name updated when already in the plan). */
  add?: readonly { userId: string; name: string }[];
  /** People who no longer log from `fromWeek` (their earlier weeks stay in the statistics). */
  remove?: readonly string[];
  fromWeek: unknown;
}

/**
 * Adds and removes members from a week on. A member has one period: adding someone who left clears
 * their end and keeps the earlier start, so their past logs still count.
 */
export function updateMembers(plan: GoalPlan, change: MembersChange, stamp: PlanChangeStamp): PlanChangeResult {
  const fromWeek = parsePlanWeek(change.fromWeek, plan.year);
  if (typeof fromWeek !== 'number') return { ok: false, errors: [fromWeek] };
  const members = new Map<string, PlanMember>(plan.members.map((member) => [member.userId, { ...member }]));
  for (const person of change.add ?? []) {
    const existing = members.get(person.userId);
    const name = person.name.trim() === '' ? (existing?.name ?? person.userId) : person.name.trim();
    members.set(person.userId, {
      userId: person.userId,
      name,
      fromWeek: Math.min(existing?.fromWeek ?? fromWeek, fromWeek),
    });
  }
  for (const userId of change.remove ?? []) {
    const existing = members.get(userId);
    if (existing === undefined) continue;
    members.set(userId, { ...existing, untilWeek: fromWeek - 1 });
  }
  return { ok: true, plan: { ...stamped(plan, stamp), members: [...members.values()] } };
}

/** The plan with `entries` added, each replacing an entry of the same member, indicator and first week. */
function withGoalEntries(plan: GoalPlan, entries: readonly WeeklyGoalEntry[], stamp: PlanChangeStamp): GoalPlan {
  const replaced = (entry: WeeklyGoalEntry) =>
    entries.some(
      (next) =>
        next.userId === entry.userId && next.indicatorId === entry.indicatorId && next.fromWeek === entry.fromWeek,
    );
  return { ...stamped(plan, stamp), goals: [...plan.goals.filter((entry) => !replaced(entry)), ...entries] };
}

/**
 * One member's weekly goals from a week on, one input per chosen indicator (input id = indicator id).
 * An empty input is 0: no goal from that week. Entries from later weeks stay and take over in their week.
 */
export function setMemberGoals(
  plan: GoalPlan,
  userId: string,
  rawFromWeek: unknown,
  raw: Readonly<Record<string, unknown>>,
  catalog: IndicatorCatalog,
  stamp: PlanChangeStamp,
): PlanChangeResult {
  const errors: GoalFieldError[] = [];
  if (!plan.members.some((member) => member.userId === userId)) {
    errors.push({ field: 'userId', message: 'Medarbejderen er ikke med i teamets målstyring endnu.' });
  }
  const fromWeek = parsePlanWeek(rawFromWeek, plan.year);
  if (typeof fromWeek !== 'number') errors.push(fromWeek);
  const entries: WeeklyGoalEntry[] = [];
  for (const indicatorId of plan.indicators) {
    if (!(indicatorId in raw)) continue;
    const label = findIndicator(catalog, indicatorId)?.label ?? indicatorId;
    const parsed = parseCount(raw[indicatorId], label, MAX_WEEKLY_GOAL);
    if (!parsed.ok) errors.push({ field: indicatorId, message: parsed.message });
    else if (typeof fromWeek === 'number') entries.push({ userId, indicatorId, fromWeek, goal: parsed.value ?? 0 });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, plan: withGoalEntries(plan, entries, stamp) };
}

/** The team's annual targets, one input per chosen indicator; an empty input removes the target. */
export function setAnnualTargets(
  plan: GoalPlan,
  raw: Readonly<Record<string, unknown>>,
  catalog: IndicatorCatalog,
  stamp: PlanChangeStamp,
): PlanChangeResult {
  const errors: GoalFieldError[] = [];
  const targets: Record<string, number> = { ...plan.annualTargets };
  for (const indicatorId of plan.indicators) {
    if (!(indicatorId in raw)) continue;
    const label = findIndicator(catalog, indicatorId)?.label ?? indicatorId;
    const parsed = parseCount(raw[indicatorId], label, MAX_ANNUAL_TARGET);
    if (!parsed.ok) errors.push({ field: indicatorId, message: parsed.message });
    else if (parsed.value === undefined) delete targets[indicatorId];
    else targets[indicatorId] = parsed.value;
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, plan: { ...stamped(plan, stamp), annualTargets: targets } };
}

/** One cell of the goals grid as typed: a member's weekly goal for an indicator. */
export interface TeamGoalCell {
  userId: string;
  indicatorId: string;
  raw: unknown;
}

/**
 * Several members' weekly goals from a week on, as the goals grid sends them (one cell per member and
 * indicator). An empty cell is 0: no goal. Only a cell that differs from the goal in force that week adds
 * an entry, so saving a grid nobody touched changes nothing; later entries stay and take over in their week.
 * A problem names the member and the indicator; nothing is saved while any cell is wrong.
 */
export function setTeamGoals(
  plan: GoalPlan,
  rawFromWeek: unknown,
  cells: readonly TeamGoalCell[],
  catalog: IndicatorCatalog,
  stamp: PlanChangeStamp,
): PlanChangeResult {
  const errors: GoalFieldError[] = [];
  const fromWeek = parsePlanWeek(rawFromWeek, plan.year);
  if (typeof fromWeek !== 'number') errors.push(fromWeek);
  const entries: WeeklyGoalEntry[] = [];
  for (const cell of cells) {
    const member = plan.members.find((candidate) => candidate.userId === cell.userId);
    if (member === undefined || !plan.indicators.includes(cell.indicatorId)) continue;
    const label = `${member.name}, ${findIndicator(catalog, cell.indicatorId)?.label ?? cell.indicatorId}`;
    const parsed = parseCount(cell.raw, label, MAX_WEEKLY_GOAL);
    if (!parsed.ok) {
      errors.push({ field: `${cell.userId}|${cell.indicatorId}`, message: parsed.message });
      continue;
    }
    if (typeof fromWeek !== 'number') continue;
    const goal = parsed.value ?? 0;
    if (goal === (weeklyGoal(plan, cell.userId, cell.indicatorId, fromWeek) ?? 0)) continue;
    entries.push({ userId: cell.userId, indicatorId: cell.indicatorId, fromWeek, goal });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, plan: withGoalEntries(plan, entries, stamp) };
}
