import { parseWeekArgument } from '../commands/week-argument.parser';
import { calendarDate } from '../shared/copenhagen-calendar';
import { containsCprShape, withoutCprShapes } from '../shared/cpr-shape';
import type { Clock } from '../shared/clock';
import type { FollowUpRepository } from '../follow-ups/follow-up.repository';
import type { GoalPlanRepository } from './goal-plan.repository';
import type { OpeningRepository } from '../openings/opening.repository';
import type { ScreeningStatisticsRepository } from '../screening/screening-statistics.repository';
import type { WeeklyLogRepository } from './weekly-log.repository';
import type { Actor } from '../teams/actor';
import { FINAL_FOLLOW_UP_WEEK } from '../follow-ups/follow-up';
import type { GoalFieldError } from './count-input';
import {
  carryOverPlan,
  emptyGoalPlan,
  findMember,
  isMemberInWeek,
  weeklyGoal,
  type GoalPlan,
  type PlanMember,
} from './goal-plan';
import {
  chooseIndicators,
  setAnnualTargets,
  setMemberGoals,
  setTeamGoals,
  updateMembers,
  type TeamGoalCell,
  type MembersChange,
  type PlanChangeResult,
  type PlanChangeStamp,
} from './goal-plan.changes';
import type { IndicatorCatalog } from './indicator';
import { catalogueOnly, type TeamCatalogs } from './team-indicators.service';
import { indicatorsIn } from './indicator-catalog';
import {
  isValidIsoWeek,
  isoWeekOfDate,
  parseWeekKey,
  weekDates,
  weekInstants,
  weekKey,
  weeksInYear,
  type IsoWeek,
} from './iso-week';
import { prefillCounts } from './log-prefill';
import { membersMissingLog } from './log-reminders';
import type { CapacitySettings } from './screening-week-statistics';
import { reportFor, type WeeklyReport } from './summary-visibility';
import { resolveWeekSelection, type WeekPurpose, type WeekSelection } from './week-selection';
import { parseYearArgument, yearOverview, type YearOverview } from './year-overview';
import { newWeeklyLog, parseLogCounts, type WeeklyLog } from './weekly-log';
import { summaryDataRanges, weeklySummary, type TeamWeeklySummary } from './weekly-summary';

/** What the goals need to know about a team beyond its goals (TeamSettingsService provides both). */
export interface TeamContext {
  isLeader(teamId: string, userId: string): Promise<boolean>;
  /** The team's capacity settings (intensive share cap and window), for the summary's screenings. */
  current(teamId: string): Promise<CapacitySettings>;
}

/** A team's plan for a year as a leader sees it: stored, carried over from last year, or empty. */
export interface PlanView {
  plan: GoalPlan;
  /** The stored plan's etag; undefined while the plan is not stored (carried over or new). */
  etag: string | undefined;
}

export type PlanUpdateOutcome =
  | { kind: 'saved'; view: PlanView }
  | { kind: 'invalid'; errors: GoalFieldError[]; view: PlanView }
  /** Someone saved the plan since the card was shown: nothing was saved; here is the fresh plan. */
  | { kind: 'conflict'; view: PlanView }
  | { kind: 'forbidden' };

/** One indicator on a member's log card. */
export interface LogFormIndicator {
  id: string;
  label: string;
  groupLabel: string;
  /** What the input shows: the logged count, else the prefilled one, else empty. */
  value: number | undefined;
  /** What the bot counted itself (openings, screenings); undefined when it counts nothing for this indicator. */
  prefilled: number | undefined;
  /** The member's weekly goal (Mål), when set. */
  goal: number | undefined;
}

/** The member's log card for a week (`mål`). */
export interface LogForm {
  teamId: string;
  week: IsoWeek;
  /** The week's id to send back with the card ("2026-W07"). */
  weekKey: string;
  period: { from: string; to: string };
  member: PlanMember;
  indicators: LogFormIndicator[];
  /** When the week was logged already (submitting again replaces that log). */
  submittedAt: string | undefined;
}

