import type { GoalPlan } from '../../../rules/goals/goal-plan';
import type { MembersChange } from '../../../rules/goals/goal-plan.changes';

/**
 * Reads the set-up card's member checklist as a change of the plan: a member is ticked while not taken
 * out (no last week), so ticking someone taken out takes them in again and unticking someone takes
 * them out, both from the week typed. Ids that are not in the plan are ignored: people join themselves.
 */
export function membersChangeFromChecklist(
  plan: GoalPlan,
  ticked: readonly string[],
  rawFromWeek: unknown,
): MembersChange {
  const selected = new Set(ticked);
  return {
    add: plan.members
      .filter((member) => member.untilWeek !== undefined && selected.has(member.userId))
      .map((member) => ({ userId: member.userId, name: member.name })),
    remove: plan.members
      .filter((member) => member.untilWeek === undefined && !selected.has(member.userId))
      .map((member) => member.userId),
    fromWeek: rawFromWeek,
  };
}

/** The year a plan card was for; undefined when the card carries none that can be a plan's year. */
export function planYearOf(raw: unknown): number | undefined {
  const year = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{4}$/u.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(year) && year >= 2000 && year <= 2999 ? year : undefined;
}

/** Which part of the goals grid a card was for (0-based); the first for anything else. */
export function planPartOf(raw: unknown): number {
  const part = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,3}$/u.test(raw) ? Number(raw) : 0;
  return Number.isInteger(part) && part >= 0 ? part : 0;
}
