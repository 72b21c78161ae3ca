import type { ChannelLoss, ChannelLossRepository } from '../../rules/morning-meeting/morning-meeting.repository';
import { deepFreeze } from '../../bot/storage/deep-freeze';
import type { Installation } from '../../rules/teams/installation';
import type { InstallationRepository } from '../../rules/teams/installation.repository';
import type { AuditEvent, AuditTrail } from '../../rules/shared/audit-trail';
import { isOpen, type Opening } from '../../rules/openings/opening';
import type { OpeningRepository } from '../../rules/openings/opening.repository';
import type { ClaimOutcome, JobRun, JobRunRepository } from '../../rules/shared/job-run.repository';
import type { ProcessedActivityRepository } from '../../rules/shared/processed-activity.repository';
import type { ScreeningRepository } from '../../rules/screening/screening.repository';
import type { TeamLeaders } from '../../rules/teams/team-leaders';
import type { SettingsVersion, TeamSettingsRepository } from '../../rules/teams/team-settings.repository';
import type { DecidedScreeningFacts } from '../../rules/screening/intensive-share';
import { caseReferenceKey } from '../../rules/screening/case-reference';
import type { ScreeningRecord } from '../../rules/screening/screening-record';
import type { Versioned } from '../../rules/shared/versioned';
import { decidedScreeningOf, type DecidedScreening } from '../../rules/screening/decided-screening';
import type { ScreeningStatisticsRepository } from '../../rules/screening/screening-statistics.repository';
import type { GoalPlan } from '../../rules/goals/goal-plan';
import type { GoalPlanRepository } from '../../rules/goals/goal-plan.repository';
import type { TeamIndicators } from '../../rules/goals/team-indicators';
import type { TeamIndicatorRepository } from '../../rules/goals/team-indicator.repository';
import { weekKey, type IsoWeek } from '../../rules/goals/iso-week';
import type { WeeklyLog } from '../../rules/goals/weekly-log';
import type { WeeklyLogRepository } from '../../rules/goals/weekly-log.repository';
import type { FollowUp, FollowUpWeek } from '../../rules/follow-ups/follow-up';
import type { FollowUpRepository } from '../../rules/follow-ups/follow-up.repository';

/** In-memory installations for flow tests; the contract suite holds it to the same rules as Cosmos. */
export class InMemoryInstallationRepository implements InstallationRepository {
  readonly items = new Map<string, Installation>();
  writes = 0;

  add(installation: Installation): Promise<{ created: boolean }> {
    const key = `${installation.tenantId}|${installation.conversationId}`;
    if (this.items.has(key)) return Promise.resolve({ created: false });
    this.items.set(key, structuredClone(installation));
    this.writes += 1;
    return Promise.resolve({ created: true });
  }

  refresh(installation: Installation): Promise<void> {
    const key = `${installation.tenantId}|${installation.conversationId}`;
    const existing = this.items.get(key);
    this.items.set(key, {
      ...structuredClone(installation),
      installedAt: existing?.installedAt ?? installation.installedAt,
    });
    this.writes += 1;
    return Promise.resolve();
  }

  get(tenantId: string, conversationId: string): Promise<Installation | undefined> {
    const item = this.items.get(`${tenantId}|${conversationId}`);
    return Promise.resolve(item === undefined ? undefined : structuredClone(item));
  }

  findPersonal(tenantId: string, userId: string): Promise<Installation | undefined> {
    const found = [...this.items.values()].find(
      (item) => item.tenantId === tenantId && item.scope === 'personal' && item.userId === userId,
    );
    return Promise.resolve(found === undefined ? undefined : structuredClone(found));
  }

  remove(tenantId: string, conversationId: string): Promise<void> {
    this.items.delete(`${tenantId}|${conversationId}`);
    return Promise.resolve();
  }
}

export class InMemoryProcessedActivityRepository implements ProcessedActivityRepository {
  readonly claims = new Map<string, Date>();

  claim(conversationId: string, activityId: string, at: Date): Promise<boolean> {
    const key = `${conversationId}|${activityId}`;
    if (this.claims.has(key)) return Promise.resolve(false);
    this.claims.set(key, at);
    return Promise.resolve(true);
  }