export type LogFormOutcome =
  | { kind: 'form'; form: LogForm }
  | { kind: 'invalid-week'; message: string }
  /** The user is not among the members logging that week. */
  | { kind: 'not-a-member'; week: IsoWeek }
  /** The team has chosen no indicators for that year yet. */
  | { kind: 'no-indicators'; week: IsoWeek };

export type LogSubmitOutcome =
  | { kind: 'saved'; log: WeeklyLog; replaced: boolean; form: LogForm }
  | { kind: 'invalid'; errors: GoalFieldError[]; typed: Readonly<Record<string, unknown>>; form: LogForm }
  | { kind: 'invalid-week'; message: string }
  | { kind: 'not-a-member'; week: IsoWeek }
  | { kind: 'no-indicators'; week: IsoWeek };

export type ReportOutcome =
  | { kind: 'report'; report: WeeklyReport }
  | { kind: 'invalid-week'; message: string }
  /** Neither a leader nor a member of the team's goals. */
  | { kind: 'not-a-member'; week: IsoWeek };

export type YearOverviewOutcome =
  | { kind: 'overview'; overview: YearOverview }
  | { kind: 'invalid-year'; message: string }
  /** The year has not begun. */
  | { kind: 'not-begun'; year: number }
  /** The team has no plan with indicators for the year. */
  | { kind: 'no-plan'; year: number; isLeader: boolean }
  /** Neither a leader nor a member of the year's plan. */
  | { kind: 'not-a-member'; year: number };

export type JoinOutcome =
  /** The user logs from `week` on (the current week). */
  | { kind: 'joined'; week: IsoWeek }
  | { kind: 'already-member'; week: IsoWeek }
  /** A leader took the user out of the goals; only a leader can take them in again. */
  | { kind: 'removed'; week: IsoWeek; untilWeek: number }
  /** The team has no indicators for the year yet: there is nothing to log. */
  | { kind: 'not-set-up'; week: IsoWeek };

/** A log whose store keeps colliding with other writes is retried this often. */
const SAVE_ATTEMPTS = 5;

/**
 * The weekly goals (spec §3, issue 5): the leader's plan (indicators, members, weekly goals, annual
 * targets), the members' weekly logs prefilled with what the bot counts, and the weekly summary with
 * its permissions. Stores through ports; every change is conditional on what was read.
 */
export class GoalsService {
  constructor(
    private readonly plans: GoalPlanRepository,
    private readonly logs: WeeklyLogRepository,
    private readonly openings: Pick<OpeningRepository, 'listForBoard' | 'listRegisteredBetween'>,
    private readonly screenings: ScreeningStatisticsRepository,
    private readonly followUps: Pick<FollowUpRepository, 'listDueBetween'>,
    private readonly team: TeamContext,
    catalog: IndicatorCatalog | TeamCatalogs,
    private readonly clock: Clock,
  ) {
    this.catalogs = 'forWeek' in catalog ? catalog : catalogueOnly(catalog);
  }

  /** The catalogue's indicators and the team's own, as the team has them in a week or may choose now. */
  private readonly catalogs: TeamCatalogs;

  /** What a leader may choose for the team's plan now (the set-up's indicators). */
  planCatalog(teamId: string): Promise<IndicatorCatalog> {
    return this.catalogs.forPlans(teamId);
  }

  /** Reads the week a command names ("", "uge 7", "uge 7 2026") relative to today in Copenhagen. */
  selectWeek(args: string, keyword: string, purpose: WeekPurpose): WeekSelection {
    return resolveWeekSelection(parseWeekArgument(args, keyword), this.today(), purpose);
  }

  // ---- the plan (leaders) ----

