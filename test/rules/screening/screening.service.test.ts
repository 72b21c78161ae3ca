import assert from 'node:assert/strict';
import sinon from 'sinon';
import { loadDefaultScreeningRuleset } from '../../../bot/screening-ruleset.loader';
import { screeningRulesFrom } from '../../../rules/screening/default-screening-rules';
import { ScreeningService, type ScreeningStep } from '../../../rules/screening/screening.service';
import type { Actor } from '../../../rules/teams/actor';
import { SENSITIVE_WARNING, TeamSettingsService } from '../../../rules/teams/team-settings.service';
import { ScreeningEvaluator } from '../../../rules/screening/engine/screening.evaluator';
import type { ScreeningRuleset, TeamScreeningSettings } from '../../../rules/screening/screening.types';
import { defaultTeamScreeningSettings } from '../../../rules/screening/team-screening-settings';
import {
  InMemoryAuditTrail,
  InMemoryScreeningRepository,
  InMemoryTeamLeaders,
  InMemoryTeamSettingsRepository,
} from '../../support/in-memory.repositories';
import { CPR_VARIANTS, leaksCpr } from '../../support/cpr-variants';
import { CARD_ANSWERS } from '../../support/screening-answers';
import { HmacReferenceKeyer } from '../../../bot/storage/hmac-reference.keyer';
import { screeningWeekStatistics } from '../../../rules/goals/screening-week-statistics';
import { intensiveShare } from '../../../rules/screening/intensive-share';
import { followUpsForScreening } from '../../../rules/follow-ups/follow-up';

const ANSWERS: Readonly<Record<string, string>> = { ...CARD_ANSWERS, nonDanishBackground: 'nej' };
/** Overrides the recommended selection track, with a reason and free text (which the trail never holds). */
const OVERRIDE = { finalTrack: 'catch-all', reasonCode: 'andet', reasonText: 'Borgeren har fået job i mellemtiden' };
const keyer = new HmacReferenceKeyer('a-test-secret-of-at-least-32-characters');

