import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FollowUp } from '../../../rules/follow-ups/follow-up';
import type { GoalPlan } from '../../../rules/goals/goal-plan';
import type { WeeklyLog } from '../../../rules/goals/weekly-log';
import type { FollowUpRepository } from '../../../rules/follow-ups/follow-up.repository';
import type { GoalPlanRepository } from '../../../rules/goals/goal-plan.repository';
import type { WeeklyLogRepository } from '../../../rules/goals/weekly-log.repository';
import {
  InMemoryFollowUpRepository,
  InMemoryGoalPlanRepository,
  InMemoryWeeklyLogRepository,
} from '../../support/in-memory.repositories';
import { storedBackends } from '../../support/contract-store';
import type { Repositories } from '../../../bot/storage/repositories';
import { screeningDecision, screeningRecord, screeningSummary } from '../../support/screening-record.fixture';

/** The goals' repositories: the in-memory doubles the domain tests use and every stored backend keep the same contract. */
interface Subject {
  plans: GoalPlanRepository;
  logs: WeeklyLogRepository;
  followUps: FollowUpRepository;
  screenings?: Repositories['screenings'];
  close(): Promise<void>;
}

const subjects: [string, () => Promise<Subject>][] = [
  [
    'in-memory (test double)',
    () =>
      Promise.resolve({
        plans: new InMemoryGoalPlanRepository(),
        logs: new InMemoryWeeklyLogRepository(),
        followUps: new InMemoryFollowUpRepository(),
        close: () => Promise.resolve(),
      }),
  ],
  ...storedBackends('goals').map(([name, open]): [string, () => Promise<Subject>] => [
    name,
    async () => {
      const { repositories, close } = await open();
      return {
        plans: repositories.goalPlans,
        logs: repositories.weeklyLogs,
        followUps: repositories.followUps,
        screenings: repositories.screenings,
        close,
      };
    },
  ]),
];

function plan(teamId: string, year: number, overrides: Partial<GoalPlan> = {}): GoalPlan {
  return {
    teamId,
    year,
    indicators: ['jobsamtaler', 'aabninger_ordinaere'],
    members: [{ userId: 'vk-1', name: 'Vera', fromWeek: 1 }],
    goals: [{ userId: 'vk-1', indicatorId: 'jobsamtaler', fromWeek: 1, goal: 5 }],
    annualTargets: { aabninger_ordinaere: 120 },
    updatedBy: 'leader-1',
    updatedAt: '2026-01-05T09:00:00.000Z',
    ...overrides,
  };
}

function log(teamId: string, userId: string, year: number, week: number, count: number): WeeklyLog {
  const key = `${year}-W${String(week).padStart(2, '0')}`;
  return {
    id: `${userId}:${key}`,
    teamId,
    userId,
    year,
    week,
    weekKey: key,
    counts: { jobsamtaler: count },
    prefilled: { jobsamtaler: 0 },
    submittedAt: '2026-12-30T12:00:00.000Z',
  };
}

function followUp(teamId: string, screeningId: string, weeks: 13 | 26 | 39, dueDate: string): FollowUp {
  return {
    id: `${screeningId}:${weeks}`,
    teamId,
    screeningId,
    caseworkerId: 'cw-1',
    caseReference: 'J-7',
    screeningDate: '2026-02-03',
    weeks,
    dueDate,
    track: 'selektion',
    bestArchetype: null,
    flagged: true,
  };
}