  /**
   * The team's plan for a year: the stored one; else last year's carried over (same indicators,
   * members and goals from week 1, no annual targets); else an empty one. Only a save stores it.
   */
  async plan(teamId: string, year: number): Promise<PlanView> {
    const stored = await this.plans.get(teamId, year);
    if (stored !== undefined) return { plan: stored.value, etag: stored.etag };
    const previous = await this.plans.get(teamId, year - 1);
    if (previous !== undefined) return { plan: carryOverPlan(previous.value, year), etag: undefined };
    return { plan: emptyGoalPlan(teamId, year, 'system', this.clock.now().toISOString()), etag: undefined };
  }

  /** The indicators the team uses (a card's multi-select value "a,b,c", or a list). */
  async chooseIndicators(actor: Actor, year: number, basedOnEtag: unknown, raw: unknown): Promise<PlanUpdateOutcome> {
    const catalog = await this.catalogs.forPlans(actor.teamId);
    return this.changePlan(actor, year, basedOnEtag, (plan, stamp) => {
      // An indicator the team can no longer choose (its own, retired) stays in the plan: its past
      // weeks keep their figures. The card may send it back with the choices; it is not a choice.
      const kept = plan.indicators.filter((id) => catalog.indicators.every((indicator) => indicator.id !== id));
      const choices = Array.isArray(raw) || typeof raw === 'string' ? withoutIds(raw, kept) : raw;
      const changed = chooseIndicators(plan, choices, catalog, stamp);
      if (!changed.ok || kept.length === 0) return changed;
      return { ok: true, plan: { ...changed.plan, indicators: [...changed.plan.indicators, ...kept] } };
    });
  }

  /** Adds or removes the people who log, from a week on. */
  updateMembers(actor: Actor, year: number, basedOnEtag: unknown, change: MembersChange): Promise<PlanUpdateOutcome> {
    return this.changePlan(actor, year, basedOnEtag, (plan, stamp) => updateMembers(plan, change, stamp));
  }

  /** One member's weekly goals from a week on; inputs by indicator id. */
  async setMemberGoals(
    actor: Actor,
    year: number,
    basedOnEtag: unknown,
    userId: string,
    fromWeek: unknown,
    raw: Readonly<Record<string, unknown>>,
  ): Promise<PlanUpdateOutcome> {
    const catalog = await this.catalogs.forPlans(actor.teamId);
    return this.changePlan(actor, year, basedOnEtag, (plan, stamp) =>
      setMemberGoals(plan, userId, fromWeek, raw, catalog, stamp),
    );
  }

  /** Several members' weekly goals from a week on, from the goals grid; one cell per member and indicator. */
  async setTeamGoals(
    actor: Actor,
    year: number,
    basedOnEtag: unknown,
    fromWeek: unknown,
    cells: readonly TeamGoalCell[],
  ): Promise<PlanUpdateOutcome> {
    const catalog = await this.catalogs.forPlans(actor.teamId);
    return this.changePlan(actor, year, basedOnEtag, (plan, stamp) =>
      setTeamGoals(plan, fromWeek, cells, catalog, stamp),
    );
  }

  /** The team's annual targets; inputs by indicator id, empty removes a target. */
  async setAnnualTargets(
    actor: Actor,
    year: number,
    basedOnEtag: unknown,
    raw: Readonly<Record<string, unknown>>,
  ): Promise<PlanUpdateOutcome> {
    const catalog = await this.catalogs.forPlans(actor.teamId);
    return this.changePlan(actor, year, basedOnEtag, (plan, stamp) => setAnnualTargets(plan, raw, catalog, stamp));
  }

