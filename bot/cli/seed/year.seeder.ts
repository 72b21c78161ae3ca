import { randomUUID } from 'node:crypto';
import { FollowUpReminderJob } from '../../../rules/follow-ups/follow-up-reminder.job';
import { FollowUpService } from '../../../rules/follow-ups/follow-up.service';
import { FOLLOW_UP_WEEKS, followUpId, type FollowUpOutcome } from '../../../rules/follow-ups/follow-up';
import { GoalsService } from '../../../rules/goals/goals.service';
import type { IndicatorCatalog } from '../../../rules/goals/indicator';
import { isoWeekOfDate, mondayOf, weekKey, type IsoWeek } from '../../../rules/goals/iso-week';
import { OpeningsService } from '../../../rules/openings/openings.service';
import type { OpeningResult } from '../../../rules/openings/opening';
import type { ReferenceKeyer } from '../../../rules/screening/case-reference';
import { screeningRulesFrom } from '../../../rules/screening/default-screening-rules';
import { ScreeningEvaluator } from '../../../rules/screening/engine/screening.evaluator';
import { OVERRIDE_REASONS } from '../../../rules/screening/screening-record';
import { ScreeningService, type ScreeningStep } from '../../../rules/screening/screening.service';
import { TRACKS, type Question, type ScreeningRuleset } from '../../../rules/screening/screening.types';
import { defaultTeamScreeningSettings } from '../../../rules/screening/team-screening-settings';
import type { AuditEvent, AuditTrail } from '../../../rules/shared/audit-trail';
import type { Clock } from '../../../rules/shared/clock';
import { addDays, calendarDate, copenhagenInstant } from '../../../rules/shared/copenhagen-calendar';
import { isWorkingDay } from '../../../rules/shared/danish-holidays';
import { InstallationService } from '../../../rules/teams/installation.service';
import type { Actor } from '../../../rules/teams/actor';
import { TeamMembershipService } from '../../../rules/teams/team-membership.service';
import { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import type { Repositories } from '../../storage/repositories';
import { seedCaseReference, seedCompanyName, type SeedPerson, type SeedProfile, type SeedTeam } from './seed-profile';
import { SeedRandom } from './seed-random';

/**
 * Writes a job centre's year (see seed-profile.ts) through the bot's own use cases, on a clock that
 * walks through the year: screenings answered section by section and decided through ScreeningService
 * (the real rules engine gives the results, the audit trail and the follow-ups come as the bot makes
 * them), the daily retention run and the follow-up reminders as the bot's jobs do them, registrations,
 * fills and closings through OpeningsService, goal plans and weekly logs through GoalsService. So every
 * record has the shape the bot writes, and the commands that read them (vis screening, ugerapport, the
 * intensive share, opfølgning) work on them.
 */

export interface SeedOptions {
  profile: SeedProfile;
  repositories: Repositories;
  ruleset: ScreeningRuleset;
  indicators: IndicatorCatalog;
  /** The bot's key for case references in the audit trail (AUDIT_REFERENCE_KEY), so `revisionsspor` finds them. */
  referenceKeyer: ReferenceKeyer;
  /** The year ends now: its last event is before this instant. */
  end: Date;
  /** Where the teams' rosters are read again once they are an hour old (the Bot Connector). */
  serviceUrl: string;
  /** Told now and then how far the year has come. */
  progress?: (line: string) => void;
}

export interface SeedCounts {
  teams: number;
  people: number;
  installations: number;
  screenings: number;
  decidedScreenings: number;
  unfinishedScreenings: number;
  /** Screenings older than the team's retention period, reduced to what the statistics need. */
  retainedScreenings: number;
  openings: number;
  /** Registrations with places (the rest are company contacts without an opening). */
  openingsWithPlaces: number;
  filledPlaces: number;
  closedOpenings: number;
  goalPlans: number;
  weeklyLogs: number;
  followUps: number;
  followUpOutcomes: number;
  followUpReminders: number;
  settingsChanges: number;
  auditEvents: number;
}

export interface SeedResult {
  counts: SeedCounts;
  /** The first and last day of the year (Copenhagen dates). */
  from: string;
  to: string;
  /** Screenings that still hold their case reference (newer than the retention period), by team. */
  screenings: { teamId: string; id: string; caseworkerId: string; caseReference: string; decided: boolean }[];
}

/** The indicators the seeded teams measure themselves on (three prefilled by the bot, two only the member knows). */
export const SEED_INDICATORS = [
  'individuelle_samtaler',
  'opfoelgningssamtaler',
  'virksomhedskontakter_tlf',
  'aabninger_ordinaere',
  'aabninger_praktik',
] as const;

const JOB_FUNCTIONS = [
  'Lagermedarbejder',
  'Kontorelev',
  'Pedelmedhjælper',
  'Buschauffør',
  'Social- og sundhedshjælper',
  'Rengøringsassistent',
  'Tømrer',
  'Kok',
  'Butiksassistent',
  'Chauffør',
];
const OVERRIDE_TEXTS = [
  'Borgeren har selv fundet et relevant forløb.',
  'Faglig vurdering efter første samtale.',
  'Borgeren er netop startet i deltidsjob.',
  'Manglende oplysninger om helbred; ses igen om en måned.',
  'Teamets kapacitet er brugt op i denne periode.',
];
const DAY_MS = 24 * 3600 * 1000;

/** A clock the seeder moves through the year. */
class SeedClock implements Clock {
  private current: Date;

  constructor(start: Date) {
    this.current = start;
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date): void {
    this.current = new Date(at);
  }

  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

/** The audit trail, counting what is recorded in it. */
class CountingAuditTrail implements AuditTrail {
  recorded = 0;

  constructor(private readonly inner: AuditTrail) {}

  async record(event: AuditEvent, options?: { eventId?: string }): Promise<void> {
    await this.inner.record(event, options);
    this.recorded += 1;
  }

  listFor(teamId: string, entityId: string): Promise<AuditEvent[]> {
    return this.inner.listFor(teamId, entityId);
  }

  listBySubject(teamId: string, subjectKey: string): Promise<AuditEvent[]> {
    return this.inner.listBySubject(teamId, subjectKey);
  }
}

interface SeedEvent {
  at: number;
  order: number;
  run: () => Promise<void>;
}

/** The year's events by Copenhagen date; each day's run in time order, later days may get new events. */
class Timeline {
  private readonly days = new Map<string, SeedEvent[]>();
  private order = 0;

  constructor(private readonly end: Date) {}

  /** Adds an event; one after the end of the year does not happen. */
  add(at: Date, run: () => Promise<void>): boolean {
    if (at.getTime() >= this.end.getTime()) return false;
    const date = calendarDate(at);
    const list = this.days.get(date) ?? [];
    list.push({ at: at.getTime(), order: (this.order += 1), run });
    this.days.set(date, list);
    return true;
  }

  async runDay(date: string): Promise<void> {
    const list = this.days.get(date);
    if (list === undefined) return;
    // Events may add events to this day: take the earliest each time.
    while (list.length > 0) {
      let first = 0;
      for (let i = 1; i < list.length; i += 1) {
        const a = list[i] as SeedEvent;
        const b = list[first] as SeedEvent;
        if (a.at < b.at || (a.at === b.at && a.order < b.order)) first = i;
      }
      const [event] = list.splice(first, 1);
      if (event !== undefined) await event.run();
    }
    this.days.delete(date);
  }
}

/** Minutes after midnight as "HH:mm". */
function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A CVR number that passes the modulus-11 check (made up; never a CPR shape: 8 digits). */
export function demoCvr(n: number): string {
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  for (let candidate = 10_000_000 + ((n * 7919) % 89_000_000); ; candidate += 1) {
    const digits = String(candidate).slice(0, 7);
    const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (weights[index] ?? 0), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return `${digits}${check}`;
  }
}

export class YearSeeder {
  private readonly random: SeedRandom;
  private readonly clock: SeedClock;
  private readonly audit: CountingAuditTrail;
  private readonly membership: TeamMembershipService;
  private readonly settings: TeamSettingsService;
  private readonly screenings: ScreeningService;
  private readonly followUps: FollowUpService;
  private readonly openings: OpeningsService;
  private readonly goals: GoalsService;
  private readonly reminders: FollowUpReminderJob;
  private readonly timeline: Timeline;
  private readonly counts: SeedCounts;
  private readonly fromDate: string;
  private readonly toDate: string;
  private readonly decidedWithReference = new Map<string, SeedResult['screenings'][number]>();
  private readonly sectionCount: number;

  constructor(private readonly options: SeedOptions) {
    const { profile, repositories, ruleset, end } = options;
    this.random = new SeedRandom(profile.randomSeed);
    this.toDate = calendarDate(end);
    this.fromDate = addDays(this.toDate, -364);
    this.clock = new SeedClock(copenhagenInstant(this.fromDate, '07:00'));
    this.timeline = new Timeline(end);
    this.audit = new CountingAuditTrail(repositories.audit);
    const byTeam = new Map(profile.teams.map((team) => [team.teamId, team]));
    this.membership = new TeamMembershipService(
      repositories.teamDirectory,
      {
        membersOf: async (team) =>
          (byTeam.get(team.teamId)?.people ?? []).map((person) => ({
            userId: person.userId,
            accountId: person.userId,
            name: person.name,
          })),
      },
      { ownersOf: async (team) => (team.installedBy === undefined ? [] : [team.installedBy]) },
      this.audit,
      this.clock,
      // The seeder stores the rosters itself (at the start, and fresh at the end of the year).
      { rosterMaxAgeMs: 2 * 366 * DAY_MS, ownersMaxAgeMs: 2 * 366 * DAY_MS },
    );
    this.settings = new TeamSettingsService(
      repositories.teamSettings,
      this.membership,
      defaultTeamScreeningSettings(ruleset),
      this.audit,
      this.clock,
      new Set(ruleset.sectors.map((sector) => sector.id)),
    );
    this.followUps = new FollowUpService(repositories.followUps, repositories.screenings, this.settings, this.clock);
    this.screenings = new ScreeningService(
      screeningRulesFrom(ruleset, new ScreeningEvaluator(ruleset)),
      repositories.screenings,
      this.settings,
      this.audit,
      options.referenceKeyer,
      this.clock,
      randomUUID,
      {
        decided: async (decided) => {
          this.counts.followUps += await this.followUps.scheduleFor(decided);
        },
        erasing: async (teamId, screeningId) => {
          await this.followUps.forgetScreening(teamId, screeningId);
        },
        retaining: async (teamId, screeningId) => {
          await this.followUps.forgetCaseReference(teamId, screeningId);
        },
      },
    );
    this.sectionCount = ruleset.questionnaire.sections.length;
    this.openings = new OpeningsService(repositories.openings, ruleset.sectors, this.clock, randomUUID);
    this.goals = new GoalsService(
      repositories.goalPlans,
      repositories.weeklyLogs,
      repositories.openings,
      repositories.screenings,
      repositories.followUps,
      this.settings,
      options.indicators,
      this.clock,
    );
    this.reminders = new FollowUpReminderJob(
      repositories.followUps,
      repositories.jobRuns,
      // Nothing is sent while seeding: every reminder counts as delivered, as on a good day.
      {
        remind: async () => {
          this.counts.followUpReminders += 1;
          return 'sent';
        },
      },
      { dateOf: calendarDate, isWorkingDay },
      { holder: 'seed', leaseMs: 10 * 60_000 },
    );
    this.counts = {
      teams: 0,
      people: 0,
      installations: 0,
      screenings: 0,
      decidedScreenings: 0,
      unfinishedScreenings: 0,
      retainedScreenings: 0,
      openings: 0,
      openingsWithPlaces: 0,
      filledPlaces: 0,
      closedOpenings: 0,
      goalPlans: 0,
      weeklyLogs: 0,
      followUps: 0,
      followUpOutcomes: 0,
      followUpReminders: 0,
      settingsChanges: 0,
      auditEvents: 0,
    };
  }

  async run(): Promise<SeedResult> {
    const { profile } = this.options;
    await this.installTeams();
    await this.setUpGoals();
    const workingDays = this.days().filter((date) => isWorkingDay(date));
    this.planRetentionAndReminders();
    this.planSettingsChanges(workingDays);
    this.planScreenings(workingDays);
    this.planOpenings(workingDays);
    this.planWeeklyLogs();
    let month = '';
    for (const date of this.days()) {
      if (date.slice(0, 7) !== month) {
        month = date.slice(0, 7);
        this.options.progress?.(
          `${month}: ${this.counts.screenings} screeninger, ${this.counts.openings} registreringer, ${this.counts.weeklyLogs} ugelogs, ${this.audit.recorded} revisionshændelser`,
        );
      }
      await this.timeline.runDay(date);
    }
    const withReference = await this.withReference();
    await this.topUpAudit(profile.amounts.auditEvents, withReference);
    await this.refreshRosters();
    this.counts.auditEvents = this.audit.recorded;
    return { counts: { ...this.counts }, from: this.fromDate, to: this.toDate, screenings: withReference };
  }

  private days(): string[] {
    const days: string[] = [];
    for (let date = this.fromDate; date <= this.toDate; date = addDays(date, 1)) days.push(date);
    return days;
  }

  /** An instant on a date at a random time of the working day (08:00–15:30, Copenhagen). */
  private during(date: string, from = 8 * 60, to = 15 * 60 + 30): Date {
    return copenhagenInstant(date, clockTime(this.random.int(from, to)));
  }

  private actor(team: SeedTeam, person: SeedPerson): Actor {
    return { teamId: team.teamId, userId: person.userId };
  }

  private leaderOf(team: SeedTeam): SeedPerson {
    const [leader] = team.people;
    if (leader === undefined) throw new Error(`${team.teamId} has nobody`);
    return leader;
  }

  private peopleOf(team: SeedTeam, role: SeedPerson['role']): SeedPerson[] {
    return team.people.filter((person) => person.role === role);
  }

  // ---- the teams, as the bot keeps them when it is installed ----

  private async installTeams(): Promise<void> {
    const { profile, repositories, serviceUrl } = this.options;
    const installations = new InstallationService(repositories.installations);
    const at = this.clock.now().toISOString();
    const bot = { id: 'bot', name: 'Jobcenterbot' };
    for (const team of profile.teams) {
      const leader = this.leaderOf(team);
      await this.membership.installed(
        profile.tenantId,
        { teamId: team.teamId, aadGroupId: undefined, name: team.name, serviceUrl },
        leader.userId,
      );
      this.counts.teams += 1;
      const conversations = [
        { id: team.teamId, scope: 'team' as const, userId: undefined, type: 'channel' },
        ...team.people.map((person) => ({
          id: `a:${person.userId}`,
          scope: 'personal' as const,
          userId: person.userId,
          type: 'personal',
        })),
      ];
      for (const conversation of conversations) {
        await installations.installed({
          conversationId: conversation.id,
          tenantId: profile.tenantId,
          scope: conversation.scope,
          teamId: conversation.scope === 'team' ? team.teamId : undefined,
          userId: conversation.userId,
          reference: {
            bot,
            conversation: { id: conversation.id, conversationType: conversation.type, tenantId: profile.tenantId },
            channelId: 'msteams',
            serviceUrl,
          },
          installedAt: at,
          updatedAt: at,
        });
        this.counts.installations += 1;
      }
      this.counts.people += team.people.length;
    }
  }

  /** Rosters read "now" (the end of the year), so the bot reads them again only when an hour old, as always. */
  private async refreshRosters(): Promise<void> {
    const { profile, repositories } = this.options;
    const refreshedAt = this.options.end.toISOString();
    for (const team of profile.teams) {
      await repositories.teamDirectory.saveRoster({
        teamId: team.teamId,
        members: team.people.map((person) => ({ userId: person.userId, accountId: person.userId, name: person.name })),
        refreshedAt,
      });
    }
  }

  // ---- goals: the leader's plan at the start of the year, saved again in a new year's first week ----

  private async setUpGoals(): Promise<void> {
    const { profile } = this.options;
    const first = isoWeekOfDate(this.fromDate);
    for (const team of profile.teams) {
      const leader = this.actor(team, this.leaderOf(team));
      const saved = (outcome: Awaited<ReturnType<GoalsService['chooseIndicators']>>): string => {
        if (outcome.kind !== 'saved' || outcome.view.etag === undefined)
          throw new Error(`goal plan of ${team.teamId} not saved: ${outcome.kind}`);
        return outcome.view.etag;
      };
      let etag = saved(await this.goals.chooseIndicators(leader, first.year, undefined, SEED_INDICATORS.join(',')));
      etag = saved(
        await this.goals.updateMembers(leader, first.year, etag, {
          add: team.people.map((person) => ({ userId: person.userId, name: person.name })),
          fromWeek: String(first.week),
        }),
      );
      for (const person of team.people) {
        etag = saved(
          await this.goals.setMemberGoals(
            leader,
            first.year,
            etag,
            person.userId,
            String(first.week),
            this.weeklyGoalsOf(person),
          ),
        );
      }
      saved(await this.goals.setAnnualTargets(leader, first.year, etag, this.annualTargets()));
      this.counts.goalPlans += 1;
    }
    // A new ISO year inside the year runs on the carried-over plan until the leader saves it (first Monday).
    for (let year = first.year + 1; mondayOf({ year, week: 1 }) <= this.toDate; year += 1) {
      const monday = copenhagenInstant(mondayOf({ year, week: 1 }), '07:45');
      for (const team of profile.teams) {
        this.timeline.add(monday, async () => {
          this.clock.set(monday);
          const leader = this.actor(team, this.leaderOf(team));
          const outcome = await this.goals.setAnnualTargets(leader, year, undefined, this.annualTargets());
          if (outcome.kind !== 'saved') throw new Error(`goal plan ${year} of ${team.teamId}: ${outcome.kind}`);
          this.counts.goalPlans += 1;
        });
      }
    }
  }

  private weeklyGoalsOf(person: SeedPerson): Record<string, string> {
    const goal = (min: number, max: number) => String(this.random.int(min, max));
    if (person.role === 'caseworker') return { individuelle_samtaler: goal(3, 6), opfoelgningssamtaler: goal(4, 8) };
    if (person.role === 'consultant')
      return { virksomhedskontakter_tlf: goal(10, 20), aabninger_ordinaere: goal(1, 3), aabninger_praktik: goal(0, 1) };
    return {};
  }

  private annualTargets(): Record<string, string> {
    return { individuelle_samtaler: '600', aabninger_ordinaere: '250', aabninger_praktik: '60' };
  }

  private planWeeklyLogs(): void {
    const { profile } = this.options;
    const weeks: IsoWeek[] = [];
    for (let monday = mondayOf(isoWeekOfDate(this.fromDate)); monday <= this.toDate; monday = addDays(monday, 7)) {
      const friday = addDays(monday, 4);
      if (friday >= this.fromDate && friday <= this.toDate) weeks.push(isoWeekOfDate(friday));
    }
    const pairs = weeks.flatMap((week) =>
      profile.teams.flatMap((team) => team.people.map((person) => ({ week, team, person }))),
    );
    for (const { week, team, person } of this.random.sample(pairs, profile.amounts.weeklyLogs)) {
      const at = copenhagenInstant(addDays(mondayOf(week), 4), clockTime(this.random.int(12 * 60, 15 * 60 + 45)));
      this.timeline.add(at, async () => {
        this.clock.set(at);
        await this.weeklyLog(team, person, week);
      });
    }
  }

  /** A member's week: what `mål` shows them (the bot's own counts kept), the rest as they counted it. */
  private async weeklyLog(team: SeedTeam, person: SeedPerson, week: IsoWeek): Promise<void> {
    const actor = this.actor(team, person);
    const form = await this.goals.logForm(actor, week);
    if (form.kind !== 'form') throw new Error(`log form of ${person.userId} for ${weekKey(week)}: ${form.kind}`);
    const raw: Record<string, string> = {};
    for (const indicator of form.form.indicators) {
      const around = indicator.goal ?? (person.role === 'leader' ? 0 : 1);
      raw[indicator.id] = String(
        indicator.prefilled ?? Math.max(0, around + this.random.int(-2, 2) * (around > 0 ? 1 : 0)),
      );
    }
    const saved = await this.goals.submitLog(actor, weekKey(week), raw);
    if (saved.kind !== 'saved') throw new Error(`log of ${person.userId} for ${weekKey(week)}: ${saved.kind}`);
    if (!saved.replaced) this.counts.weeklyLogs += 1;
  }

  // ---- the bot's daily jobs ----

  private planRetentionAndReminders(): void {
    const { profile } = this.options;
    for (const date of this.days()) {
      const night = copenhagenInstant(date, '03:00');
      this.timeline.add(night, async () => {
        this.clock.set(night);
        for (const team of profile.teams)
          this.counts.retainedScreenings += await this.screenings.applyRetention(team.teamId);
      });
      if (isWorkingDay(date)) {
        const morning = copenhagenInstant(date, '09:00');
        this.timeline.add(morning, async () => {
          this.clock.set(morning);
          await this.reminders.run(morning);
        });
      }
    }
  }

  /** Each leader raises the team's cap on the intensive share once, some time in the year. */
  private planSettingsChanges(workingDays: readonly string[]): void {
    if (this.options.profile.amounts.screenings === 0) return;
    for (const team of this.options.profile.teams) {
      const at = this.during(this.random.pick(workingDays.slice(60, -60)));
      this.timeline.add(at, async () => {
        this.clock.set(at);
        const leader = this.leaderOf(team);
        const current = await this.settings.current(team.teamId);
        const outcome = await this.settings.update(team.teamId, leader.userId, current.version, {
          intensiveShareCap: 0.35,
        });
        if (outcome.kind !== 'saved') throw new Error(`settings of ${team.teamId}: ${outcome.kind}`);
        this.counts.settingsChanges += 1;
      });
    }
  }

  // ---- screenings ----

  private planScreenings(workingDays: readonly string[]): void {
    const { profile } = this.options;
    const total = profile.amounts.screenings;
    const unfinished = Math.round(total * profile.unfinishedShare);
    const plans = Array.from({ length: total }, () => {
      const team = this.random.pick(profile.teams);
      return {
        team,
        caseworker: this.random.pick(this.peopleOf(team, 'caseworker')),
        at: this.during(this.random.pick(workingDays)),
      };
    }).sort((a, b) => a.at.getTime() - b.at.getTime());
    // Views of decided screenings make up the rest of the audit trail: about this many per screening.
    const retentionStart = copenhagenInstant(addDays(this.toDate, -90), '00:00').getTime();
    const expectedEvents =
      plans.reduce((sum, plan, index) => {
        if (index >= total - unfinished) return sum + 1 + Math.floor(this.sectionCount / 2);
        return sum + 2 + this.sectionCount + (plan.at.getTime() < retentionStart ? 1 : 0);
      }, 0) + (total > 0 ? profile.teams.length : 0);
    const viewsPerDecided = Math.max(0, profile.amounts.auditEvents - expectedEvents) / Math.max(1, total - unfinished);
    plans.forEach((plan, index) => {
      const stop: number | 'awaiting' | 'decide' =
        index < total - unfinished
          ? 'decide'
          : this.random.chance(0.5)
            ? 'awaiting'
            : this.random.int(0, this.sectionCount - 1);
      this.timeline.add(plan.at, async () => {
        this.clock.set(plan.at);
        await this.screening(plan.team, plan.caseworker, index + 1, stop, viewsPerDecided);
      });
    });
  }

  private async screening(
    team: SeedTeam,
    caseworker: SeedPerson,
    n: number,
    stop: number | 'awaiting' | 'decide',
    viewsPerDecided: number,
  ): Promise<void> {
    const actor = this.actor(team, caseworker);
    const reference = seedCaseReference(Number(this.toDate.slice(0, 4)), n);
    // Seeded references are unique, so the reference-in-use warning never stops one.
    const started = await this.screenings.start(actor, reference, true);
    if (started.kind !== 'started') throw new Error(`screening ${reference} not started: ${started.kind}`);
    this.counts.screenings += 1;
    let step: ScreeningStep = started.step;
    let answered = 0;
    while (step.kind === 'section') {
      if (typeof stop === 'number' && answered >= stop) {
        this.counts.unfinishedScreenings += 1;
        return;
      }
      this.clock.advanceMinutes(this.random.int(2, 5));
      const raw = this.answersTo(step.questions, step.values);
      const outcome = await this.screenings.submitSection(actor, step.screening.id, step.sectionIndex, raw);
      if (outcome.kind !== 'step') throw new Error(`screening ${reference}: ${outcome.kind}`);
      if (outcome.step.kind === 'section' && outcome.step.errors.length > 0)
        throw new Error(`screening ${reference}: ${outcome.step.errors.map((error) => error.message).join('; ')}`);
      step = outcome.step;
      answered += 1;
    }
    if (step.kind !== 'result') throw new Error(`screening ${reference} ended as ${step.kind}`);
    if (stop !== 'decide') {
      this.counts.unfinishedScreenings += 1;
      return;
    }
    this.clock.advanceMinutes(this.random.int(1, 4));
    const recommended = step.result.track;
    const override = this.random.chance(0.15);
    const decided = await this.screenings.decide(
      actor,
      step.screening.id,
      override
        ? {
            decision: 'override',
            finalTrack: this.random.pick(TRACKS.filter((track) => track !== recommended)),
            reasonCode: this.random.pick(OVERRIDE_REASONS),
            reasonText: this.random.pick(OVERRIDE_TEXTS),
          }
        : { decision: 'accept' },
    );
    if (decided.kind !== 'step' || decided.step.kind !== 'decided')
      throw new Error(`screening ${reference} not decided: ${decided.kind}`);
    this.counts.decidedScreenings += 1;
    const screening = decided.step.screening;
    const record = {
      teamId: team.teamId,
      id: screening.id,
      caseworkerId: caseworker.userId,
      caseReference: reference,
      decided: true,
    };
    this.decidedWithReference.set(screening.id, record);
    this.planFollowUpOutcomes(team, caseworker, screening.id, calendarDate(this.clock.now()));
    const views = Math.floor(viewsPerDecided) + (this.random.chance(viewsPerDecided % 1) ? 1 : 0);
    for (let view = 0; view < views; view += 1) this.planView(team, caseworker, reference);
  }

  /** Answers as a caseworker clicks them on the section's card (choice ids, numbers as typed, ja/nej). */
  private answersTo(
    questions: readonly Question[],
    earlier: Readonly<Record<string, unknown>>,
  ): Record<string, string> {
    const raw: Record<string, string> = {};
    const age = typeof earlier.age === 'number' ? earlier.age : 40;
    for (const question of questions) {
      switch (question.type) {
        case 'integer':
        case 'number': {
          const min = question.min ?? 0;
          const max = question.max ?? 100;
          const value =
            question.id === 'age'
              ? this.random.weighted([
                  [this.random.int(18, 29), 3],
                  [this.random.int(30, 49), 4],
                  [this.random.int(50, 66), 3],
                ])
              : question.id === 'yearsExperience'
                ? this.random.int(0, Math.max(0, Math.min(age - 16, 40)))
                : question.id === 'applicationsPerWeek'
                  ? this.random.int(0, 12)
                  : this.random.int(min, Math.min(max, min + 20));
          raw[question.id] = String(Math.min(max, Math.max(min, value)));
          break;
        }
        case 'yesno':
          raw[question.id] = this.random.chance(0.35) ? 'ja' : 'nej';
          break;
        case 'choice':
          raw[question.id] = this.random.pick(question.options ?? []).id;
          break;
      }
    }
    return raw;
  }

  private planFollowUpOutcomes(team: SeedTeam, caseworker: SeedPerson, screeningId: string, decidedOn: string): void {
    for (const weeks of FOLLOW_UP_WEEKS) {
      if (!this.random.chance(0.85)) continue;
      let date = addDays(decidedOn, weeks * 7 + this.random.int(0, 8));
      while (!isWorkingDay(date)) date = addDays(date, 1);
      const outcome = this.random.weighted<FollowUpOutcome>([
        ['job', weeks === 13 ? 25 : weeks === 26 ? 38 : 48],
        ['uddannelse', 10],
        ['stadig_ledig', weeks === 13 ? 58 : weeks === 26 ? 45 : 36],
        ['andet', 6],
      ]);
      const at = this.during(date, 9 * 60 + 30);
      this.timeline.add(at, async () => {
        this.clock.set(at);
        const recorded = await this.followUps.recordOutcome(
          this.actor(team, caseworker),
          followUpId(screeningId, weeks),
          outcome,
        );
        if (recorded.kind !== 'recorded') throw new Error(`follow-up ${screeningId}:${weeks}: ${recorded.kind}`);
        this.counts.followUpOutcomes += 1;
      });
    }
  }

  /** `vis screening <reference>` a few days or weeks later, by the caseworker or the leader. */
  private planView(team: SeedTeam, caseworker: SeedPerson, reference: string): void {
    let date = addDays(calendarDate(this.clock.now()), this.random.int(1, 60));
    while (!isWorkingDay(date)) date = addDays(date, 1);
    const viewer = this.random.chance(0.7) ? caseworker : this.leaderOf(team);
    const at = this.during(date);
    const added = this.timeline.add(at, async () => {
      this.clock.set(at);
      await this.view(team, viewer, reference);
    });
    // A view that would come after the year is done on its last working day instead.
    if (!added) {
      let last = this.toDate;
      while (!isWorkingDay(last) || copenhagenInstant(last, '08:00').getTime() >= this.options.end.getTime())
        last = addDays(last, -1);
      const lastAt = copenhagenInstant(last, clockTime(this.random.int(8 * 60, 9 * 60)));
      if (lastAt.getTime() > this.clock.now().getTime())
        this.timeline.add(lastAt, async () => {
          this.clock.set(lastAt);
          await this.view(team, viewer, reference);
        });
    }
  }

  /** Resolves how many screenings were shown (none once retention took the reference). */
  private async view(team: SeedTeam, viewer: SeedPerson, reference: string): Promise<number> {
    const viewed = await this.screenings.view(this.actor(team, viewer), reference);
    if (viewed.kind !== 'shown') throw new Error(`vis screening ${reference}: ${viewed.message}`);
    return viewed.steps.length;
  }

  /** The decided screenings that still hold their case reference (retention has not reduced them). */
  private async withReference(): Promise<SeedResult['screenings']> {
    const kept: SeedResult['screenings'] = [];
    for (const screening of this.decidedWithReference.values()) {
      const stored = await this.options.repositories.screenings.get(screening.teamId, screening.id);
      if (stored?.value.caseReference !== undefined) kept.push(screening);
    }
    return kept;
  }

  /** Should the estimate of the year's audit events fall short, the last ones are views just before the end. */
  private async topUpAudit(target: number, recent: SeedResult['screenings']): Promise<void> {
    const teams = new Map(this.options.profile.teams.map((team) => [team.teamId, team]));
    for (let index = 0; this.audit.recorded < target && recent.length > 0; index += 1) {
      const screening = recent[recent.length - 1 - (index % recent.length)];
      const team = screening === undefined ? undefined : teams.get(screening.teamId);
      if (screening === undefined || team === undefined) break;
      const viewer = team.people.find((person) => person.userId === screening.caseworkerId) ?? this.leaderOf(team);
      this.clock.set(new Date(this.options.end.getTime() - 60_000));
      if ((await this.view(team, viewer, screening.caseReference)) === 0) break;
    }
  }

  // ---- openings ----

  private planOpenings(workingDays: readonly string[]): void {
    const { profile } = this.options;
    for (let n = 1; n <= profile.amounts.openings; n += 1) {
      const team = this.random.pick(profile.teams);
      const consultant = this.random.pick(this.peopleOf(team, 'consultant'));
      const at = this.during(this.random.pick(workingDays));
      this.timeline.add(at, async () => {
        this.clock.set(at);
        await this.registration(team, consultant, n);
      });
    }
  }

  private async registration(team: SeedTeam, consultant: SeedPerson, n: number): Promise<void> {
    const { ruleset } = this.options;
    const result = this.random.weighted<OpeningResult>([
      ['ingen_aabning', 30],
      ['ordinaer_aabning', 45],
      ['praktikplads', 15],
      ['loentilskud', 10],
    ]);
    const seats =
      result === 'ingen_aabning'
        ? 0
        : this.random.weighted([
            [1, 6],
            [2, 3],
            [3, 1],
          ] as const);
    const company = this.random.int(1, Math.max(1, Math.round(n / 3)));
    const registered = await this.openings.register(
      team.teamId,
      { userId: consultant.userId, name: consultant.name },
      {
        companyName: seedCompanyName(company),
        cvr: demoCvr(company),
        phone: `+45 70 ${String(10 + (company % 90)).padStart(2, '0')} ${String(company % 100).padStart(2, '0')} ${String((company * 7) % 100).padStart(2, '0')}`,
        email: `job@demo-virksomhed-${company}.dk`,
        contactPerson: `Demo Kontakt ${company}`,
        sector: this.random.pick(ruleset.sectors).id,
        result,
        jobFunction: result === 'ingen_aabning' ? '' : this.random.pick(JOB_FUNCTIONS),
        seats: String(seats),
        filled: '0',
        note: this.random.chance(0.2) ? 'Ring efter kl. 10.' : '',
      },
    );
    if (registered.kind !== 'registered')
      throw new Error(`registration ${n}: ${registered.errors.map((error) => error.message).join('; ')}`);
    this.counts.openings += 1;
    if (seats === 0) return;
    this.counts.openingsWithPlaces += 1;
    const editor = { userId: consultant.userId, name: consultant.name, isLeader: false };
    const id = registered.opening.id;
    const day = calendarDate(this.clock.now());
    const fate = this.random.weighted([
      ['filled', 55],
      ['closed', 35],
      ['open', 10],
    ] as const);
    if (fate === 'filled') {
      let date = day;
      for (let place = 0; place < seats; place += 1) {
        date = addDays(date, this.random.int(2, 12));
        const at = this.during(date);
        this.timeline.add(at, async () => {
          this.clock.set(at);
          const filled = await this.openings.fill(team.teamId, id);
          if (filled.kind !== 'filled') throw new Error(`fill of ${id}: ${filled.kind}`);
          this.counts.filledPlaces += 1;
        });
      }
    } else if (fate === 'closed') {
      const at = this.during(addDays(day, this.random.int(10, 40)));
      this.timeline.add(at, async () => {
        this.clock.set(at);
        const closed = await this.openings.setClosed(team.teamId, editor, id, true);
        if (closed.kind !== 'closed') throw new Error(`closing ${id}: ${closed.kind}`);
        this.counts.closedOpenings += 1;
      });
    }
  }
}
