/**
 * Real vs Mål per indicator for the team and each member: the week, the last eight weeks (the report's
 * trend chart) and the year to date (spec §3.2). Goals of a week come from the plan of that week's year,
 * so the last weeks of 2027-W01 read 2026's plan for 2026-W46 … W53.
 */
import { FLAG_BELOW, figures, sumGoals, type Figures } from './achievement';
import { goalInForce, isMemberInWeek, type GoalPlan, type PlanMember } from './goal-plan';
import type { IndicatorDefinition } from './indicator';
import { isValidIsoWeek, lastWeeks, weeksInYear, weeksOfYearUpTo, type IsoWeek } from './iso-week';
import type { WeeklyLog } from './weekly-log';

/** How many weeks "the last weeks" (the trend) show, the summarised week included. */
export const RECENT_WEEKS = 8;

export interface WeekFigures extends Figures {
  week: IsoWeek;
}

export interface YearToDate extends Figures {
  /** Weeks counted: 1 … the summarised week. */
  weeks: number;
  annualTarget: number | undefined;
  /** real / annualTarget. */
  shareOfAnnualTarget: number | undefined;
  /**
   * The first week of the year the team measured the indicator (a weekly goal in force or a count logged);
   * undefined while it has not. A plan set up in December is measured from then, not from week 1.
   */
  measuredFromWeek: number | undefined;
  /** The annual target spread evenly over the year's weeks, for the weeks measured up to now. */
  expectedByNow: number | undefined;
  /** real / expectedByNow. */
  pace: number | undefined;
  /** Pace below 80 %: behind the annual target. */
  behindAnnualTarget: boolean;
}

export interface MemberIndicatorFigures extends Figures {
  userId: string;
  name: string;
  /** Whether the member logged the week at all (Real is 0 when not). */
  logged: boolean;
  lastWeeks: WeekFigures[];
  /** The member's own year to date against the sum of their weekly goals (no annual target per member). */
  yearToDate: Figures;
}

export interface IndicatorSummary {
  indicatorId: string;
  label: string;
  group: string;
  /** The team's week: Real summed over all logs, Mål summed over the members' goals. */
  team: Figures;
  members: MemberIndicatorFigures[];
  /** The team, oldest week first, ending with the summarised week. */
  lastWeeks: WeekFigures[];
  yearToDate: YearToDate;
}

/**
 * Fast lookup of plans, logs, members and goals by week. A summary asks for every member, indicator
 * and week of the year to date, so what it asks again is answered from maps built once per summary.
 */
export class GoalLedger {
  private readonly plans = new Map<number, GoalPlan>();
  /** By {@link weekNumber}. */
  private readonly logs = new Map<number, WeeklyLog[]>();
  private readonly active = new Map<number, PlanMember[]>();
  /** Per plan year, each member's and indicator's goal entries, in the plan's order. */
  private readonly goalEntries = new Map<number, Map<string, GoalPlan['goals']>>();

  constructor(plans: readonly GoalPlan[], logs: readonly WeeklyLog[]) {
    for (const plan of plans) this.plans.set(plan.year, plan);
    for (const log of logs) {
      // Checked as a week (a stored log of a week that does not exist is an error, as before).
      const key = weekNumber({ year: log.year, week: log.week });
      const list = this.logs.get(key);
      if (list === undefined) this.logs.set(key, [log]);
      else list.push(log);
    }
  }

  plan(year: number): GoalPlan | undefined {
    return this.plans.get(year);
  }

  logsOf(week: IsoWeek): WeeklyLog[] {
    return this.logs.get(weekNumber(week)) ?? [];
  }

  logOf(userId: string, week: IsoWeek): WeeklyLog | undefined {
    return this.logsOf(week).find((log) => log.userId === userId);
  }

  /** Members expected to log the week, per the plan of its year. */
  activeMembers(week: IsoWeek): PlanMember[] {
    const key = weekNumber(week);
    let members = this.active.get(key);
    if (members === undefined) {
      members = (this.plan(week.year)?.members ?? []).filter((member) => isMemberInWeek(member, week.week));
      this.active.set(key, members);
    }
    return members;
  }

  /** As {@link weeklyGoal} answers it for the plan of the week's year. */
  goal(userId: string, indicatorId: string, week: IsoWeek): number | undefined {
    const plan = this.plan(week.year);
    if (plan === undefined || !plan.indicators.includes(indicatorId)) return undefined;
    return goalInForce(this.entriesOf(plan).get(goalKey(userId, indicatorId)) ?? [], week.week);
  }

  private entriesOf(plan: GoalPlan): Map<string, GoalPlan['goals']> {
    let byKey = this.goalEntries.get(plan.year);
    if (byKey === undefined) {
      byKey = new Map();
      for (const entry of plan.goals) {
        const key = goalKey(entry.userId, entry.indicatorId);
        const list = byKey.get(key);
        if (list === undefined) byKey.set(key, [entry]);
        else list.push(entry);
      }
      this.goalEntries.set(plan.year, byKey);
    }
    return byKey;
  }

  /** Whether anyone logged a count of the indicator in the week (a count of 0 included). */
  counted(indicatorId: string, week: IsoWeek): boolean {
    return this.logsOf(week).some((log) => log.counts[indicatorId] !== undefined);
  }