  purgeOlderThan(before: Date): Promise<number> {
    let purged = 0;
    for (const [key, at] of this.claims) {
      if (at < before) {
        this.claims.delete(key);
        purged += 1;
      }
    }
    return Promise.resolve(purged);
  }
}

export class InMemoryScreeningRepository implements ScreeningRepository, ScreeningStatisticsRepository {
  private readonly items = new Map<string, Versioned<ScreeningRecord>>();
  private nextEtag = 1;

  private key(teamId: string, id: string): string {
    return `${teamId}|${id}`;
  }

  private store(record: ScreeningRecord): Versioned<ScreeningRecord> {
    const stored = { value: structuredClone(record), etag: `"${this.nextEtag++}"` };
    this.items.set(this.key(record.teamId, record.id), stored);
    return deepFreeze(structuredClone(stored));
  }

  create(record: ScreeningRecord): Promise<Versioned<ScreeningRecord>> {
    if (this.items.has(this.key(record.teamId, record.id)))
      return Promise.reject(Object.assign(new Error('conflict'), { code: 409 }));
    return Promise.resolve(this.store(record));
  }

  get(teamId: string, id: string): Promise<Versioned<ScreeningRecord> | undefined> {
    const item = this.items.get(this.key(teamId, id));
    return Promise.resolve(item === undefined ? undefined : deepFreeze(structuredClone(item)));
  }

  getForChange(teamId: string, id: string): Promise<Versioned<ScreeningRecord> | undefined> {
    return this.get(teamId, id);
  }

  replace(record: ScreeningRecord, etag: string): Promise<Versioned<ScreeningRecord> | 'conflict'> {
    const existing = this.items.get(this.key(record.teamId, record.id));
    if (existing?.etag !== etag) return Promise.resolve('conflict');
    return Promise.resolve(this.store(record));
  }

  private values(teamId: string): ScreeningRecord[] {
    return [...this.items.values()]
      .map((item) => structuredClone(item.value))
      .filter((record) => record.teamId === teamId);
  }

  listUnfinished(teamId: string, caseworkerId: string): Promise<ScreeningRecord[]> {
    return Promise.resolve(
      this.values(teamId)
        .filter((record) => record.caseworkerId === caseworkerId && record.status !== 'decided')
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    );
  }

  listByReference(teamId: string, caseReference: string): Promise<ScreeningRecord[]> {
    const key = caseReferenceKey(caseReference);
    return Promise.resolve(
      this.values(teamId).filter(
        (record) => record.caseReference !== undefined && caseReferenceKey(record.caseReference) === key,
      ),
    );
  }

  listByCaseworker(teamId: string, caseworkerId: string, since: string): Promise<ScreeningRecord[]> {
    return Promise.resolve(
      this.values(teamId)
        .filter((record) => record.caseworkerId === caseworkerId && record.createdAt >= since)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    );
  }

  listDecidedSince(teamId: string, since: string): Promise<DecidedScreeningFacts[]> {
    return Promise.resolve(
      this.values(teamId)
        .filter((record) => record.status === 'decided' && (record.decision?.decidedAt ?? '') >= since)
        .map((record) => ({ strategy: record.summary?.strategy ?? '', finalTrack: record.decision?.finalTrack ?? '' })),
    );
  }

  listDecidedBetween(teamId: string, from: string, to: string): Promise<DecidedScreening[]> {
    return Promise.resolve(
      this.values(teamId)
        .map(decidedScreeningOf)
        .filter((fact): fact is DecidedScreening => fact !== undefined && fact.decidedAt >= from && fact.decidedAt < to)
        .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt)),
    );
  }

  listToRetainCreatedBefore(teamId: string, before: string): Promise<string[]> {
    return Promise.resolve(
      this.values(teamId)
        .filter((record) => record.createdAt < before && toRetain(record))
        .map((record) => record.id),
    );
  }

  listTeamsToRetain(): Promise<string[]> {
    const teams = [...this.items.values()].filter((item) => toRetain(item.value)).map((item) => item.value.teamId);
    return Promise.resolve([...new Set(teams)]);
  }

  delete(teamId: string, id: string, etag?: string): Promise<'deleted' | 'absent' | 'conflict'> {
    const existing = this.items.get(this.key(teamId, id));
    if (existing === undefined) return Promise.resolve('absent');
    if (etag !== undefined && existing.etag !== etag) return Promise.resolve('conflict');
    this.items.delete(this.key(teamId, id));
    return Promise.resolve('deleted');
  }
}

