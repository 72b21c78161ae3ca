import assert from 'node:assert/strict';
import { GoalsService, type TeamContext } from '../../../rules/goals/goals.service';
import type { GoalRhythmSource } from '../../../rules/goals/goal-rhythm.job';
import type { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import { followUpsForScreening } from '../../../rules/follow-ups/follow-up';
import {
  InMemoryFollowUpRepository,
  InMemoryGoalPlanRepository,
  InMemoryOpeningRepository,
  InMemoryScreeningStatisticsRepository,
  InMemoryWeeklyLogRepository,
} from '../../support/in-memory.repositories';
import { CPR_VARIANTS, leaksCpr } from '../../support/cpr-variants';
import { opening } from '../openings/opening-fixtures';
import { TEAM, at, defaultCatalog, member, plan, screening } from './goal-fixtures';

const leader = { teamId: TEAM, userId: 'u-leader' };
const mette = { teamId: TEAM, userId: 'u-mette' };
const ali = { teamId: TEAM, userId: 'u-ali' };
const WEEK_7 = { year: 2026, week: 7 };

// The services the wiring will pass must fit the ports as they are.
const settingsFitsTeamContext = (settings: TeamSettingsService): TeamContext => settings;
const serviceFitsRhythm = (service: GoalsService): GoalRhythmSource => service;
void settingsFitsTeamContext;
void serviceFitsRhythm;

describe('GoalsService', () => {
  let plans: InMemoryGoalPlanRepository;
  let logs: InMemoryWeeklyLogRepository;
  let openings: InMemoryOpeningRepository;
  let screenings: InMemoryScreeningStatisticsRepository;
  let followUps: InMemoryFollowUpRepository;
  let now: Date;
  let service: GoalsService;

  beforeEach(() => {
    plans = new InMemoryGoalPlanRepository();
    logs = new InMemoryWeeklyLogRepository();
    openings = new InMemoryOpeningRepository();
    screenings = new InMemoryScreeningStatisticsRepository();
    followUps = new InMemoryFollowUpRepository();
    now = new Date(at('2026-02-13', '11:00')); // Friday of 2026-W07
    const team: TeamContext = {
      isLeader: (teamId, userId) => Promise.resolve(teamId === TEAM && userId === 'u-leader'),
      current: () => Promise.resolve({ intensiveShareCap: 0.3, capacityWindowDays: 90 }),
    };
    service = new GoalsService(plans, logs, openings, screenings, followUps, team, defaultCatalog(), {
      now: () => now,
    });
  });

  async function storePlan(overrides: Parameters<typeof plan>[0] = {}): Promise<void> {
    const saved = await plans.save(
      plan({ indicators: ['individuelle_samtaler', 'kanvas', 'aabninger_ordinaere'], ...overrides }),
      undefined,
    );
    assert.notEqual(saved, 'conflict');
  }

  describe('the plan', () => {
    it('when a leader chooses indicators for a new year, then the plan is created; a second edit needs its etag', async () => {
      const first = await service.chooseIndicators(leader, 2026, undefined, 'kanvas,aabninger_praktik');
      assert.ok(first.kind === 'saved');
      assert.deepEqual(first.view.plan.indicators, ['kanvas', 'aabninger_praktik']);
      assert.equal(first.view.plan.updatedBy, 'u-leader');
      const stale = await service.chooseIndicators(leader, 2026, '', 'kanvas');
      assert.equal(stale.kind, 'conflict');
      const second = await service.chooseIndicators(leader, 2026, first.view.etag, 'kanvas');
      assert.ok(second.kind === 'saved');
      assert.deepEqual((await service.plan(TEAM, 2026)).plan.indicators, ['kanvas']);
    });

    it('when a member tries to change the plan, then it is forbidden and nothing is stored', async () => {
      const outcome = await service.chooseIndicators(mette, 2026, undefined, 'kanvas');
      assert.equal(outcome.kind, 'forbidden');
      assert.equal(await plans.get(TEAM, 2026), undefined);
    });

    it('when two leaders save on the same version at once, then one is saved and the other gets the fresh plan', async () => {
      await storePlan();
      const { etag } = await service.plan(TEAM, 2026);
      const [a, b] = await Promise.all([
        service.setAnnualTargets(leader, 2026, etag, { kanvas: 500 }),
        service.setAnnualTargets(leader, 2026, etag, { kanvas: 600 }),
      ]);
      assert.deepEqual([a.kind, b.kind].sort(), ['conflict', 'saved']);
      const conflict = a.kind === 'conflict' ? a : b;
      assert.ok(conflict.kind === 'conflict');
      assert.equal(conflict.view.plan.annualTargets['kanvas'], a.kind === 'saved' ? 500 : 600);
    });

    it('when goals and members are changed with wrong inputs, then the errors come back with the unchanged plan', async () => {
      await storePlan();
      const { etag } = await service.plan(TEAM, 2026);
      const outcome = await service.setMemberGoals(leader, 2026, etag, 'u-mette', 'uge syv', { kanvas: 'mange' });
      assert.ok(outcome.kind === 'invalid');
      assert.deepEqual(
        outcome.errors.map((error) => error.field),
        ['fromWeek', 'kanvas'],
      );
      assert.equal(outcome.view.etag, etag);
    });

    it('when members and goals are set, then the members log from their week with their goals', async () => {
      await storePlan({ members: [], goals: [] });
      let { etag } = await service.plan(TEAM, 2026);
      const added = await service.updateMembers(leader, 2026, etag, {
        add: [{ userId: 'u-bo', name: 'Bo' }],
        fromWeek: 6,
      });
      assert.ok(added.kind === 'saved');
      etag = added.view.etag;
      const goals = await service.setMemberGoals(leader, 2026, etag, 'u-bo', 6, {
        kanvas: '8',
        individuelle_samtaler: '5',
      });
      assert.ok(goals.kind === 'saved');
      const form = await service.logForm({ teamId: TEAM, userId: 'u-bo' }, WEEK_7);
      assert.ok(form.kind === 'form');
      assert.deepEqual(
        form.form.indicators.map((indicator) => [indicator.id, indicator.goal]),
        [
          ['individuelle_samtaler', 5],
          ['kanvas', 8],
          ['aabninger_ordinaere', undefined],
        ],
      );
      assert.equal(
        (await service.logForm({ teamId: TEAM, userId: 'u-bo' }, { year: 2026, week: 5 })).kind,
        'not-a-member',
      );
    });

    it("when a new year has no plan, then last year's is carried over until a leader saves one", async () => {
      await storePlan({ annualTargets: { kanvas: 500 } });
      const view = await service.plan(TEAM, 2027);
      assert.equal(view.etag, undefined);
      assert.equal(view.plan.carriedOverFrom, 2026);
      assert.deepEqual(view.plan.annualTargets, {});
      const saved = await service.setAnnualTargets(leader, 2027, undefined, { kanvas: 520 });
      assert.ok(saved.kind === 'saved');
      assert.equal(saved.view.plan.carriedOverFrom, undefined);
      assert.deepEqual(saved.view.plan.members, view.plan.members);
      assert.deepEqual(await service.teamsWithGoals(2027), [TEAM]);
      assert.deepEqual(await service.teamsWithGoals(2029), []);
    });
  });

  describe('joining', () => {
    it('when someone whose Teams name is shaped like a CPR number joins, then the name is not stored', async () => {
      await storePlan({ members: [], goals: [] });
      assert.equal((await service.join(mette, '010190-1234')).kind, 'joined');
      const { plan: stored } = await service.plan(TEAM, 2026);
      assert.deepEqual(stored.members, [{ userId: 'u-mette', name: 'u-mette', fromWeek: 7 }]);
    });

    it('when someone joins a team with indicators, then they log from the current week under their name', async () => {
      await storePlan({ members: [], goals: [] });
      assert.deepEqual(await service.join(mette, 'Mette Hansen'), { kind: 'joined', week: WEEK_7 });
      const { plan: stored } = await service.plan(TEAM, 2026);
      assert.deepEqual(stored.members, [{ userId: 'u-mette', name: 'Mette Hansen', fromWeek: 7 }]);
      assert.equal(stored.updatedBy, 'u-mette');
      assert.deepEqual(await service.join(mette, 'Mette Hansen'), { kind: 'already-member', week: WEEK_7 });
      const form = await service.logForm(mette, WEEK_7);
      assert.equal(form.kind, 'form');
    });

    it('when the team has no indicators yet, then nobody can join and nothing is stored', async () => {
      assert.deepEqual(await service.join(mette, 'Mette'), { kind: 'not-set-up', week: WEEK_7 });
      assert.equal(await plans.get(TEAM, 2026), undefined);
    });

    it('when a leader took someone out, then they cannot join again by themselves; the leader can take them in', async () => {
      await storePlan({ members: [member('u-mette', 'Mette Hansen', 1, 5)] });
      assert.deepEqual(await service.join(mette, 'Mette Hansen'), { kind: 'removed', week: WEEK_7, untilWeek: 5 });
      const view = await service.plan(TEAM, 2026);
      const taken = await service.updateMembers(leader, 2026, view.etag, {
        add: [{ userId: 'u-mette', name: 'Mette Hansen' }],
        fromWeek: 7,
      });
      assert.ok(taken.kind === 'saved');
      assert.deepEqual(await service.join(mette, 'Mette Hansen'), { kind: 'already-member', week: WEEK_7 });
    });

    it("when last year's plan is carried over, then joining stores this year's plan with the carried members", async () => {
      await storePlan({ year: 2025, members: [member('u-ali', 'Ali Yilmaz')] });
      assert.equal((await service.join(mette, 'Mette Hansen')).kind, 'joined');
      const stored = await plans.get(TEAM, 2026);
      assert.deepEqual(
        stored?.value.members.map((each) => each.userId),
        ['u-ali', 'u-mette'],
      );
    });
  });

  describe('the weekly log', () => {
    beforeEach(async () => {
      await storePlan();
      const mine = { userId: 'u-mette', name: 'Mette Hansen' };
      await openings.create(
        opening({ id: 'o1', teamId: TEAM, registeredBy: mine, date: at('2026-02-10'), result: 'ordinaer_aabning' }),
      );
      await openings.create(
        opening({
          id: 'o2',
          teamId: TEAM,
          registeredBy: mine,
          date: at('2026-02-11'),
          result: 'ordinaer_aabning',
          filled: 1,
        }),
      );
      await openings.create(
        opening({ id: 'o3', teamId: TEAM, registeredBy: mine, date: at('2026-02-02'), result: 'ordinaer_aabning' }),
      );
      screenings.add(
        screening({ id: 's1', caseworkerId: 'u-mette', decidedAt: at('2026-02-09') }),
        screening({ id: 's2', caseworkerId: 'u-mette', decidedAt: at('2026-02-12') }),
        screening({ id: 's3', caseworkerId: 'u-mette', decidedAt: at('2026-02-12') }),
        screening({ id: 's4', caseworkerId: 'u-ali', decidedAt: at('2026-02-12') }),
      );
    });

    it('when a member opens the current week, then the card is prefilled with their openings and screenings', async () => {
      const selection = service.selectWeek('', 'mål', 'log');
      assert.ok(selection.ok);
      const outcome = await service.logForm(mette, selection.week);
      assert.ok(outcome.kind === 'form');
      const { form } = outcome;
      assert.equal(form.weekKey, '2026-W07');
      assert.deepEqual(form.period, { from: '2026-02-09', to: '2026-02-15' });
      assert.deepEqual(
        form.indicators.map((indicator) => [
          indicator.id,
          indicator.groupLabel,
          indicator.value,
          indicator.prefilled,
          indicator.goal,
        ]),
        [
          ['individuelle_samtaler', 'Afholdt', 3, 3, undefined],
          ['kanvas', 'Salg', undefined, undefined, 10],
          ['aabninger_ordinaere', 'Jobåbninger', 2, 2, 2],
        ],
      );
      assert.equal(form.submittedAt, undefined);
    });

    it('when a member chooses an earlier week, then that week is prefilled', async () => {
      const selection = service.selectWeek('uge 6', 'mål', 'log');
      assert.ok(selection.ok);
      const outcome = await service.logForm(mette, selection.week);
      assert.ok(outcome.kind === 'form');
      assert.deepEqual(
        outcome.form.indicators.map((indicator) => indicator.prefilled),
        [0, undefined, 1],
      );
    });

    it('when a count holds a CPR number, then it is refused by name, nothing is stored and the field comes back empty', async () => {
      for (const variant of CPR_VARIANTS) {
        const outcome = await service.submitLog(mette, '2026-W07', {
          individuelle_samtaler: '3',
          kanvas: variant,
          aabninger_ordinaere: '2',
        });
        assert.ok(outcome.kind === 'invalid', JSON.stringify(variant));
        assert.deepEqual(
          outcome.errors.map((error) => error.field),
          ['kanvas'],
        );
        assert.match(outcome.errors[0]?.message ?? '', /^Kanvas: teksten ligner et CPR-nummer/);
        assert.equal(outcome.typed.kanvas, '');
        assert.equal(outcome.typed.individuelle_samtaler, '3', 'the other fields come back as typed');
        assert.ok(!leaksCpr(JSON.stringify(outcome), variant), `${JSON.stringify(variant)} is shown again`);
      }
      assert.equal(logs.store.items.size, 0, 'nothing was stored');
    });

    it('when a member submits a week twice, then the second replaces the first and the week is stored once', async () => {
      const first = await service.submitLog(mette, '2026-W07', {
        individuelle_samtaler: '3',
        kanvas: '12',
        aabninger_ordinaere: '2',
      });
      assert.ok(first.kind === 'saved');
      assert.equal(first.replaced, false);
      assert.deepEqual(first.log.prefilled, { individuelle_samtaler: 3, aabninger_ordinaere: 2 });
      now = new Date(at('2026-02-13', '15:00'));
      const second = await service.submitLog(mette, '2026-W07', {
        individuelle_samtaler: '4',
        kanvas: '',
        aabninger_ordinaere: '2',
      });
      assert.ok(second.kind === 'saved');
      assert.equal(second.replaced, true);
      assert.equal(logs.store.items.size, 1);
      const stored = await logs.get(TEAM, 'u-mette', WEEK_7);
      assert.deepEqual(stored!.value.counts, { individuelle_samtaler: 4, kanvas: 0, aabninger_ordinaere: 2 });
      const form = await service.logForm(mette, WEEK_7);
      assert.ok(form.kind === 'form');
      assert.deepEqual(
        form.form.indicators.map((indicator) => indicator.value),
        [4, 0, 2],
      );
      assert.equal(form.form.submittedAt, now.toISOString());
      const summary = await service.teamSummary(TEAM, WEEK_7);
      assert.equal(
        summary.indicators.find((indicator) => indicator.indicatorId === 'individuelle_samtaler')!.team.real,
        4,
      );
    });

    it('when the same week is submitted from two devices at once, then one log remains with one of the two', async () => {
      const results = await Promise.all([
        service.submitLog(mette, '2026-W07', { kanvas: '5' }),
        service.submitLog(mette, '2026-W07', { kanvas: '6' }),
        service.submitLog(mette, '2026-W07', { kanvas: '7' }),
      ]);
      assert.ok(results.every((result) => result.kind === 'saved'));
      assert.equal(logs.store.items.size, 1);
      assert.ok([5, 6, 7].includes((await logs.get(TEAM, 'u-mette', WEEK_7))!.value.counts['kanvas']!));
    });

    it('when the counts are wrong, then nothing is stored and the card comes back with the errors and what was typed', async () => {
      const outcome = await service.submitLog(mette, '2026-W07', { kanvas: 'tolv', aabninger_ordinaere: '2' });
      assert.ok(outcome.kind === 'invalid');
      assert.deepEqual(outcome.errors, [{ field: 'kanvas', message: 'Kanvas: skriv et helt tal fra 0 til 999.' }]);
      assert.equal(outcome.typed['kanvas'], 'tolv');
      assert.equal(outcome.form.weekKey, '2026-W07');
      assert.equal(logs.store.items.size, 0);
    });

    it("when the week is missing, in the future or not a member's, then nothing is stored", async () => {
      assert.equal((await service.submitLog(mette, undefined, { kanvas: 1 })).kind, 'invalid-week');
      assert.equal((await service.submitLog(mette, '2026-W08', { kanvas: 1 })).kind, 'invalid-week');
      assert.equal((await service.submitLog(mette, '2024-W07', { kanvas: 1 })).kind, 'invalid-week');
      assert.equal(
        (await service.submitLog({ teamId: TEAM, userId: 'u-stranger' }, '2026-W07', { kanvas: 1 })).kind,
        'not-a-member',
      );
      assert.equal((await service.logForm(mette, { year: 2026, week: 8 })).kind, 'invalid-week');
      assert.equal(logs.store.items.size, 0);
    });

    it('when the team has chosen no indicators, then the member is told so', async () => {
      await plans.save(plan({ year: 2025, indicators: [] }), undefined);
      const outcome = await service.logForm(mette, { year: 2025, week: 50 });
      assert.equal(outcome.kind, 'no-indicators');
    });

    it('when a week of last year is logged in January, then it is stored in that year', async () => {
      now = new Date(at('2027-01-06', '09:00'));
      const selection = service.selectWeek('uge 53', 'mål', 'log');
      assert.ok(selection.ok);
      assert.deepEqual(selection.week, { year: 2026, week: 53 });
      const saved = await service.submitLog(mette, '2026-W53', { kanvas: 3 });
      assert.ok(saved.kind === 'saved');
      assert.equal(saved.log.id, 'u-mette:2026-W53');
    });

    it('when Friday comes, then only members without a log of the week are missing', async () => {
      await service.submitLog(mette, '2026-W07', { kanvas: 3 });
      assert.deepEqual(
        (await service.membersMissingLog(TEAM, WEEK_7)).map((m) => m.userId),
        ['u-ali'],
      );
      assert.deepEqual(await service.membersMissingLog('team-without-plan', WEEK_7), []);
    });
  });

  describe('the report', () => {
    beforeEach(async () => {
      await storePlan({ members: [member('u-mette', 'Mette Hansen'), member('u-ali', 'Ali Yilmaz')] });
      await service.submitLog(mette, '2026-W06', { kanvas: 9 });
      await service.submitLog(ali, '2026-W06', { kanvas: 11 });
      screenings.add(
        screening({ id: 's1', decidedAt: at('2026-02-03'), decision: 'overridden', reasonCode: 'kapacitet' }),
      );
      for (const followUp of followUpsForScreening(screening({ id: 'old', decidedAt: at('2025-05-05') }))) {
        await followUps.create({ ...followUp, outcome: 'stadig_ledig' });
      }
    });

    it("when a leader asks for the report, then the previous week's team summary comes with screenings and follow-ups", async () => {
      const selection = service.selectWeek('', 'ugerapport', 'report');
      assert.ok(selection.ok);
      const outcome = await service.report(leader, selection.week);
      assert.ok(outcome.kind === 'report' && outcome.report.audience === 'team');
      const { summary } = outcome.report;
      assert.deepEqual(summary.week, { year: 2026, week: 6 });
      assert.equal(summary.indicators.find((indicator) => indicator.indicatorId === 'kanvas')!.team.real, 20);
      assert.equal(summary.screenings.count, 1);
      assert.equal(summary.screenings.overrideRate, 1);
      assert.equal(summary.followUps.all.stillUnemployed, 1);
    });

    it('when a member asks for the report, then only their own numbers come', async () => {
      const outcome = await service.report(ali, { year: 2026, week: 6 });
      assert.ok(outcome.kind === 'report' && outcome.report.audience === 'member');
      assert.equal(outcome.report.summary.name, 'Ali Yilmaz');
      assert.deepEqual(
        outcome.report.summary.indicators.map((indicator) => [indicator.indicatorId, indicator.real]),
        [
          ['individuelle_samtaler', 0],
          ['kanvas', 11],
          ['aabninger_ordinaere', 0],
        ],
      );
      assert.ok(!JSON.stringify(outcome.report).includes('u-mette'));
    });

    it('when someone neither leading nor logging asks, then they get no numbers', async () => {
      const outcome = await service.report({ teamId: TEAM, userId: 'u-stranger' }, { year: 2026, week: 6 });
      assert.equal(outcome.kind, 'not-a-member');
    });
  });
});