  /**
   * A person joins the team's goals themselves, from the current week (`mål tilmeld`): the bot knows
   * no team roster, so members sign up and the leader sees them in the plan, where a leader can take
   * them out again. Someone a leader took out cannot sign up again by themselves. Joining needs a
   * plan with indicators, so nobody is reminded to log a week that has nothing to log.
   */
  async join(actor: Actor, name: string): Promise<JoinOutcome> {
    const week = isoWeekOfDate(this.today());
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt += 1) {
      const view = await this.plan(actor.teamId, week.year);
      if (view.plan.indicators.length === 0) return { kind: 'not-set-up', week };
      const member = findMember(view.plan, actor.userId);
      if (member !== undefined && isMemberInWeek(member, week.week)) return { kind: 'already-member', week };
      if (member?.untilWeek !== undefined && member.untilWeek < week.week) {
        return { kind: 'removed', week, untilWeek: member.untilWeek };
      }
      const changed = updateMembers(
        view.plan,
        // The name comes from Teams; one shaped like a CPR number is not stored (the user id stands in).
        { add: [{ userId: actor.userId, name: containsCprShape(name) ? '' : name }], fromWeek: week.week },
        { by: actor.userId, at: this.clock.now().toISOString() },
      );
      if (!changed.ok) throw new Error('Joining the current week cannot be invalid');
      if ((await this.plans.save(changed.plan, view.etag)) !== 'conflict') return { kind: 'joined', week };
    }
    throw new Error('The goal plan kept colliding with other writes');
  }

  // ---- the weekly log (members) ----

  /** The member's card for a week: their indicators, prefilled with what the bot counted, or what they logged. */
  async logForm(actor: Actor, week: IsoWeek): Promise<LogFormOutcome> {
    const checked = this.checkLogWeek(week);
    if (!checked.ok) return { kind: 'invalid-week', message: checked.message };
    const { plan } = await this.plan(actor.teamId, week.year);
    const member = findMember(plan, actor.userId);
    if (member === undefined || !isMemberInWeek(member, week.week)) return { kind: 'not-a-member', week };
    if (plan.indicators.length === 0) return { kind: 'no-indicators', week };
    const catalog = await this.catalogs.forWeek(actor.teamId, week);
    if (indicatorsIn(catalog, plan.indicators).length === 0) return { kind: 'no-indicators', week };
    const [stored, prefilled] = await Promise.all([
      this.logs.get(actor.teamId, actor.userId, week),
      this.prefill(actor, week, plan, catalog),
    ]);
    return { kind: 'form', form: this.form(catalog, plan, member, week, prefilled, stored?.value) };
  }

  /**
   * Stores the member's counts for the week (`week` is the card's week key, e.g. "2026-W07"). Submitting
   * a week again replaces its log; a concurrent write is re-read and retried, so a week is stored once.
   */
  async submitLog(actor: Actor, rawWeek: unknown, raw: Readonly<Record<string, unknown>>): Promise<LogSubmitOutcome> {
    const week = typeof rawWeek === 'string' ? parseWeekKey(rawWeek) : undefined;
    if (week === undefined)
      return { kind: 'invalid-week', message: 'Kortet mangler ugen. Skriv "mål" for at få et nyt.' };
    const checked = this.checkLogWeek(week);
    if (!checked.ok) return { kind: 'invalid-week', message: checked.message };
    const { plan } = await this.plan(actor.teamId, week.year);
    const member = findMember(plan, actor.userId);
    if (member === undefined || !isMemberInWeek(member, week.week)) return { kind: 'not-a-member', week };
    const catalog = await this.catalogs.forWeek(actor.teamId, week);
    const indicators = indicatorsIn(catalog, plan.indicators);
    if (indicators.length === 0) return { kind: 'no-indicators', week };
    const prefilled = await this.prefill(actor, week, plan, catalog);
    const parsed = parseLogCounts(raw, indicators);
    if (!parsed.ok) {
      const stored = await this.logs.get(actor.teamId, actor.userId, week);
      return {
        kind: 'invalid',
        errors: parsed.errors,
        typed: withoutCprShapes(raw),
        form: this.form(catalog, plan, member, week, prefilled, stored?.value),
      };
    }
    const log = newWeeklyLog(
      actor.teamId,
      actor.userId,
      week,
      parsed.counts,
      prefilled,
      this.clock.now().toISOString(),
    );
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt += 1) {
      const current = await this.logs.get(actor.teamId, actor.userId, week);
      const saved = await this.logs.save(log, current?.etag);
      if (saved !== 'conflict') {
        return {
          kind: 'saved',
          log: saved.value,
          replaced: current !== undefined,
          form: this.form(catalog, plan, member, week, prefilled, saved.value),
        };
      }
    }
    throw new Error('The weekly log kept colliding with other writes');
  }

  // ---- the summary ----

  /** `ugerapport`: the team's summary for a leader, the member's own numbers for a member. */
  async report(actor: Actor, week: IsoWeek): Promise<ReportOutcome> {
    if (!isValidIsoWeek(week)) return { kind: 'invalid-week', message: 'Ugen findes ikke.' };
    const isLeader = await this.team.isLeader(actor.teamId, actor.userId);
    const summary = await this.teamSummary(actor.teamId, week);
    if (
      !isLeader &&
      !summary.indicators.some((indicator) => indicator.members.some((m) => m.userId === actor.userId))
    ) {
      return { kind: 'not-a-member', week };
    }
    return { kind: 'report', report: reportFor({ userId: actor.userId, isLeader }, summary) };
  }

  /**
   * `mål år [YYYY]`: the year's Real per indicator against the annual target and the expected path, for
   * a leader the team's, for a member their own (the weekly report's visibility).
   */
  async yearOverview(actor: Actor, args: string): Promise<YearOverviewOutcome> {
    const argument = parseYearArgument(args);
    if (!argument.ok) return { kind: 'invalid-year', message: argument.message };
    const today = isoWeekOfDate(this.today());
    const year = argument.year ?? today.year;
    if (year > today.year) return { kind: 'not-begun', year };
    const [isLeader, view] = await Promise.all([
      this.team.isLeader(actor.teamId, actor.userId),
      this.plan(actor.teamId, year),
    ]);
    if (view.plan.indicators.length === 0) return { kind: 'no-plan', year, isLeader };
    const through = year < today.year ? { year, week: weeksInYear(year) } : today;
    const [catalog, logs] = await Promise.all([
      this.catalogs.forYear(actor.teamId, through),
      this.logs.listBetween(actor.teamId, { year, week: 1 }, through),
    ]);
    const overview = yearOverview({
      viewer: { userId: actor.userId, isLeader },
      plan: view.plan,
      logs,
      catalog,
      today,
    });
    return overview === undefined ? { kind: 'not-a-member', year } : { kind: 'overview', overview };
  }

  /** The full summary of a team's week (the Monday post to the leaders; never shown to a member as is). */
  async teamSummary(teamId: string, week: IsoWeek): Promise<TeamWeeklySummary> {
    const settings = await this.team.current(teamId);
    const ranges = summaryDataRanges(week, settings);
    const [catalog, plans, logs, screenings, openings, followUps] = await Promise.all([
      this.catalogs.forWeek(teamId, week),
      Promise.all(ranges.planYears.map(async (year) => (await this.plan(teamId, year)).plan)),
      this.logs.listBetween(teamId, ranges.logsFrom, ranges.logsTo),
      this.screenings.listDecidedBetween(teamId, ranges.screeningsFrom, ranges.screeningsTo),
      this.openings.listForBoard(teamId, ranges.openingsSince),
      this.followUps.listDueBetween(teamId, ranges.followUpsFrom, ranges.followUpsTo, FINAL_FOLLOW_UP_WEEK),
    ]);
    return weeklySummary({
      teamId,
      week,
      now: this.clock.now(),
      catalog,
      plans,
      logs,
      screenings,
      openings,
      followUps,
      settings,
    });
  }

  // ---- the rhythm's work lists ----

  /** Members who have not logged the week (Friday's reminder). */
  async membersMissingLog(teamId: string, week: IsoWeek): Promise<PlanMember[]> {
    const { plan } = await this.plan(teamId, week.year);
    return membersMissingLog(plan, await this.logs.listBetween(teamId, week, week), week);
  }

  /** Teams with a plan for the year or the year before (a new year runs on the carried-over plan). */
  async teamsWithGoals(year: number): Promise<string[]> {
    const [now, before] = await Promise.all([this.plans.listTeamIds(year), this.plans.listTeamIds(year - 1)]);
    return [...new Set([...now, ...before])].sort();
  }

  // ---- helpers ----

  private today(): string {
    return calendarDate(this.clock.now());
  }

  private checkLogWeek(week: IsoWeek): WeekSelection {
    if (!isValidIsoWeek(week)) return { ok: false, message: 'Ugen findes ikke.' };
    return resolveWeekSelection({ kind: 'week', week: week.week, year: week.year }, this.today(), 'log');
  }

  private async prefill(
    actor: Actor,
    week: IsoWeek,
    plan: GoalPlan,
    catalog: IndicatorCatalog,
  ): Promise<Record<string, number>> {
    const indicators = indicatorsIn(catalog, plan.indicators).filter((indicator) => indicator.prefill !== undefined);
    if (indicators.length === 0) return {};
    const { start, end } = weekInstants(week);
    const needs = (prefix: string) => indicators.some((indicator) => indicator.prefill?.startsWith(prefix));
    const [openings, screenings] = await Promise.all([
      // Only the week's registrations count: the board's open ones from earlier weeks would only be read and dropped.
      needs('openings:')
        ? this.openings.listRegisteredBetween(actor.teamId, start.toISOString(), end.toISOString())
        : Promise.resolve([]),
      needs('screenings')
        ? this.screenings.listDecidedBetween(actor.teamId, start.toISOString(), end.toISOString())
        : Promise.resolve([]),
    ]);
    return prefillCounts({ teamId: actor.teamId, userId: actor.userId, week, indicators, openings, screenings });
  }

  private form(
    catalog: IndicatorCatalog,
    plan: GoalPlan,
    member: PlanMember,
    week: IsoWeek,
    prefilled: Readonly<Record<string, number>>,
    stored: WeeklyLog | undefined,
  ): LogForm {
    const groups = new Map(catalog.groups.map((group) => [group.id, group.label]));
    return {
      teamId: plan.teamId,
      week,
      weekKey: weekKey(week),
      period: weekDates(week),
      member,
      indicators: indicatorsIn(catalog, plan.indicators).map((indicator) => ({
        id: indicator.id,
        label: indicator.label,
        groupLabel: groups.get(indicator.group) ?? indicator.group,
        value: stored?.counts[indicator.id] ?? prefilled[indicator.id],
        prefilled: prefilled[indicator.id],
        goal: weeklyGoal(plan, member.userId, indicator.id, week.week),
      })),
      submittedAt: stored?.submittedAt,
    };
  }

  private async changePlan(
    actor: Actor,
    year: number,
    basedOnEtag: unknown,
    apply: (plan: GoalPlan, stamp: PlanChangeStamp) => PlanChangeResult,
  ): Promise<PlanUpdateOutcome> {
    if (!(await this.team.isLeader(actor.teamId, actor.userId))) return { kind: 'forbidden' };
    const view = await this.plan(actor.teamId, year);
    // A card for a plan not yet stored carries no etag (Teams may send it as an empty string).
    const based = typeof basedOnEtag === 'string' && basedOnEtag !== '' ? basedOnEtag : undefined;
    if (based !== view.etag) return { kind: 'conflict', view };
    const changed = apply(view.plan, { by: actor.userId, at: this.clock.now().toISOString() });
    if (!changed.ok) return { kind: 'invalid', errors: changed.errors, view };
    const saved = await this.plans.save(changed.plan, view.etag);
    if (saved === 'conflict') return { kind: 'conflict', view: await this.plan(actor.teamId, year) };
    return { kind: 'saved', view: { plan: saved.value, etag: saved.etag } };
  }
}

/** A card's multi-select value ("a,b,c" or a list) without some ids. */
function withoutIds(raw: string | readonly unknown[], ids: readonly string[]): string | unknown[] {
  if (ids.length === 0) return typeof raw === 'string' ? raw : [...raw];
  const keep = (id: unknown) => !ids.includes(String(id).trim());
  return typeof raw === 'string' ? raw.split(',').filter(keep).join(',') : raw.filter(keep);
}