function toRetain(record: ScreeningRecord): boolean {
  return record.caseReference != null || record.answers != null;
}

export class InMemoryAuditTrail implements AuditTrail {
  readonly events: AuditEvent[] = [];
  private readonly ids = new Set<string>();

  record(event: AuditEvent, options: { eventId?: string } = {}): Promise<void> {
    if (options.eventId !== undefined) {
      const key = `${event.teamId}|${options.eventId}`;
      if (this.ids.has(key)) return Promise.resolve();
      this.ids.add(key);
    }
    this.events.push(structuredClone(event));
    return Promise.resolve();
  }

  listFor(teamId: string, entityId: string): Promise<AuditEvent[]> {
    return Promise.resolve(this.list((event) => event.teamId === teamId && event.entityId === entityId));
  }

  listBySubject(teamId: string, subjectKey: string): Promise<AuditEvent[]> {
    return Promise.resolve(this.list((event) => event.teamId === teamId && event.subjectKey === subjectKey));
  }

  private list(matches: (event: AuditEvent) => boolean): AuditEvent[] {
    return this.events
      .filter(matches)
      .map((event) => structuredClone(event))
      .sort((a, b) => a.at.localeCompare(b.at));
  }
}

export class InMemoryTeamSettingsRepository<T> implements TeamSettingsRepository<T> {
  private readonly versions: SettingsVersion<T>[] = [];

  current(teamId: string): Promise<SettingsVersion<T> | undefined> {
    const mine = this.versions.filter((entry) => entry.teamId === teamId).sort((a, b) => b.version - a.version);
    return Promise.resolve(mine[0] === undefined ? undefined : structuredClone(mine[0]));
  }

  get(teamId: string, version: number): Promise<SettingsVersion<T> | undefined> {
    const found = this.versions.find((entry) => entry.teamId === teamId && entry.version === version);
    return Promise.resolve(found === undefined ? undefined : structuredClone(found));
  }

  add(next: SettingsVersion<T>): Promise<'added' | 'conflict'> {
    if (this.versions.some((entry) => entry.teamId === next.teamId && entry.version === next.version)) {
      return Promise.resolve('conflict');
    }
    this.versions.push(structuredClone(next));
    return Promise.resolve('added');
  }
}

/** Leaders set up by the test (in the product they come from the team's owners and co-leaders). */
export class InMemoryTeamLeaders implements TeamLeaders {
  private readonly rosters = new Map<string, string[]>();

  leaders(teamId: string): Promise<string[]> {
    return Promise.resolve([...(this.rosters.get(teamId) ?? [])]);
  }

  addLeader(teamId: string, userId: string): Promise<boolean> {
    const leaders = this.rosters.get(teamId) ?? [];
    if (!leaders.includes(userId)) this.rosters.set(teamId, [...leaders, userId]);
    return Promise.resolve(true);
  }
}

export class InMemoryJobRunRepository implements JobRunRepository {
  private readonly runs = new Map<string, JobRun>();

  claim(teamId: string, key: string, holder: string, now: string, leaseUntil: string): Promise<ClaimOutcome> {
    const existing = this.runs.get(`${teamId}|${key}`);
    if (existing?.doneAt !== undefined) return Promise.resolve('done');
    if (existing !== undefined && existing.holder !== holder && existing.leaseUntil > now) {
      return Promise.resolve('held-by-other');
    }
    this.runs.set(`${teamId}|${key}`, { key, teamId, holder, leaseUntil, doneAt: undefined });
    return Promise.resolve('claimed');
  }

  complete(teamId: string, key: string, holder: string, at: string): Promise<boolean> {
    const existing = this.runs.get(`${teamId}|${key}`);
    if (existing === undefined || existing.holder !== holder) return Promise.resolve(false);
    this.runs.set(`${teamId}|${key}`, { ...existing, doneAt: at });
    return Promise.resolve(true);
  }

  get(teamId: string, key: string): Promise<JobRun | undefined> {
    const run = this.runs.get(`${teamId}|${key}`);
    return Promise.resolve(run === undefined ? undefined : { ...run });
  }
}