describe('ScreeningService and TeamSettingsService (in-memory storage, real rules)', () => {
  let ruleset: ScreeningRuleset;
  let sandbox: sinon.SinonSandbox;
  let now: Date;
  let screenings: InMemoryScreeningRepository;
  let audit: InMemoryAuditTrail;
  let settings: TeamSettingsService;
  let settingsRepository: InMemoryTeamSettingsRepository<TeamScreeningSettings>;
  let service: ScreeningService;
  const caseworker: Actor = { teamId: 'team-1', userId: 'cw-1' };
  const leader: Actor = { teamId: 'team-1', userId: 'leader-1' };
  let leaders: InMemoryTeamLeaders;

  before(async () => {
    ruleset = await loadDefaultScreeningRuleset();
  });
  beforeEach(() => {
    sandbox = sinon.createSandbox();
    now = new Date('2026-02-03T09:00:00Z');
    const clock = { now: () => now };
    screenings = new InMemoryScreeningRepository();
    audit = new InMemoryAuditTrail();
    leaders = new InMemoryTeamLeaders();
    settingsRepository = new InMemoryTeamSettingsRepository<TeamScreeningSettings>();
    settings = new TeamSettingsService(
      settingsRepository,
      leaders,
      defaultTeamScreeningSettings(ruleset),
      audit,
      clock,
      new Set(ruleset.sectors.map((sector) => sector.id)),
    );
    let id = 0;
    service = new ScreeningService(
      screeningRulesFrom(ruleset, new ScreeningEvaluator(ruleset)),
      screenings,
      settings,
      audit,
      keyer,
      clock,
      () => `s-${++id}`,
    );
  });
  afterEach(() => sandbox.restore());

  /** Answers every section shown and returns the last step. */
  async function complete(actor: Actor, reference: string): Promise<ScreeningStep> {
    const started = await service.start(actor, reference);
    assert.equal(started.kind, 'started');
    assert.ok(started.kind === 'started');
    let step = started.step;
    while (step.kind === 'section') {
      const raw: Record<string, unknown> = {};
      for (const question of step.questions) raw[question.id] = ANSWERS[question.id];
      const outcome = await service.submitSection(actor, step.screening.id, step.sectionIndex, raw);
      assert.equal(outcome.kind, 'step');
      assert.ok(outcome.kind === 'step');
      assert.deepEqual(outcome.step.kind === 'section' ? outcome.step.errors : [], []);
      step = outcome.step;
    }
    return step;
  }

  it('when a screening is created, changed, read and erased, then every event is in the trail apart from the record, and the erasure leaves its trail', async () => {
    const result = await complete(caseworker, 'J-1');
    assert.equal(result.kind, 'result');
    await service.decide(caseworker, result.screening.id, { decision: 'override', ...OVERRIDE });
    await service.resume(caseworker, result.screening.id);
    await leaders.addLeader('team-1', leader.userId);
    const viewed = await service.view(leader, 'J-1');
    assert.ok(viewed.kind === 'shown' && viewed.steps[0]?.kind === 'decided');
    const foreign = await service.view({ teamId: 'team-1', userId: 'cw-2' }, 'J-1');
    assert.deepEqual(foreign.kind === 'shown' ? [foreign.steps.length, foreign.hidden] : [], [0, 1]);
    const stored = await screenings.get('team-1', result.screening.id);
    assert.equal(stored?.value.history, undefined, 'the record holds no trail of its own');
    assert.deepEqual(await eraseAll(service, leader, 'J-1'), ['erased']);
    assert.equal(await screenings.get('team-1', result.screening.id), undefined);

    const trail = await service.auditTrail(leader, 'j-1');
    assert.ok(trail.kind === 'trail');
    assert.deepEqual(
      trail.entries.map((entry) => `${entry.action}:${entry.detail}:${entry.actorId}`),
      [
        'create:started:cw-1',
        'update:section-borgeren-answered:cw-1',
        'update:section-arbejdsmarked-answered:cw-1',
        'update:section-jobsoegning-answered:cw-1',
        'update:section-barrierer-answered:cw-1',
        'update:evaluated:cw-1',
        'update:overridden:cw-1',
        'read:resumed:cw-1',
        'read:viewed-by-leader:leader-1',
        'read:viewed-for-erasure:leader-1',
        'delete:erased-on-request:leader-1',
      ],
    );
    assert.ok(trail.entries.every((entry) => entry.screeningId === result.screening.id));
    // Who, what, when and the keyed reference: never the reference, an answer or the free text.
    const written = JSON.stringify(audit.events);
    assert.doesNotMatch(written, /J-1|j-1|Borgeren har fået job|dagpenge/);
    assert.ok(audit.events.every((event) => event.subjectKey === audit.events[0]?.subjectKey));
  });

  it('when a leader reads the trail of a reference nobody in the team used, of another team, or is no leader, then nothing is revealed', async () => {
    await leaders.addLeader('team-1', leader.userId);
    await leaders.addLeader('team-2', 'leader-2');
    await complete(caseworker, 'J-9');
    const other = await service.auditTrail({ teamId: 'team-2', userId: 'leader-2' }, 'J-9');
    const nowhere = await service.auditTrail({ teamId: 'team-2', userId: 'leader-2' }, 'J-NOWHERE');
    assert.deepEqual(other, { kind: 'trail', reference: 'J-9', entries: [] });
    assert.deepEqual(nowhere, { kind: 'trail', reference: 'J-NOWHERE', entries: [] });
    assert.deepEqual(await service.auditTrail(caseworker, 'J-9'), { kind: 'forbidden' });
    const refused = await service.auditTrail(leader, '010190-1234');
    assert.equal(refused.kind, 'invalid');
    const own = await service.auditTrail(leader, 'J-9');
    assert.equal(own.kind === 'trail' ? own.entries.length : 0, 6);
  });

  it('when a record written before the trail was kept apart holds its history, then the trail shows it, and erasing moves it into the trail first', async () => {
    await leaders.addLeader('team-1', leader.userId);
    const legacy = await complete(caseworker, 'J-OLD');
    const stored = await screenings.get('team-1', legacy.screening.id);
    assert.ok(stored !== undefined);
    // As the bot wrote it before: the creates and changes inside the record, none in the trail.
    audit.events.length = 0;
    const history = [
      { at: '2026-01-05T08:00:00.000Z', actorId: 'cw-1', action: 'create' as const, detail: 'started' },
      { at: '2026-01-05T08:10:00.000Z', actorId: 'cw-1', action: 'update' as const, detail: 'evaluated' },
    ];
    await screenings.replace({ ...stored.value, history }, stored.etag);
    const before = await service.auditTrail(leader, 'J-OLD');
    assert.deepEqual(before.kind === 'trail' ? before.entries.map((entry) => entry.detail) : [], [
      'started',
      'evaluated',
    ]);
    await eraseAll(service, leader, 'J-OLD');
    const after = await service.auditTrail(leader, 'J-OLD');
    assert.deepEqual(after.kind === 'trail' ? after.entries.map((entry) => entry.detail) : [], [
      'started',
      'evaluated',
      'viewed-for-erasure',
      'erased-on-request',
    ]);
  });

  /** `slet screening <reference>` confirmed with "Slet" for each screening shown: the outcomes. */
  async function eraseAll(on: ScreeningService, actor: Actor, reference: string): Promise<string[]> {
    const request = await on.requestErasure(actor, reference);
    assert.ok(request.kind === 'confirm', request.kind);
    const outcomes: string[] = [];
    for (const { value, etag } of request.screenings) outcomes.push((await on.erase(actor, value.id, etag)).kind);
    return outcomes;
  }

  it('when a leader asks to erase, then nothing is erased until confirmed, the confirmation erases once, and a repeat says it was erased', async () => {
    await leaders.addLeader('team-1', leader.userId);
    const result = await complete(caseworker, 'J-E1');
    await service.decide(caseworker, result.screening.id, { decision: 'accept' });
    const request = await service.requestErasure(leader, 'J-E1');
    assert.ok(request.kind === 'confirm');
    assert.deepEqual(
      request.screenings.map(({ value }) => [value.id, value.caseReference, value.status]),
      [[result.screening.id, 'J-E1', 'decided']],
    );
    const [shown] = request.screenings;
    assert.ok(shown !== undefined);
    assert.notEqual(await screenings.get('team-1', shown.value.id), undefined, 'asking erases nothing');

    const erased = await service.erase(leader, shown.value.id, shown.etag);
    assert.equal(erased.kind, 'erased');
    assert.equal(await screenings.get('team-1', shown.value.id), undefined);
    assert.deepEqual(await service.erase(leader, shown.value.id, shown.etag), { kind: 'already-erased' });
    const trail = await service.auditTrail(leader, 'J-E1');
    assert.deepEqual(
      trail.kind === 'trail' ? trail.entries.slice(-2).map((entry) => `${entry.action}:${entry.detail}`) : [],
      ['read:viewed-for-erasure', 'delete:erased-on-request'],
      'one erasure, however often it is confirmed',
    );
  });

  it('when the screening changed after the confirmation was shown, then nothing is erased and it is shown as it is now', async () => {
    await leaders.addLeader('team-1', leader.userId);
    const started = await service.start(caseworker, 'J-E2');
    assert.ok(started.kind === 'started' && started.step.kind === 'section');
    const request = await service.requestErasure(leader, 'J-E2');
    const [shown] = request.kind === 'confirm' ? request.screenings : [];
    assert.ok(shown !== undefined);
    const raw: Record<string, unknown> = {};
    for (const question of started.step.questions) raw[question.id] = ANSWERS[question.id];
    await service.submitSection(caseworker, shown.value.id, 0, raw);

    const stale = await service.erase(leader, shown.value.id, shown.etag);
    assert.ok(stale.kind === 'changed');
    assert.equal(stale.screening.value.sectionIndex, 1);
    assert.notEqual(await screenings.get('team-1', shown.value.id), undefined);
    assert.equal((await service.erase(leader, shown.value.id, stale.screening.etag)).kind, 'erased');
  });

  it('when a caseworker or another team confirms an erasure, then nothing is erased and the other team learns nothing', async () => {
    await leaders.addLeader('team-1', leader.userId);
    await leaders.addLeader('team-2', 'leader-2');
    await complete(caseworker, 'J-E3');
    const request = await service.requestErasure(leader, 'J-E3');
    const [shown] = request.kind === 'confirm' ? request.screenings : [];
    assert.ok(shown !== undefined);
    assert.deepEqual(await service.requestErasure(caseworker, 'J-E3'), { kind: 'forbidden' });
    assert.deepEqual(await service.erase(caseworker, shown.value.id, shown.etag), { kind: 'forbidden' });
    const other = { teamId: 'team-2', userId: 'leader-2' };
    assert.deepEqual(await service.requestErasure(other, 'J-E3'), { kind: 'confirm', screenings: [] });
    assert.deepEqual(await service.erase(other, shown.value.id, shown.etag), { kind: 'not-found' });
    assert.deepEqual(await service.erase(leader, shown.value.id, 42), { kind: 'not-found' });
    assert.deepEqual(await service.erase(leader, undefined, shown.etag), { kind: 'not-found' });
    assert.notEqual(await screenings.get('team-1', shown.value.id), undefined);
  });

  it('when a case reference, a section answer or an override reason is a CPR number, then it is refused, not stored and not shown again', async () => {
    for (const variant of CPR_VARIANTS) {
      const refused = await service.start(caseworker, variant);
      assert.ok(refused.kind === 'invalid-reference', JSON.stringify(variant));
      assert.equal(refused.keepTyped, false, 'the reference is not put back in the form');
      assert.ok(!leaksCpr(refused.message, variant));
    }
    assert.equal(await service.unfinished(caseworker), undefined, 'no screening was created');

    const started = await service.start(caseworker, 'J-CPR');
    assert.ok(started.kind === 'started' && started.step.kind === 'section');
    const { screening } = started.step;
    for (const variant of CPR_VARIANTS) {
      const raw: Record<string, unknown> = {};
      for (const question of started.step.questions) raw[question.id] = ANSWERS[question.id];
      raw.age = variant;
      const outcome = await service.submitSection(caseworker, screening.id, 0, raw);
      assert.ok(outcome.kind === 'step' && outcome.step.kind === 'section', JSON.stringify(variant));
      assert.deepEqual(
        outcome.step.errors.map((error) => error.questionId),
        ['age'],
      );
      assert.equal(outcome.step.values.age, '', 'the field comes back empty');
      assert.ok(!leaksCpr(JSON.stringify(outcome.step), variant), `${JSON.stringify(variant)} is shown again`);
    }
    const stored = await screenings.get(caseworker.teamId, screening.id);
    assert.deepEqual(stored?.value.answers, {}, 'nothing of the section was stored');

    const result = await complete(caseworker, 'J-CPR-2');
    for (const variant of CPR_VARIANTS) {
      const outcome = await service.decide(caseworker, result.screening.id, {
        decision: 'override',
        finalTrack: 'catch-all',
        reasonCode: 'andet',
        reasonText: `Borgeren oplyste ${variant}`,
      });
      assert.ok(outcome.kind === 'step' && outcome.step.kind === 'result', JSON.stringify(variant));
      assert.deepEqual(outcome.step.errors, ['Begrundelse: teksten ligner et CPR-nummer. Skriv aldrig CPR-numre.']);
      assert.equal(outcome.step.typed.reasonText, '');
      assert.ok(!leaksCpr(JSON.stringify(outcome.step), variant), `${JSON.stringify(variant)} is shown again`);
      // Nor in the choices, which no card sends free text in.
      const odd = await service.decide(caseworker, result.screening.id, {
        decision: 'override',
        finalTrack: variant,
        reasonCode: variant,
        reasonText: 'En god begrundelse',
      });
      assert.ok(odd.kind === 'step' && !leaksCpr(JSON.stringify(odd.step), variant));
    }
    const undecided = await screenings.get(caseworker.teamId, result.screening.id);
    assert.equal(undecided?.value.status, 'awaiting_decision');
    for (const variant of CPR_VARIANTS) assert.ok(!leaksCpr(JSON.stringify(undecided), variant));
  });

  it('when a screening is decided and later erased, then the lifecycle listener hears both, erasure before the delete', async () => {
    const events: string[] = [];
    const listened = new ScreeningService(
      screeningRulesFrom(ruleset, new ScreeningEvaluator(ruleset)),
      screenings,
      settings,
      audit,
      keyer,
      { now: () => now },
      () => 's-listened',
      {
        decided: (decided) => {
          events.push(`decided:${decided.id}:${decided.caseworkerId}:${decided.finalTrack}:${decided.decidedAt}`);
          return Promise.resolve();
        },
        erasing: async (teamId, screeningId) => {
          events.push(`erasing:${teamId}:${screeningId}:${(await screenings.get(teamId, screeningId)) !== undefined}`);
        },
        retaining: () => Promise.reject(new Error('not retained in this test')),
      },
    );
    service = listened;
    const result = await complete(caseworker, 'J-L');
    assert.deepEqual(events, [], 'nothing before the decision');
    await listened.decide(caseworker, result.screening.id, { decision: 'accept' });
    await listened.decide(caseworker, result.screening.id, { decision: 'accept' });
    assert.deepEqual(
      events,
      ['decided:s-listened:cw-1:selektion:2026-02-03T09:00:00.000Z'],
      'a repeat decides nothing',
    );
    await leaders.addLeader('team-1', leader.userId);
    await eraseAll(listened, leader, 'J-L');
    assert.deepEqual(events.slice(1), ['erasing:team-1:s-listened:true']);
  });

  it('when the follow-ups cannot be erased, then the screening is not erased either, so erasing again completes it', async () => {
    const failing = new ScreeningService(
      screeningRulesFrom(ruleset, new ScreeningEvaluator(ruleset)),
      screenings,
      settings,
      audit,
      keyer,
      { now: () => now },
      () => 's-kept',
      {
        decided: () => Promise.resolve(),
        erasing: () => Promise.reject(new Error('storage down')),
        retaining: () => Promise.resolve(),
      },
    );
    service = failing;
    await complete(caseworker, 'J-K');
    await leaders.addLeader('team-1', leader.userId);
    await assert.rejects(eraseAll(failing, leader, 'J-K'), /storage down/);
    assert.notEqual(await screenings.get('team-1', 's-kept'), undefined);
    const trail = await failing.auditTrail(leader, 'J-K');
    assert.ok(trail.kind === 'trail');
    assert.ok(!trail.entries.some((entry) => entry.action === 'delete'), 'no erasure recorded that did not happen');
  });

  it('when the retention period has passed, then a decided screening keeps only what the statistics need', async () => {
    const result = await complete(caseworker, 'J-2');
    await service.decide(caseworker, result.screening.id, { decision: 'override', ...OVERRIDE });
    const decided = await screenings.get('team-1', result.screening.id);
    assert.ok(decided !== undefined);
    now = new Date('2026-05-10T09:00:00Z'); // 96 days later; default retention 90 days
    assert.equal(await service.applyRetention('team-1'), 1);
    const stored = await screenings.get('team-1', result.screening.id);
    assert.deepEqual(stored?.value, {
      id: result.screening.id,
      teamId: 'team-1',
      caseworkerId: 'cw-1',
      caseReference: undefined,
      status: 'decided',
      sectionIndex: 5,
      answers: undefined,
      result: undefined,
      summary: {
        recommendedTrack: 'selektion',
        strategy: 'selektion',
        targetGroup: decided.value.summary?.targetGroup,
        riskLevel: undefined,
        bestArchetype: decided.value.summary?.bestArchetype,
        flaggedAtRisk: true,
      },
      decision: {
        kind: 'overridden',
        finalTrack: 'catch-all',
        reasonCode: 'andet',
        reasonText: undefined,
        decidedBy: 'cw-1',
        decidedAt: '2026-02-03T09:00:00.000Z',
      },
      settingsVersion: 1,
      rulesetVersion: decided.value.rulesetVersion,
      createdAt: '2026-02-03T09:00:00.000Z',
      updatedAt: '2026-05-10T09:00:00.000Z',
      answersErasedAt: '2026-05-10T09:00:00.000Z',
      history: undefined,
    });
    assert.doesNotMatch(JSON.stringify(stored), /J-2|Borgeren har fået job|dagpenge|criteria|explanation/);
    assert.deepEqual(await screenings.listByReference('team-1', 'J-2'), [], 'vis screening finds it no more');
    await leaders.addLeader('team-1', leader.userId);
    const trail = await service.auditTrail(leader, 'J-2');
    assert.deepEqual(
      trail.kind === 'trail' ? trail.entries.slice(-2).map((entry) => `${entry.detail}:${entry.actorId}`) : [],
      ['overridden:cw-1', 'retention-reduced:system'],
      'the trail still finds it by the reference',
    );
    assert.equal(await service.applyRetention('team-1'), 0, 'a second run finds nothing');
  });

  it('when retention reduces screenings, then the weekly statistics, the intensive share and the follow-up facts are as before', async () => {
    const first = await complete(caseworker, 'J-S1');
    await service.decide(caseworker, first.screening.id, { decision: 'override', ...OVERRIDE });
    const second = await complete(caseworker, 'J-S2');
    await service.decide(caseworker, second.screening.id, { decision: 'accept' });
    const week = { year: 2026, week: 6 };
    const capacity = { intensiveShareCap: 0.3, capacityWindowDays: 90 };
    const facts = async () => {
      const decided = await screenings.listDecidedBetween('team-1', '2026-02-01T00:00:00Z', '2026-02-09T00:00:00Z');
      return {
        weekly: screeningWeekStatistics(decided, week, capacity),
        share: intensiveShare(await screenings.listDecidedSince('team-1', '2026-01-01T00:00:00Z'), 0.3),
        followUps: decided.flatMap(followUpsForScreening).map((followUp) => ({ ...followUp, caseReference: '' })),
        references: decided.map((screening) => screening.caseReference),
      };
    };
    const before = await facts();
    now = new Date('2026-05-10T09:00:00Z');
    assert.equal(await service.applyRetention('team-1'), 2);
    const after = await facts();
    assert.equal(after.weekly.count, 2);
    assert.deepEqual(after.weekly, before.weekly);
    assert.deepEqual(after.share, before.share);
    assert.deepEqual(after.followUps, before.followUps, 'track, archetype and flagged are kept for the outcomes');
    assert.deepEqual(before.references, ['J-S1', 'J-S2']);
    assert.deepEqual(after.references, [undefined, undefined]);
  });

  it('when retention finds a screening reduced by the bot before (reference, reason text and history kept), then it reduces it now', async () => {
    const result = await complete(caseworker, 'J-LEGACY');
    await service.decide(caseworker, result.screening.id, { decision: 'override', ...OVERRIDE });
    const decided = await screenings.get('team-1', result.screening.id);
    assert.ok(decided !== undefined);
    audit.events.length = 0;
    const history = [{ at: '2026-02-03T09:00:00.000Z', actorId: 'cw-1', action: 'create' as const, detail: 'started' }];
    // As the retention job left it until now: no answers and no result, everything else kept.
    await screenings.replace(
      { ...decided.value, answers: undefined, result: undefined, answersErasedAt: '2026-05-04T00:00:00.000Z', history },
      decided.etag,
    );
    now = new Date('2026-06-01T09:00:00Z');
    assert.equal(await service.applyRetention('team-1'), 1);
    const stored = await screenings.get('team-1', result.screening.id);
    assert.equal(stored?.value.caseReference, undefined);
    assert.equal(stored?.value.decision?.reasonText, undefined);
    assert.equal(stored?.value.decision?.reasonCode, 'andet');
    assert.equal(stored?.value.summary?.riskLevel, undefined);
    assert.equal(stored?.value.history, undefined);
    await leaders.addLeader('team-1', leader.userId);
    const trail = await service.auditTrail(leader, 'J-LEGACY');
    assert.deepEqual(trail.kind === 'trail' ? trail.entries.map((entry) => entry.detail) : [], [
      'started',
      'retention-reduced',
    ]);
  });

  it('when an unfinished screening is older than the retention period, then it is deleted, its deletion in the trail', async () => {
    const started = await service.start(caseworker, 'J-HALF');
    assert.ok(started.kind === 'started');
    now = new Date('2026-05-10T09:00:00Z');
    assert.equal(await service.applyRetention('team-1'), 1);
    assert.equal(await screenings.get('team-1', started.step.screening.id), undefined);
    assert.equal(await service.unfinished(caseworker), undefined, 'nothing to resume');
    await leaders.addLeader('team-1', leader.userId);
    const trail = await service.auditTrail(leader, 'J-HALF');
    assert.deepEqual(
      trail.kind === 'trail' ? trail.entries.map((entry) => `${entry.action}:${entry.detail}:${entry.actorId}`) : [],
      ['create:started:cw-1', 'delete:retention-deleted:system'],
    );
  });

  it('when the follow-ups cannot drop the case reference, then the screening keeps it until a later run', async () => {
    const failing = new ScreeningService(
      screeningRulesFrom(ruleset, new ScreeningEvaluator(ruleset)),
      screenings,
      settings,
      audit,
      keyer,
      { now: () => now },
      () => 's-held',
      {
        decided: () => Promise.resolve(),
        erasing: () => Promise.resolve(),
        retaining: () => Promise.reject(new Error('storage down')),
      },
    );
    service = failing;
    const result = await complete(caseworker, 'J-H');
    await failing.decide(caseworker, result.screening.id, { decision: 'accept' });
    now = new Date('2026-05-10T09:00:00Z');
    await assert.rejects(failing.applyRetention('team-1'), /storage down/);
    assert.equal((await screenings.get('team-1', 's-held'))?.value.caseReference, 'J-H');
  });

  it('when a team stored a retention outside 7–365 days before the range was narrowed, then the job holds it to the range', async () => {
    const defaults = defaultTeamScreeningSettings(ruleset);
    const store = async (version: number, retentionDays: number) =>
      settingsRepository.add({
        teamId: 'team-1',
        version,
        settings: { ...defaults, version, retentionDays },
        changedBy: leader.userId,
        changedAt: '2025-01-01T00:00:00.000Z',
      });
    await store(2, 3650);
    const old = await complete(caseworker, 'J-OLD');
    await service.decide(caseworker, old.screening.id, { decision: 'accept' });
    now = new Date('2027-02-04T09:00:00Z'); // 366 days later
    assert.equal(await service.applyRetention('team-1'), 1, 'kept no longer than 365 days');
    assert.equal((await screenings.get('team-1', old.screening.id))?.value.answers, undefined);

    await store(3, 1);
    const young = await complete(caseworker, 'J-YOUNG');
    now = new Date('2027-02-07T09:00:00Z'); // 3 days later
    assert.equal(await service.applyRetention('team-1'), 0, 'kept at least 7 days');
    assert.notEqual((await screenings.get('team-1', young.screening.id))?.value.answers, undefined);
  });

  it('when the retention period has not passed, then nothing is deleted', async () => {
    await complete(caseworker, 'J-3');
    now = new Date('2026-04-01T09:00:00Z');
    assert.equal(await service.applyRetention('team-1'), 0);
  });

  it('when someone who is not a leader saves settings, then nothing is saved, also in a team without leaders', async () => {
    assert.deepEqual(await settings.update('team-1', caseworker.userId, 1, { intensiveShareCap: 50 }), {
      kind: 'forbidden',
    });
    assert.deepEqual(await settings.update('team-2', 'someone-else', 1, { intensiveShareCap: 50 }), {
      kind: 'forbidden',
    });
    assert.equal(await settings.isLeader('team-2', 'someone-else'), false);
  });

  it('when a leader enables the sensitive criterion, then a GDPR warning is given, who did it is recorded, and the question is asked', async () => {
    await leaders.addLeader('team-1', leader.userId);
    const before = await service.start(caseworker, 'J-4');
    assert.ok(before.kind === 'started' && before.step.kind === 'section');
    assert.ok(!before.step.questions.some((question) => question.id === 'nonDanishBackground'));

    const outcome = await settings.update('team-1', leader.userId, 1, { sensitiveCriterionEnabled: true });
    assert.equal(outcome.kind, 'saved');
    assert.ok(outcome.kind === 'saved');
    assert.deepEqual(outcome.warnings, [SENSITIVE_WARNING]);
    assert.equal(outcome.settings.version, 2);
    const events = await audit.listFor('team-1', 'v2');
    assert.deepEqual(
      events.map((event) => [event.actorId, event.detail]),
      [['leader-1', 'sensitive-criterion-enabled']],
    );

    const after = await service.start(caseworker, 'J-5');
    assert.ok(after.kind === 'started' && after.step.kind === 'section');
    assert.ok(after.step.questions.some((question) => question.id === 'nonDanishBackground'));
    assert.equal(after.step.screening.settingsVersion, 2, 'the screening records the settings version it used');
    assert.equal(before.step.screening.settingsVersion, 1);
  });

  it('when settings are saved from an outdated form, by a non-leader, or with bad values, then nothing is saved', async () => {
    await leaders.addLeader('team-1', leader.userId);
    assert.deepEqual(await settings.update('team-1', 'cw-1', 1, { retentionDays: 30 }), { kind: 'forbidden' });
    const invalid = await settings.update('team-1', leader.userId, 1, {
      intensiveShareCap: 1.5,
      retentionDays: 0,
      affectedSectors: ['industri', 'rumfart'],
    });
    assert.equal(invalid.kind, 'invalid');
    assert.ok(invalid.kind === 'invalid');
    assert.deepEqual(
      invalid.errors.map((error) => error.field),
      ['intensiveShareCap', 'retentionDays', 'affectedSectors'],
    );
    assert.equal((await settings.update('team-1', leader.userId, 1, { retentionDays: 30 })).kind, 'saved');
    assert.deepEqual(await settings.update('team-1', leader.userId, 1, { retentionDays: 60 }), { kind: 'conflict' });
    assert.equal((await settings.current('team-1')).retentionDays, 30);
  });

  it('when the team marks a sector as affected, then a screening from that sector holds the konjunkturramt criterion', async () => {
    await leaders.addLeader('team-1', leader.userId);
    await settings.update('team-1', leader.userId, 1, { affectedSectors: ['industri'] });
    const result = await complete(caseworker, 'J-6');
    assert.ok(result.kind === 'result');
    assert.equal(result.result.criteria.find((criterion) => criterion.id === 'konjunkturramt')?.holds, true);
    assert.equal(result.result.settingsVersion, 2);
  });

  it('when two submits of the same section race, then exactly one is applied', async () => {
    const started = await service.start(caseworker, 'J-7');
    assert.ok(started.kind === 'started' && started.step.kind === 'section');
    const raw: Record<string, unknown> = {};
    for (const question of started.step.questions) raw[question.id] = ANSWERS[question.id];
    const outcomes = await Promise.all([
      service.submitSection(caseworker, started.step.screening.id, 0, raw),
      service.submitSection(caseworker, started.step.screening.id, 0, raw),
    ]);
    assert.deepEqual(outcomes.map((outcome) => outcome.kind).sort(), ['stale', 'step']);
    const stored = await screenings.get('team-1', started.step.screening.id);
    assert.equal(stored?.value.sectionIndex, 1);
    const trail = audit.events.filter((event) => event.entityId === started.step.screening.id);
    assert.deepEqual(
      trail.map((event) => event.detail),
      ['started', 'section-borgeren-answered'],
    );
  });
});
