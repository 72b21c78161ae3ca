/**
 * A team's goal plan for one (ISO week-)year (spec §3, seed 003 "Målstyring i virksomhedsteamet"): the
 * indicators the leader chose, who logs, the weekly goal (Mål) per member and indicator, and the team's
 * annual targets. Goals change during the year without rewriting the past: an entry holds from its week
 * until a later entry for the same member and indicator takes over.
 */
import { weeksInYear } from './iso-week';

/** Someone who logs weekly counts. Weeks are weeks of the plan's year. */
export interface PlanMember {
  /** The Teams user (AAD object) id. */
  userId: string;
  /** Display name, for the leader's summary. */
  name: string;
  /** First week the member logs. */
  fromWeek: number;
  /** Last week the member logs; absent while they are in the team. */
  untilWeek?: number;
}

/** The weekly goal of one member for one indicator, from a week on (until a later entry supersedes it). */
export interface WeeklyGoalEntry {
  userId: string;
  indicatorId: string;
  fromWeek: number;
  /** Count per week; 0 means no goal (nothing to achieve, never flagged). */
  goal: number;
}

export interface GoalPlan {
  teamId: string;
  /** The ISO week-year the plan covers (week 1 … 52/53). */
  year: number;
  /** The indicators the team uses, by id (see rules/data/indicators.json). */
  indicators: string[];
  members: PlanMember[];
  goals: WeeklyGoalEntry[];
  /** The team's annual target per indicator id, where the team has one (from the employment plan). */
  annualTargets: Record<string, number>;
  updatedBy: string;
  updatedAt: string;
  /** Set on a plan that was carried over from the previous year and not yet saved by a leader. */
  carriedOverFrom?: number;
}

export function emptyGoalPlan(teamId: string, year: number, by: string, at: string): GoalPlan {
  return { teamId, year, indicators: [], members: [], goals: [], annualTargets: {}, updatedBy: by, updatedAt: at };
}

export function isMemberInWeek(member: PlanMember, week: number): boolean {
  return member.fromWeek <= week && (member.untilWeek === undefined || week <= member.untilWeek);
}

/** The members expected to log a week of the plan's year. */
export function membersInWeek(plan: GoalPlan, week: number): PlanMember[] {
  return plan.members.filter((member) => isMemberInWeek(member, week));
}

export function findMember(plan: GoalPlan, userId: string): PlanMember | undefined {
  return plan.members.find((member) => member.userId === userId);
}

/**
 * The weekly goal in force for a member and indicator in a week: the entry with the latest `fromWeek`
 * at or before the week. Undefined when none has been set (or the indicator is not in the plan).
 */
export function weeklyGoal(plan: GoalPlan, userId: string, indicatorId: string, week: number): number | undefined {
  if (!plan.indicators.includes(indicatorId)) return undefined;
  return goalInForce(
    plan.goals.filter((entry) => entry.userId === userId && entry.indicatorId === indicatorId),
    week,
  );
}

/** Of one member's entries for one indicator (in the plan's order), the goal in force in a week. */
export function goalInForce(entries: readonly WeeklyGoalEntry[], week: number): number | undefined {
  let best: WeeklyGoalEntry | undefined;
  for (const entry of entries) {
    if (entry.fromWeek > week) continue;
    if (best === undefined || entry.fromWeek >= best.fromWeek) best = entry;
  }
  return best?.goal;
}

/**
 * The plan a new year starts from until a leader saves one: the same indicators, the members still in
 * the team at the end of the year and their goals then in force, all from week 1. Annual targets are
 * not carried: they belong to a year's employment plan.
 */
export function carryOverPlan(previous: GoalPlan, year: number): GoalPlan {
  const lastWeek = weeksInYear(previous.year);
  const members = membersInWeek(previous, lastWeek).map((member) => ({
    userId: member.userId,
    name: member.name,
    fromWeek: 1,
  }));
  const goals: WeeklyGoalEntry[] = [];
  for (const member of members) {
    for (const indicatorId of previous.indicators) {
      const goal = weeklyGoal(previous, member.userId, indicatorId, lastWeek);
      if (goal !== undefined) goals.push({ userId: member.userId, indicatorId, fromWeek: 1, goal });
    }
  }
  return {
    teamId: previous.teamId,
    year,
    indicators: [...previous.indicators],
    members,
    goals,
    annualTargets: {},
    updatedBy: previous.updatedBy,
    updatedAt: previous.updatedAt,
    carriedOverFrom: previous.year,
  };
}