export class InMemoryOpeningRepository implements OpeningRepository {
  readonly items = new Map<string, Versioned<Opening>>();
  private nextEtag = 1;

  private store(opening: Opening): Versioned<Opening> {
    const stored = { value: structuredClone(opening), etag: `"${this.nextEtag++}"` };
    this.items.set(`${opening.teamId}|${opening.id}`, stored);
    return structuredClone(stored);
  }

  create(opening: Opening): Promise<Versioned<Opening>> {
    return Promise.resolve(this.store(opening));
  }

  get(teamId: string, id: string): Promise<Versioned<Opening> | undefined> {
    const item = this.items.get(`${teamId}|${id}`);
    return Promise.resolve(item === undefined ? undefined : structuredClone(item));
  }

  async replace(opening: Opening, etag: string): Promise<Versioned<Opening> | 'conflict'> {
    // Yield first, as a real store would, so concurrent callers interleave.
    await new Promise((resolve) => setImmediate(resolve));
    const existing = this.items.get(`${opening.teamId}|${opening.id}`);
    if (existing?.etag !== etag) return 'conflict';
    return this.store(opening);
  }

  listForBoard(teamId: string, since: string): Promise<Opening[]> {
    return Promise.resolve(
      [...this.items.values()]
        .map((item) => structuredClone(item.value))
        .filter((opening) => opening.teamId === teamId && (opening.date >= since || isOpen(opening))),
    );
  }

  listRegisteredBetween(teamId: string, from: string, to: string): Promise<Opening[]> {
    return Promise.resolve(
      [...this.items.values()]
        .map((item) => structuredClone(item.value))
        .filter((opening) => opening.teamId === teamId && opening.date >= from && opening.date < to),
    );
  }
}

export class InMemoryChannelLossRepository implements ChannelLossRepository {
  private readonly losses = new Map<string, ChannelLoss>();

  record(loss: ChannelLoss): Promise<void> {
    this.losses.set(loss.teamId, { ...loss });
    return Promise.resolve();
  }

  list(): Promise<ChannelLoss[]> {
    return Promise.resolve([...this.losses.values()].map((loss) => ({ ...loss })));
  }

  take(teamId: string): Promise<ChannelLoss | undefined> {
    const loss = this.losses.get(teamId);
    this.losses.delete(teamId);
    return Promise.resolve(loss);
  }
}

/** Decided screenings as plain facts, for tests of what reads them (the goals, the summary, follow-ups). */
export class InMemoryScreeningStatisticsRepository implements ScreeningStatisticsRepository {
  readonly items: DecidedScreening[] = [];
  queries = 0;

  add(...screenings: DecidedScreening[]): this {
    this.items.push(...structuredClone(screenings));
    return this;
  }

  listDecidedBetween(teamId: string, from: string, to: string): Promise<DecidedScreening[]> {
    this.queries += 1;
    return Promise.resolve(
      structuredClone(
        this.items
          .filter((item) => item.teamId === teamId && item.decidedAt >= from && item.decidedAt < to)
          .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt)),
      ),
    );
  }
}

/** Shared etag-guarded store behaviour: create-if-absent, replace-if-unchanged, copies in and out. */
class EtagStore<T> {
  readonly items = new Map<string, Versioned<T>>();
  private nextEtag = 1;

  get(key: string): Versioned<T> | undefined {
    const item = this.items.get(key);
    return item === undefined ? undefined : structuredClone(item);
  }

  async save(key: string, value: T, etag: string | undefined): Promise<Versioned<T> | 'conflict'> {
    // Yield first, as a real store would, so concurrent callers interleave.
    await new Promise((resolve) => setImmediate(resolve));
    const existing = this.items.get(key);
    if (etag === undefined ? existing !== undefined : existing?.etag !== etag) return 'conflict';
    const stored = { value: structuredClone(value), etag: `"${this.nextEtag++}"` };
    this.items.set(key, stored);
    return structuredClone(stored);
  }

  values(): T[] {
    return [...this.items.values()].map((item) => structuredClone(item.value));
  }
}

export class InMemoryGoalPlanRepository implements GoalPlanRepository {
  readonly store = new EtagStore<GoalPlan>();

  get(teamId: string, year: number): Promise<Versioned<GoalPlan> | undefined> {
    return Promise.resolve(this.store.get(`${teamId}|${year}`));
  }