  teamWeek(indicatorId: string, week: IsoWeek): WeekFigures {
    const real = this.logsOf(week).reduce((sum, log) => sum + (log.counts[indicatorId] ?? 0), 0);
    const goal = sumGoals(this.activeMembers(week).map((member) => this.goal(member.userId, indicatorId, week)));
    return { week, ...figures(real, goal) };
  }

  memberWeek(userId: string, indicatorId: string, week: IsoWeek): WeekFigures {
    const real = this.logOf(userId, week)?.counts[indicatorId] ?? 0;
    const active = this.activeMembers(week).some((member) => member.userId === userId);
    return { week, ...figures(real, active ? this.goal(userId, indicatorId, week) : undefined) };
  }
}

/** A week as one number (2026-W07 is 202607); a week that does not exist is refused as {@link weekKey} refuses it. */
function weekNumber(week: IsoWeek): number {
  if (!isValidIsoWeek(week)) throw new RangeError(`Not an ISO week: ${JSON.stringify(week)}`);
  return week.year * 100 + week.week;
}

function goalKey(userId: string, indicatorId: string): string {
  return `${userId}\u0000${indicatorId}`;
}

function onlyFigures(value: Figures): Figures {
  return { real: value.real, goal: value.goal, achievement: value.achievement, flagged: value.flagged };
}

function total(weeks: readonly WeekFigures[]): Figures {
  return figures(
    weeks.reduce((sum, week) => sum + week.real, 0),
    sumGoals(weeks.map((week) => week.goal)),
  );
}

/**
 * The people in the week's rows: those expected to log it, then anyone else who logged it (someone
 * who left the team but logged the week before), by name.
 */
export function summaryMembers(ledger: GoalLedger, week: IsoWeek): PlanMember[] {
  const active = ledger.activeMembers(week);
  const others = ledger
    .logsOf(week)
    .filter((log) => !active.some((member) => member.userId === log.userId))
    .map((log) => {
      const known = ledger.plan(week.year)?.members.find((member) => member.userId === log.userId);
      return { userId: log.userId, name: known?.name ?? log.userId, fromWeek: week.week };
    });
  return [...active, ...others].sort((a, b) => a.name.localeCompare(b.name, 'da-DK'));
}

/**
 * The first week of the year the team measured an indicator: a weekly goal in force for an active member, or a
 * count logged. An annual target is expected only from then: a plan set up in December is not behind against
 * weeks 1–48.
 */
export function firstMeasuredWeek(
  ledger: GoalLedger,
  indicatorId: string,
  teamWeeks: readonly WeekFigures[],
): number | undefined {
  return teamWeeks.find((each) => each.goal !== undefined || ledger.counted(indicatorId, each.week))?.week.week;
}

/** The annual target pro-rated to the weeks from the first measured week through `through`, the year's weeks dividing it. */
export function proRatedTarget(
  annualTarget: number | undefined,
  measuredFrom: number | undefined,
  through: IsoWeek,
): number | undefined {
  if (annualTarget === undefined || measuredFrom === undefined) return undefined;
  return (annualTarget * Math.max(0, through.week - measuredFrom + 1)) / weeksInYear(through.year);
}

export function indicatorSummary(
  ledger: GoalLedger,
  indicator: IndicatorDefinition,
  week: IsoWeek,
  members: readonly PlanMember[],
): IndicatorSummary {
  const recent = lastWeeks(week, RECENT_WEEKS);
  const yearWeeks = weeksOfYearUpTo(week);
  const teamWeeks = yearWeeks.map((each) => ledger.teamWeek(indicator.id, each));
  const teamYear = total(teamWeeks);
  const annualTarget = ledger.plan(week.year)?.annualTargets[indicator.id];
  const measuredFrom = firstMeasuredWeek(ledger, indicator.id, teamWeeks);
  const expectedByNow = proRatedTarget(annualTarget, measuredFrom, week);
  const pace = expectedByNow === undefined || expectedByNow <= 0 ? undefined : teamYear.real / expectedByNow;
  return {
    indicatorId: indicator.id,
    label: indicator.label,
    group: indicator.group,
    team: onlyFigures(ledger.teamWeek(indicator.id, week)),
    members: members.map((member) => {
      return {
        userId: member.userId,
        name: member.name,
        logged: ledger.logOf(member.userId, week) !== undefined,
        ...onlyFigures(ledger.memberWeek(member.userId, indicator.id, week)),
        lastWeeks: recent.map((each) => ledger.memberWeek(member.userId, indicator.id, each)),
        yearToDate: total(yearWeeks.map((each) => ledger.memberWeek(member.userId, indicator.id, each))),
      };
    }),
    lastWeeks: recent.map((each) => ledger.teamWeek(indicator.id, each)),
    yearToDate: {
      ...teamYear,
      weeks: week.week,
      annualTarget,
      shareOfAnnualTarget: annualTarget === undefined || annualTarget <= 0 ? undefined : teamYear.real / annualTarget,
      measuredFromWeek: measuredFrom,
      expectedByNow,
      pace,
      behindAnnualTarget: pace !== undefined && pace < FLAG_BELOW,
    },
  };
}