for (const [name, factory] of subjects) {
  describe(`goal repositories contract: ${name}`, function () {
    this.timeout(60_000);
    let subject: Subject;
    before(async () => {
      subject = await factory();
    });
    after(async () => subject?.close());

    it('when a plan is created, replaced and created again, then only etag-matching writes land and the value round-trips', async () => {
      const team = `team-${randomUUID()}`;
      const created = await subject.plans.save(plan(team, 2026), undefined);
      assert.ok(created !== 'conflict');
      assert.deepEqual(created.value, plan(team, 2026));
      assert.equal(await subject.plans.save(plan(team, 2026), undefined), 'conflict', 'created twice');
      const replaced = await subject.plans.save(plan(team, 2026, { indicators: ['kanvas'] }), created.etag);
      assert.ok(replaced !== 'conflict');
      assert.equal(await subject.plans.save(plan(team, 2026), created.etag), 'conflict', 'a stale etag');
      assert.deepEqual((await subject.plans.get(team, 2026))?.value.indicators, ['kanvas']);
      assert.equal(await subject.plans.get(team, 2027), undefined);
      await subject.plans.save(plan(`other-${team}`, 2026), undefined);
      const teams = await subject.plans.listTeamIds(2026);
      assert.ok(teams.includes(team) && teams.includes(`other-${team}`));
      assert.ok(!(await subject.plans.listTeamIds(2025)).includes(team));
    });

    it('when a member logs a week twice, then the week is stored once and replaced only with its etag', async () => {
      const team = `team-${randomUUID()}`;
      const user = '29:1a/b?c#d'; // characters Cosmos refuses in ids
      const first = await subject.logs.save(log(team, user, 2026, 53, 3), undefined);
      assert.ok(first !== 'conflict');
      assert.deepEqual(first.value, log(team, user, 2026, 53, 3));
      assert.equal(await subject.logs.save(log(team, user, 2026, 53, 9), undefined), 'conflict');
      const again = await subject.logs.save(log(team, user, 2026, 53, 4), first.etag);
      assert.ok(again !== 'conflict');
      assert.equal((await subject.logs.get(team, user, { year: 2026, week: 53 }))?.value.counts.jobsamtaler, 4);
      assert.equal(await subject.logs.get(team, user, { year: 2026, week: 52 }), undefined);
    });

    it('when logs are listed across the year boundary, then weeks 2026-W52 … 2027-W01 of the team come in week order', async () => {
      const team = `team-${randomUUID()}`;
      for (const [year, week] of [
        [2027, 1],
        [2026, 51],
        [2026, 53],
        [2026, 52],
        [2027, 2],
      ] as const) {
        await subject.logs.save(log(team, 'vk-1', year, week, week), undefined);
      }
      await subject.logs.save(log(`other-${team}`, 'vk-1', 2026, 53, 1), undefined);
      const listed = await subject.logs.listBetween(team, { year: 2026, week: 52 }, { year: 2027, week: 1 });
      assert.deepEqual(
        listed.map((item) => item.weekKey),
        ['2026-W52', '2026-W53', '2027-W01'],
      );
    });

    it('when follow-ups are created, reminded, answered and erased, then each list shows the right ones', async () => {
      const team = `team-${randomUUID()}`;
      const screeningId = randomUUID();
      const due13 = followUp(team, screeningId, 13, '2026-05-05');
      const due26 = followUp(team, screeningId, 26, '2026-08-04');
      const created = await subject.followUps.create(due13);
      assert.ok(created !== 'exists');
      assert.deepEqual(created.value, due13);
      assert.equal(await subject.followUps.create(due13), 'exists');
      await subject.followUps.create(due26);

      const awaiting = (await subject.followUps.listAwaitingReminder('2026-05-05')).filter(
        (item) => item.teamId === team,
      );
      assert.deepEqual(
        awaiting.map((item) => item.weeks),
        [13],
      );
      const reminded = await subject.followUps.replace(
        { ...due13, remindedAt: '2026-05-05T07:00:00.000Z' },
        created.etag,
      );
      assert.ok(reminded !== 'conflict');
      assert.equal(await subject.followUps.replace(due13, created.etag), 'conflict', 'a stale card');
      assert.deepEqual(
        (await subject.followUps.listAwaitingReminder('2026-05-05')).filter((item) => item.teamId === team),
        [],
      );
      assert.deepEqual(
        (await subject.followUps.listAwaitingOutcome(team, 'cw-1', '2026-09-01')).map((item) => item.weeks),
        [13, 26],
      );
      await subject.followUps.replace(
        { ...reminded.value, outcome: 'job', answeredAt: '2026-05-06T09:00:00.000Z', answeredBy: 'cw-1' },
        reminded.etag,
      );
      assert.deepEqual(
        (await subject.followUps.listAwaitingOutcome(team, 'cw-1', '2026-09-01')).map((item) => item.weeks),
        [26],
      );
      assert.deepEqual(
        (await subject.followUps.listDueBetween(team, '2026-05-01', '2026-12-31', 26)).map((item) => item.id),
        [due26.id],
      );
      assert.equal((await subject.followUps.listDueBetween(team, '2026-05-01', '2026-12-31')).length, 2);
      assert.equal(await subject.followUps.deleteForScreening(team, screeningId), 2);
      assert.equal(await subject.followUps.get(team, due13.id), undefined);
    });

    it('when a follow-up is replaced without its case reference (retention), then the stored one has none, and its outcome stays', async () => {
      const team = `team-${randomUUID()}`;
      const created = await subject.followUps.create({
        ...followUp(team, randomUUID(), 13, '2026-05-05'),
        outcome: 'job',
      });
      assert.ok(created !== 'exists');
      const { caseReference, ...withoutReference } = created.value;
      assert.equal(caseReference, 'J-7');
      assert.notEqual(await subject.followUps.replace(withoutReference, created.etag), 'conflict');
      const stored = await subject.followUps.get(team, created.value.id);
      assert.deepEqual(stored?.value, withoutReference);
      assert.ok(!('caseReference' in (stored?.value ?? {})));
    });

    if (name !== 'in-memory (test double)') {
      it('when screenings are listed as decided facts, then only decided ones in the window come, oldest first', async () => {
        const screenings = subject.screenings;
        assert.ok(screenings);
        const team = `team-${randomUUID()}`;
        const base = screeningRecord({
          id: '',
          teamId: team,
          caseReference: 'J-1',
          status: 'decided',
          sectionIndex: 5,
          answers: undefined,
          summary: screeningSummary({ bestArchetype: 'a1' }),
          rulesetVersion: undefined,
          createdAt: '2026-02-01T08:00:00.000Z',
          updatedAt: '2026-02-01T08:00:00.000Z',
          answersErasedAt: '2026-05-01T00:00:00.000Z',
        });
        const decided = (id: string, at: string) => ({
          ...base,
          id,
          decision: screeningDecision({
            kind: 'overridden',
            finalTrack: 'catch-all',
            reasonCode: 'andet',
            reasonText: 'x',
            decidedAt: at,
          }),
        });
        await screenings.create(decided('late', '2026-02-10T09:00:00.000Z'));
        await screenings.create(decided('early', '2026-02-03T09:00:00.000Z'));
        await screenings.create(decided('outside', '2026-02-20T09:00:00.000Z'));
        await screenings.create({ ...base, id: 'open', status: 'in_progress', summary: undefined });
        const facts = await screenings.listDecidedBetween(team, '2026-02-02T00:00:00.000Z', '2026-02-16T00:00:00.000Z');
        assert.deepEqual(
          facts.map((fact) => [fact.id, fact.finalTrack, fact.decision, fact.bestArchetype]),
          [
            ['early', 'catch-all', 'overridden', 'a1'],
            ['late', 'catch-all', 'overridden', 'a1'],
          ],
        );
      });
    }
  });
}