  save(plan: GoalPlan, etag: string | undefined): Promise<Versioned<GoalPlan> | 'conflict'> {
    return this.store.save(`${plan.teamId}|${plan.year}`, plan, etag);
  }

  listTeamIds(year: number): Promise<string[]> {
    const teams = this.store
      .values()
      .filter((plan) => plan.year === year)
      .map((plan) => plan.teamId);
    return Promise.resolve([...new Set(teams)].sort());
  }
}

export class InMemoryTeamIndicatorRepository implements TeamIndicatorRepository {
  readonly store = new EtagStore<TeamIndicators>();

  get(teamId: string): Promise<Versioned<TeamIndicators> | undefined> {
    return Promise.resolve(this.store.get(teamId));
  }

  save(value: TeamIndicators, etag: string | undefined): Promise<Versioned<TeamIndicators> | 'conflict'> {
    return this.store.save(value.teamId, value, etag);
  }
}

export class InMemoryWeeklyLogRepository implements WeeklyLogRepository {
  readonly store = new EtagStore<WeeklyLog>();
  writes = 0;

  get(teamId: string, userId: string, week: IsoWeek): Promise<Versioned<WeeklyLog> | undefined> {
    return Promise.resolve(this.store.get(`${teamId}|${userId}:${weekKey(week)}`));
  }

  async save(log: WeeklyLog, etag: string | undefined): Promise<Versioned<WeeklyLog> | 'conflict'> {
    const saved = await this.store.save(`${log.teamId}|${log.id}`, log, etag);
    if (saved !== 'conflict') this.writes += 1;
    return saved;
  }

  listBetween(teamId: string, from: IsoWeek, to: IsoWeek): Promise<WeeklyLog[]> {
    const [first, last] = [weekKey(from), weekKey(to)];
    return Promise.resolve(
      this.store
        .values()
        .filter((log) => log.teamId === teamId && log.weekKey >= first && log.weekKey <= last)
        .sort((a, b) => a.weekKey.localeCompare(b.weekKey) || a.userId.localeCompare(b.userId)),
    );
  }
}

export class InMemoryFollowUpRepository implements FollowUpRepository {
  readonly store = new EtagStore<FollowUp>();

  async create(followUp: FollowUp): Promise<Versioned<FollowUp> | 'exists'> {
    const saved = await this.store.save(`${followUp.teamId}|${followUp.id}`, followUp, undefined);
    return saved === 'conflict' ? 'exists' : saved;
  }

  get(teamId: string, id: string): Promise<Versioned<FollowUp> | undefined> {
    return Promise.resolve(this.store.get(`${teamId}|${id}`));
  }

  replace(followUp: FollowUp, etag: string): Promise<Versioned<FollowUp> | 'conflict'> {
    return this.store.save(`${followUp.teamId}|${followUp.id}`, followUp, etag);
  }

  listAwaitingReminder(date: string): Promise<FollowUp[]> {
    return Promise.resolve(
      this.store
        .values()
        .filter((item) => item.dueDate <= date && item.remindedAt === undefined && item.outcome === undefined)
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id)),
    );
  }

  listDueBetween(teamId: string, from: string, to: string, weeks?: FollowUpWeek): Promise<FollowUp[]> {
    return Promise.resolve(
      this.store
        .values()
        .filter(
          (item) =>
            item.teamId === teamId &&
            item.dueDate >= from &&
            item.dueDate <= to &&
            (weeks === undefined || item.weeks === weeks),
        ),
    );
  }

  listAwaitingOutcome(teamId: string, caseworkerId: string, date: string): Promise<FollowUp[]> {
    return Promise.resolve(
      this.store
        .values()
        .filter(
          (item) =>
            item.teamId === teamId &&
            item.caseworkerId === caseworkerId &&
            item.dueDate <= date &&
            item.outcome === undefined,
        )
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id)),
    );
  }

  deleteForScreening(teamId: string, screeningId: string): Promise<number> {
    let deleted = 0;
    for (const [key, item] of this.store.items) {
      if (item.value.teamId === teamId && item.value.screeningId === screeningId) {
        this.store.items.delete(key);
        deleted += 1;
      }
    }
    return Promise.resolve(deleted);
  }
}
