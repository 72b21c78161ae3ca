import { deepFreeze } from '../../bot/storage/deep-freeze';
import type { Installation } from '../../rules/model/installation';
import type { InstallationRepository } from '../../rules/ports/installation.repository';
import type { AuditEvent, AuditTrail } from '../../rules/ports/audit-trail';
import type { Opening } from '../../rules/openings/opening';
import type { OpeningRepository } from '../../rules/ports/opening.repository';
import type { ClaimOutcome, JobRun, JobRunRepository } from '../../rules/ports/job-run.repository';
import type { ProcessedActivityRepository } from '../../rules/ports/processed-activity.repository';
import type { ScreeningRepository } from '../../rules/ports/screening.repository';
import type { TeamRosterRepository } from '../../rules/ports/team-roster.repository';
import type { SettingsVersion, TeamSettingsRepository } from '../../rules/ports/team-settings.repository';
import type { DecidedScreeningFacts } from '../../rules/screening-case/intensive-share';
import type { ScreeningRecord, Versioned } from '../../rules/screening-case/screening-record';

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

export class InMemoryScreeningRepository implements ScreeningRepository {
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
    return Promise.resolve(this.values(teamId).filter((record) => record.caseReference === caseReference));
  }

  listDecidedSince(teamId: string, since: string): Promise<DecidedScreeningFacts[]> {
    return Promise.resolve(
      this.values(teamId)
        .filter((record) => record.status === 'decided' && (record.decision?.decidedAt ?? '') >= since)
        .map((record) => ({ strategy: record.summary?.strategy ?? '', finalTrack: record.decision?.finalTrack ?? '' })),
    );
  }

  listWithAnswersCreatedBefore(teamId: string, before: string): Promise<string[]> {
    return Promise.resolve(
      this.values(teamId)
        .filter((record) => record.createdAt < before && record.answers !== undefined)
        .map((record) => record.id),
    );
  }

  listTeamsWithAnswers(): Promise<string[]> {
    const teams = [...this.items.values()]
      .filter((item) => item.value.answers !== undefined)
      .map((item) => item.value.teamId);
    return Promise.resolve([...new Set(teams)]);
  }

  delete(teamId: string, id: string): Promise<void> {
    this.items.delete(this.key(teamId, id));
    return Promise.resolve();
  }
}

export class InMemoryAuditTrail implements AuditTrail {
  readonly events: AuditEvent[] = [];

  record(event: AuditEvent): Promise<void> {
    this.events.push(structuredClone(event));
    return Promise.resolve();
  }

  listFor(teamId: string, entityId: string): Promise<AuditEvent[]> {
    return Promise.resolve(
      this.events
        .filter((event) => event.teamId === teamId && event.entityId === entityId)
        .sort((a, b) => a.at.localeCompare(b.at)),
    );
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

export class InMemoryTeamRosterRepository implements TeamRosterRepository {
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
        .filter((opening) => opening.teamId === teamId && (opening.date >= since || opening.filled < opening.seats)),
    );
  }
}
