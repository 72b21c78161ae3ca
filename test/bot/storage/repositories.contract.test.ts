import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Installation } from '../../../rules/teams/installation';
import type { InstallationRepository } from '../../../rules/teams/installation.repository';
import type { ProcessedActivityRepository } from '../../../rules/shared/processed-activity.repository';
import { storedBackends } from '../../support/contract-store';
import type { AuditTrail } from '../../../rules/shared/audit-trail';
import type { ScreeningRepository } from '../../../rules/screening/screening.repository';
import type { TeamSettingsRepository } from '../../../rules/teams/team-settings.repository';
import type { ScreeningHistoryEntry, ScreeningRecord } from '../../../rules/screening/screening-record';
import type { JobRunRepository } from '../../../rules/shared/job-run.repository';
import {
  InMemoryAuditTrail,
  InMemoryInstallationRepository,
  InMemoryJobRunRepository,
  InMemoryProcessedActivityRepository,
  InMemoryScreeningRepository,
  InMemoryTeamSettingsRepository,
} from '../../support/in-memory.repositories';
import { screeningDecision, screeningRecord, screeningSummary } from '../../support/screening-record.fixture';

interface Subject {
  installations(): InstallationRepository;
  processed(): ProcessedActivityRepository;
  screenings(): ScreeningRepository;
  audit(): AuditTrail;
  settings(): TeamSettingsRepository<{ cap: number }>;
  jobRuns(): JobRunRepository;
  close(): Promise<void>;
}

type SubjectFactory = () => Promise<Subject>;

const subjects: [string, SubjectFactory][] = [
  [
    'in-memory (test double)',
    () => {
      const installations = new InMemoryInstallationRepository();
      const processed = new InMemoryProcessedActivityRepository();
      const screenings = new InMemoryScreeningRepository();
      const audit = new InMemoryAuditTrail();
      const settings = new InMemoryTeamSettingsRepository<{ cap: number }>();
      const jobRuns = new InMemoryJobRunRepository();
      return Promise.resolve({
        jobRuns: () => jobRuns,
        installations: () => installations,
        processed: () => processed,
        screenings: () => screenings,
        audit: () => audit,
        settings: () => settings,
        close: () => Promise.resolve(),
      });
    },
  ],
  ...storedBackends('contract').map(([name, open]): [string, SubjectFactory] => [
    name,
    async () => {
      const { repositories, close } = await open();
      return {
        installations: () => repositories.installations,
        processed: () => repositories.processedActivities,
        screenings: () => repositories.screenings,
        audit: () => repositories.audit,
        settings: () => repositories.teamSettings as unknown as TeamSettingsRepository<{ cap: number }>,
        jobRuns: () => repositories.jobRuns,
        close,
      };
    },
  ]),
];

/** A new screening of team-a, with an id of its own (so creates never collide). */
function screening(overrides: Partial<ScreeningRecord> = {}): ScreeningRecord {
  return screeningRecord({
    id: randomUUID(),
    teamId: 'team-a',
    caseReference: 'J-1',
    rulesetVersion: undefined,
    ...overrides,
  });
}

function installation(overrides: Partial<Installation> = {}): Installation {
  return {
    conversationId: `19:${randomUUID()}@thread.tacv2;messageid=1/2?#`,
    tenantId: 'tenant-a',
    scope: 'team',
    teamId: '19:team@thread.tacv2',
    userId: undefined,
    reference: { serviceUrl: 'https://smba.example/emea/', conversation: { id: 'c' } },
    installedAt: '2026-02-03T08:00:00.000Z',
    updatedAt: '2026-02-03T08:00:00.000Z',
    ...overrides,
  };
}

for (const [name, factory] of subjects) {
  describe(`repository contract: ${name}`, function () {
    this.timeout(60_000);
    let subject: Subject;
    before(async () => {
      subject = await factory();
    });
    after(async () => {
      await subject?.close();
    });

    it('when an installation is added twice, then the first is created and the second changes nothing', async () => {
      const repo = subject.installations();
      const first = installation();
      assert.deepEqual(await repo.add(first), { created: true });
      assert.deepEqual(await repo.add({ ...first, installedAt: '2030-01-01T00:00:00.000Z' }), { created: false });
      assert.equal((await repo.get(first.tenantId, first.conversationId))?.installedAt, first.installedAt);
    });

    it('when an installation is refreshed, then the new reference is stored and installedAt is kept', async () => {
      const repo = subject.installations();
      const first = installation();
      await repo.add(first);
      const moved = {
        ...first,
        reference: { serviceUrl: 'https://smba.example/new/' },
        updatedAt: '2026-02-04T08:00:00.000Z',
      };
      await repo.refresh(moved);
      const stored = await repo.get(first.tenantId, first.conversationId);
      assert.deepEqual(stored?.reference, moved.reference);
      assert.equal(stored?.updatedAt, moved.updatedAt);
      assert.equal(stored?.installedAt, first.installedAt);
    });

    it('when a conversation never installed is refreshed, then it is stored', async () => {
      const repo = subject.installations();
      const unseen = installation({ scope: 'personal', teamId: undefined });
      await repo.refresh(unseen);
      const stored = await repo.get(unseen.tenantId, unseen.conversationId);
      assert.equal(stored?.scope, 'personal');
      assert.equal(stored?.teamId, undefined);
    });

    it('when an installation is removed, then it is gone, and removing it again is harmless', async () => {
      const repo = subject.installations();
      const first = installation();
      await repo.add(first);
      await repo.remove(first.tenantId, first.conversationId);
      assert.equal(await repo.get(first.tenantId, first.conversationId), undefined);
      await repo.remove(first.tenantId, first.conversationId);
      assert.deepEqual(await repo.add(first), { created: true });
    });

    it('when a user has a personal chat with the bot, then it is found by tenant and user, and only then', async () => {
      const repo = subject.installations();
      const personal = installation({ scope: 'personal', teamId: undefined, userId: `user-${randomUUID()}` });
      await repo.add(personal);
      assert.equal(
        (await repo.findPersonal('tenant-a', personal.userId ?? ''))?.conversationId,
        personal.conversationId,
      );
      assert.equal(await repo.findPersonal('tenant-b', personal.userId ?? ''), undefined);
      assert.equal(await repo.findPersonal('tenant-a', 'someone-else'), undefined);
    });

    it('when the same id is asked for in another tenant, then nothing is found', async () => {
      const repo = subject.installations();
      const first = installation();
      await repo.add(first);
      assert.equal(await repo.get('tenant-b', first.conversationId), undefined);
    });

    it('when an activity is claimed twice, even concurrently, then exactly one claim wins', async () => {
      const repo = subject.processed();
      const results = await Promise.all(
        [1, 2, 3].map(() => repo.claim('conv-1', 'activity/with?odd#chars', new Date())),
      );
      assert.deepEqual(results.filter(Boolean).length, 1);
      assert.equal(await repo.claim('conv-2', 'activity/with?odd#chars', new Date()), true);
    });

    it('when old claims are purged, then they can be claimed again and new ones stay', async () => {
      const repo = subject.processed();
      await repo.claim('conv-p', 'old', new Date('2026-01-01T00:00:00Z'));
      await repo.claim('conv-p', 'new', new Date('2026-03-01T00:00:00Z'));
      assert.ok((await repo.purgeOlderThan(new Date('2026-02-01T00:00:00Z'))) >= 1);
      assert.equal(await repo.claim('conv-p', 'old', new Date('2026-03-02T00:00:00Z')), true);
      assert.equal(await repo.claim('conv-p', 'new', new Date('2026-03-02T00:00:00Z')), false);
    });

    it('when a screening is asked for by an id that cannot name a document (".", "..", "a?b", "a#b", "a/b"), then nothing is found', async () => {
      const repo = subject.screenings();
      const record = screening();
      await repo.create(record);
      for (const id of ['.', '..', `${record.id}?x`, 'a#b', 'a/b', 'a\\b', '']) {
        assert.equal(await repo.get(record.teamId, id), undefined, JSON.stringify(id));
        assert.equal(await repo.getForChange(record.teamId, id), undefined, JSON.stringify(id));
      }
      assert.equal((await repo.get(record.teamId, record.id))?.value.id, record.id);
    });

    it('when a screening is replaced with a stale etag, then it is a conflict and the first change stays', async () => {
      const repo = subject.screenings();
      const created = await repo.create(screening());
      const first = await repo.replace({ ...created.value, sectionIndex: 1 }, created.etag);
      assert.notEqual(first, 'conflict');
      assert.equal(await repo.replace({ ...created.value, sectionIndex: 5 }, created.etag), 'conflict');
      assert.equal((await repo.get(created.value.teamId, created.value.id))?.value.sectionIndex, 1);
    });

    it('when a screening is created, read or replaced, then the record handed out cannot be changed in place', async () => {
      const repo = subject.screenings();
      const legacy = [
        { at: '2026-01-01T00:00:00.000Z', actorId: 'cw-1', action: 'create' as const, detail: 'started' },
      ];
      const created = await repo.create(screening({ answers: { age: 52 }, history: legacy }));
      const forChange = await repo.getForChange(created.value.teamId, created.value.id);
      const replaced = await repo.replace({ ...created.value, sectionIndex: 1 }, created.etag);
      assert.notEqual(replaced, 'conflict');
      const read = await repo.get(created.value.teamId, created.value.id);
      for (const handedOut of [created, forChange, replaced === 'conflict' ? undefined : replaced, read]) {
        assert.ok(handedOut);
        assert.throws(() => Object.assign(handedOut.value, { status: 'decided' }), TypeError);
        assert.throws(
          () =>
            (handedOut.value.history as ScreeningHistoryEntry[]).push({
              at: '',
              actorId: '',
              action: 'update',
              detail: '',
            }),
          TypeError,
        );
        assert.throws(() => Object.assign(handedOut.value.answers ?? {}, { age: 18 }), TypeError);
      }
      assert.equal((await repo.getForChange(created.value.teamId, created.value.id))?.value.sectionIndex, 1);
    });

    it('when answers are removed by a replace, then the record no longer holds them but keeps its summary', async () => {
      const repo = subject.screenings();
      const created = await repo.create(screening({ summary: screeningSummary(), answers: { age: 52 } }));
      await repo.replace(
        { ...created.value, answers: undefined, result: undefined, answersErasedAt: '2026-06-01T00:00:00.000Z' },
        created.etag,
      );
      const stored = await repo.get(created.value.teamId, created.value.id);
      assert.equal(stored?.value.answers, undefined);
      assert.equal(stored?.value.summary?.strategy, 'selektion');
    });

    it("when screenings are listed, then only the team's own are seen, by caseworker, reference, decision date and age", async () => {
      const repo = subject.screenings();
      const teamId = `team-${randomUUID()}`;
      const mine = await repo.create(
        screening({ teamId, caseworkerId: 'cw-1', caseReference: 'J-1', createdAt: '2026-01-01T00:00:00.000Z' }),
      );
      await repo.create(screening({ teamId, caseworkerId: 'cw-2', caseReference: 'J-2' }));
      await repo.create(
        screening({
          teamId,
          caseworkerId: 'cw-1',
          caseReference: 'J-3',
          status: 'decided',
          summary: screeningSummary(),
          decision: screeningDecision({ decidedAt: '2026-03-01T00:00:00.000Z' }),
        }),
      );
      await repo.create(screening({ teamId: `other-${teamId}`, caseworkerId: 'cw-1', caseReference: 'J-1' }));
      assert.deepEqual(
        (await repo.listUnfinished(teamId, 'cw-1')).map((r) => r.id),
        [mine.value.id],
      );
      assert.deepEqual(
        (await repo.listByReference(teamId, 'J-1')).map((r) => r.id),
        [mine.value.id],
      );
      assert.deepEqual(await repo.listDecidedSince(teamId, '2026-02-01T00:00:00.000Z'), [
        { strategy: 'selektion', finalTrack: 'selektion' },
      ]);
      assert.deepEqual(await repo.listDecidedSince(teamId, '2026-03-02T00:00:00.000Z'), []);
      assert.deepEqual(await repo.listToRetainCreatedBefore(teamId, '2026-01-02T00:00:00.000Z'), [mine.value.id]);
      assert.equal(await repo.delete(teamId, mine.value.id), 'deleted');
      assert.equal(await repo.get(teamId, mine.value.id), undefined);
      assert.equal(await repo.delete(teamId, mine.value.id), 'absent');
    });

    it('when screenings are found by reference, then the case of the letters does not matter (Æ, Ø, Å too); by caseworker, then newest first since a date', async () => {
      const repo = subject.screenings();
      const teamId = `team-${randomUUID()}`;
      const upper = await repo.create(
        screening({
          teamId,
          caseworkerId: 'cw-1',
          caseReference: 'J-2026-ÆØÅ-102',
          createdAt: '2026-02-01T09:00:00.000Z',
        }),
      );
      const later = await repo.create(
        screening({ teamId, caseworkerId: 'cw-1', caseReference: 'j-7', createdAt: '2026-02-10T09:00:00.000Z' }),
      );
      await repo.create(
        screening({ teamId, caseworkerId: 'cw-1', caseReference: 'J-OLD', createdAt: '2025-12-01T09:00:00.000Z' }),
      );
      await repo.create(screening({ teamId, caseworkerId: 'cw-2', caseReference: 'J-2026-æøå-102x' }));
      await repo.create(
        screening({ teamId: `other-${teamId}`, caseworkerId: 'cw-1', caseReference: 'J-2026-ÆØÅ-102' }),
      );
      for (const typed of ['J-2026-ÆØÅ-102', 'j-2026-æøå-102', 'J-2026-æØå-102'])
        assert.deepEqual(
          (await repo.listByReference(teamId, typed)).map((r) => r.id),
          [upper.value.id],
          typed,
        );
      assert.deepEqual(
        (await repo.listByReference(teamId, 'J-7')).map((r) => r.id),
        [later.value.id],
      );
      assert.deepEqual(await repo.listByReference(teamId, 'J-2026'), [], 'whole references only');
      assert.deepEqual(
        (await repo.listByCaseworker(teamId, 'cw-1', '2026-01-01T00:00:00.000Z')).map((r) => r.id),
        [later.value.id, upper.value.id],
      );
      assert.deepEqual(await repo.listByCaseworker(teamId, 'cw-3', '2026-01-01T00:00:00.000Z'), []);
    });

    it('when a screening is deleted with a stale etag, then it is a conflict and it stays; with its etag it is gone', async () => {
      const repo = subject.screenings();
      const created = await repo.create(screening());
      const changed = await repo.replace({ ...created.value, sectionIndex: 1 }, created.etag);
      assert.ok(changed !== 'conflict');
      assert.equal(await repo.delete(created.value.teamId, created.value.id, created.etag), 'conflict');
      assert.equal((await repo.get(created.value.teamId, created.value.id))?.value.sectionIndex, 1);
      assert.equal(await repo.delete(created.value.teamId, created.value.id, changed.etag), 'deleted');
      assert.equal(await repo.get(created.value.teamId, created.value.id), undefined);
      assert.equal(await repo.delete(created.value.teamId, created.value.id, changed.etag), 'absent');
    });

    it('when retention looks for work, then it finds screenings with a reference or answers, and none it reduced', async () => {
      const repo = subject.screenings();
      const teamId = `team-${randomUUID()}`;
      const old = '2026-01-01T00:00:00.000Z';
      const decided = { status: 'decided' as const, summary: screeningSummary(), decision: screeningDecision() };
      const live = await repo.create(screening({ teamId, createdAt: old }));
      // Reduced by the bot before retention removed the reference too: still to do.
      const halfway = await repo.create(screening({ teamId, createdAt: old, ...decided, answers: undefined }));
      await repo.create(
        screening({ teamId, createdAt: old, ...decided, caseReference: undefined, answers: undefined }),
      );
      await repo.create(screening({ teamId, createdAt: '2026-03-01T00:00:00.000Z' }));
      assert.deepEqual(
        (await repo.listToRetainCreatedBefore(teamId, '2026-02-01T00:00:00.000Z')).sort(),
        [live.value.id, halfway.value.id].sort(),
      );
      assert.ok((await repo.listTeamsToRetain()).includes(teamId));
      const reduced = await repo.get(teamId, halfway.value.id);
      assert.equal(reduced?.value.caseReference, 'J-1');
    });

    it('when audit events are recorded, then they are listed per team and record in time order', async () => {
      const audit = subject.audit();
      const teamId = `team-${randomUUID()}`;
      const event = { teamId, actorId: 'cw-1', entity: 'screening' as const, entityId: 's-1', detail: 'x' };
      await audit.record({ ...event, at: '2026-01-02T00:00:00.000Z', action: 'update' });
      await audit.record({ ...event, at: '2026-01-01T00:00:00.000Z', action: 'create' });
      await audit.record({ ...event, teamId: `${teamId}-b`, at: '2026-01-01T00:00:00.000Z', action: 'read' });
      assert.deepEqual(
        (await audit.listFor(teamId, 's-1')).map((e) => e.action),
        ['create', 'update'],
      );
      assert.deepEqual(await audit.listFor(teamId, 's-1'), [
        { ...event, at: '2026-01-01T00:00:00.000Z', action: 'create' },
        { ...event, at: '2026-01-02T00:00:00.000Z', action: 'update' },
      ]);
    });

    it('when audit events carry a subject key, then they are found by it in their team only, and an event with an id is kept once', async () => {
      const audit = subject.audit();
      const teamId = `team-${randomUUID()}`;
      const event = {
        teamId,
        actorId: 'leader-1',
        entity: 'screening' as const,
        detail: 'erased-on-request',
        subjectKey: 'key-1',
      };
      await audit.record({ ...event, entityId: 's-1', at: '2026-01-01T00:00:00.000Z', action: 'create' });
      for (let attempt = 0; attempt < 2; attempt += 1) {
        await audit.record(
          { ...event, entityId: 's-1', at: `2026-01-0${2 + attempt}T00:00:00.000Z`, action: 'delete' },
          { eventId: 's-1:erased' },
        );
      }
      await audit.record({ ...event, entityId: 's-2', at: '2026-01-01T12:00:00.000Z', action: 'create' });
      await audit.record({
        ...event,
        teamId: `${teamId}-b`,
        entityId: 's-1',
        at: '2026-01-01T00:00:00.000Z',
        action: 'read',
      });
      await audit.record({
        ...event,
        subjectKey: 'key-2',
        entityId: 's-3',
        at: '2026-01-01T00:00:00.000Z',
        action: 'read',
      });
      assert.deepEqual(
        (await audit.listBySubject(teamId, 'key-1')).map((e) => `${e.entityId}:${e.action}`),
        ['s-1:create', 's-2:create', 's-1:delete'],
      );
      assert.deepEqual(await audit.listBySubject(teamId, 'key-9'), []);
      assert.equal((await audit.listFor(teamId, 's-1')).length, 2, 'the erasure recorded twice is kept once');
    });

    it('when two instances claim the same job run at once, then exactly one gets it, and a done run is never claimed again', async () => {
      const runs = subject.jobRuns();
      const teamId = `team-${randomUUID()}`;
      const key = `morning-post:${teamId}:2026-02-03`;
      const at = '2026-02-03T07:30:00.000Z';
      const until = '2026-02-03T07:35:00.000Z';
      const outcomes = await Promise.all(['a', 'b', 'c'].map((holder) => runs.claim(teamId, key, holder, at, until)));
      assert.equal(outcomes.filter((outcome) => outcome === 'claimed').length, 1);
      const winner = ['a', 'b', 'c'][outcomes.indexOf('claimed')] ?? '';
      assert.equal(await runs.complete(teamId, key, 'someone-else', at), false);
      assert.equal(await runs.complete(teamId, key, winner, '2026-02-03T07:31:00.000Z'), true);
      assert.equal(await runs.claim(teamId, key, 'a', '2026-02-03T09:00:00.000Z', '2026-02-03T09:05:00.000Z'), 'done');
      assert.equal((await runs.get(teamId, key))?.doneAt, '2026-02-03T07:31:00.000Z');
    });

    it('when the holder of a run dies and its lease expires, then another instance takes over; before that it cannot', async () => {
      const runs = subject.jobRuns();
      const teamId = `team-${randomUUID()}`;
      const key = `morning-post:${teamId}:2026-02-04`;
      assert.equal(
        await runs.claim(teamId, key, 'a', '2026-02-04T07:30:00.000Z', '2026-02-04T07:35:00.000Z'),
        'claimed',
      );
      assert.equal(
        await runs.claim(teamId, key, 'b', '2026-02-04T07:32:00.000Z', '2026-02-04T07:37:00.000Z'),
        'held-by-other',
      );
      assert.equal(
        await runs.claim(teamId, key, 'b', '2026-02-04T07:36:00.000Z', '2026-02-04T07:41:00.000Z'),
        'claimed',
      );
      assert.equal(
        await runs.complete(teamId, key, 'a', '2026-02-04T07:37:00.000Z'),
        false,
        'the old holder lost its lease',
      );
      assert.equal(await runs.complete(teamId, key, 'b', '2026-02-04T07:37:00.000Z'), true);
    });

    it('when two settings versions with the same number are added, then the second is a conflict and current is the newest', async () => {
      const settings = subject.settings();
      const teamId = `team-${randomUUID()}`;
      assert.equal(await settings.current(teamId), undefined);
      const base = { teamId, changedBy: 'leader-1', changedAt: '2026-01-01T00:00:00.000Z' };
      assert.equal(await settings.add({ ...base, version: 2, settings: { cap: 0.3 } }), 'added');
      assert.equal(await settings.add({ ...base, version: 2, settings: { cap: 0.5 } }), 'conflict');
      assert.equal(await settings.add({ ...base, version: 3, settings: { cap: 0.4 } }), 'added');
      assert.deepEqual((await settings.current(teamId))?.settings, { cap: 0.4 });
      assert.deepEqual((await settings.get(teamId, 2))?.settings, { cap: 0.3 });
    });
  });
}
