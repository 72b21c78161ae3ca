import assert from 'node:assert/strict';
import { carryOverPlan, membersInWeek, weeklyGoal } from '../../../rules/goals/goal-plan';
import {
  chooseIndicators,
  setAnnualTargets,
  setMemberGoals,
  updateMembers,
} from '../../../rules/goals/goal-plan.changes';
import { CPR_VARIANTS, leaksCpr } from '../../support/cpr-variants';
import { defaultCatalog, goal, member, plan } from './goal-fixtures';

const stamp = { by: 'u-leader', at: '2026-03-01T09:00:00.000Z' };

describe('goal plan', () => {
  describe('weeklyGoal', () => {
    const goals = plan({
      goals: [goal('u-mette', 'kanvas', 10, 1), goal('u-mette', 'kanvas', 15, 10), goal('u-mette', 'kanvas', 0, 30)],
    });
    const cases: [number, number | undefined][] = [
      [1, 10],
      [9, 10],
      [10, 15],
      [29, 15],
      [30, 0],
      [53, 0],
    ];
    for (const [week, expected] of cases) {
      it(`when goals were set from weeks 1, 10 and 30, then week ${week}'s goal is ${expected}`, () => {
        assert.equal(weeklyGoal(goals, 'u-mette', 'kanvas', week), expected);
      });
    }

    it('when no goal was set, or the indicator is not in the plan, then there is none', () => {
      const later = plan({ goals: [goal('u-mette', 'kanvas', 10, 5), goal('u-mette', 'jobsamtaler', 3)] });
      assert.equal(weeklyGoal(later, 'u-mette', 'kanvas', 4), undefined);
      assert.equal(weeklyGoal(later, 'u-ali', 'kanvas', 6), undefined);
      assert.equal(weeklyGoal(later, 'u-mette', 'jobsamtaler', 6), undefined);
    });
  });

  it('when members joined and left during the year, then each week has those in the team then', () => {
    const team = plan({
      members: [member('u-mette', 'Mette', 1), member('u-ali', 'Ali', 10), member('u-bo', 'Bo', 1, 20)],
    });
    assert.deepEqual(
      membersInWeek(team, 5).map((m) => m.userId),
      ['u-mette', 'u-bo'],
    );
    assert.deepEqual(
      membersInWeek(team, 20).map((m) => m.userId),
      ['u-mette', 'u-ali', 'u-bo'],
    );
    assert.deepEqual(
      membersInWeek(team, 21).map((m) => m.userId),
      ['u-mette', 'u-ali'],
    );
  });

  it('when a year has no plan yet, then last year carries over: indicators, current members, goals in force, no targets', () => {
    const last = plan({
      year: 2026,
      members: [member('u-mette', 'Mette', 1), member('u-bo', 'Bo', 1, 40)],
      goals: [goal('u-mette', 'kanvas', 10), goal('u-mette', 'kanvas', 12, 53), goal('u-bo', 'kanvas', 8)],
      annualTargets: { kanvas: 500 },
    });
    const next = carryOverPlan(last, 2027);
    assert.equal(next.year, 2027);
    assert.equal(next.carriedOverFrom, 2026);
    assert.deepEqual(next.indicators, last.indicators);
    assert.deepEqual(next.members, [{ userId: 'u-mette', name: 'Mette', fromWeek: 1 }]);
    assert.deepEqual(next.goals, [{ userId: 'u-mette', indicatorId: 'kanvas', fromWeek: 1, goal: 12 }]);
    assert.deepEqual(next.annualTargets, {});
  });

  describe('changes', () => {
    const catalog = defaultCatalog();

    it('when a leader chooses indicators as a card sends them ("a,b"), then they are stored in catalog order', () => {
      const result = chooseIndicators(plan(), 'aabninger_praktik, kanvas,individuelle_samtaler', catalog, stamp);
      assert.ok(result.ok);
      assert.deepEqual(result.plan.indicators, ['individuelle_samtaler', 'kanvas', 'aabninger_praktik']);
      assert.equal(result.plan.updatedBy, 'u-leader');
    });

    it('when a leader chooses an unknown indicator, then nothing changes and the message names it', () => {
      const result = chooseIndicators(plan(), ['kanvas', 'kaffe'], catalog, stamp);
      assert.ok(!result.ok);
      assert.match(result.errors[0]!.message, /ukendt indikator \(kaffe\)/);
    });

    it('when goals are set from a later week, then earlier weeks keep the old goal and an entry for the same week is replaced', () => {
      const first = setMemberGoals(plan(), 'u-mette', '10', { kanvas: '15' }, catalog, stamp);
      assert.ok(first.ok);
      assert.equal(weeklyGoal(first.plan, 'u-mette', 'kanvas', 9), 10);
      assert.equal(weeklyGoal(first.plan, 'u-mette', 'kanvas', 10), 15);
      const again = setMemberGoals(first.plan, 'u-mette', 10, { kanvas: 20 }, catalog, stamp);
      assert.ok(again.ok);
      assert.equal(
        again.plan.goals.filter((entry) => entry.userId === 'u-mette' && entry.indicatorId === 'kanvas').length,
        2,
      );
      assert.equal(weeklyGoal(again.plan, 'u-mette', 'kanvas', 10), 20);
      assert.equal(
        weeklyGoal(again.plan, 'u-mette', 'aabninger_ordinaere', 10),
        2,
        'indicators not on the card are kept',
      );
    });

    it('when a goal input is empty, then the goal from that week is 0 (no goal)', () => {
      const result = setMemberGoals(plan(), 'u-ali', 5, { kanvas: '' }, catalog, stamp);
      assert.ok(result.ok);
      assert.equal(weeklyGoal(result.plan, 'u-ali', 'kanvas', 5), 0);
    });

    it('when goal inputs are wrong, then every problem is named in Danish and nothing changes', () => {
      const result = setMemberGoals(
        plan(),
        'u-mette',
        '54',
        { kanvas: '-1', aabninger_ordinaere: 'to' },
        catalog,
        stamp,
      );
      assert.ok(!result.ok);
      assert.deepEqual(
        result.errors.map((error) => error.field),
        ['fromWeek', 'kanvas', 'aabninger_ordinaere'],
      );
      assert.match(result.errors[0]!.message, /2026 har 53 uger/);
      assert.match(result.errors[1]!.message, /^Kanvas: skriv et helt tal fra 0 til 999\.$/);
    });

    it('when goals are set for someone not in the plan, then it is refused', () => {
      const result = setMemberGoals(plan(), 'u-stranger', 1, { kanvas: 3 }, catalog, stamp);
      assert.ok(!result.ok);
      assert.match(result.errors[0]!.message, /ikke med i teamets målstyring/);
    });

    it('when members are added and removed from a week, then they log from and until then', () => {
      const result = updateMembers(
        plan(),
        { add: [{ userId: 'u-bo', name: ' Bo Berg ' }], remove: ['u-ali'], fromWeek: '12' },
        stamp,
      );
      assert.ok(result.ok);
      assert.deepEqual(result.plan.members, [
        { userId: 'u-mette', name: 'Mette Hansen', fromWeek: 1 },
        { userId: 'u-ali', name: 'Ali Yilmaz', fromWeek: 1, untilWeek: 11 },
        { userId: 'u-bo', name: 'Bo Berg', fromWeek: 12 },
      ]);
      const back = updateMembers(result.plan, { add: [{ userId: 'u-ali', name: 'Ali Yilmaz' }], fromWeek: 20 }, stamp);
      assert.ok(back.ok);
      assert.deepEqual(back.plan.members[1], { userId: 'u-ali', name: 'Ali Yilmaz', fromWeek: 1 });
    });

    it('when annual targets are set, then empty removes one and wrong input is named', () => {
      const set = setAnnualTargets(
        plan({ annualTargets: { aabninger_ordinaere: 90 } }),
        { kanvas: '520', aabninger_ordinaere: '' },
        catalog,
        stamp,
      );
      assert.ok(set.ok);
      assert.deepEqual(set.plan.annualTargets, { kanvas: 520 });
      const wrong = setAnnualTargets(plan(), { kanvas: '5,5' }, catalog, stamp);
      assert.ok(!wrong.ok);
      assert.equal(wrong.errors[0]!.field, 'kanvas');
    });

    it('when a goal, a target, a week or the indicators hold a CPR number, then each is refused by name and never quoted', () => {
      const refusal = (label: string) =>
        `${label}: teksten ligner et CPR-nummer. Botten må ikke gemme CPR-numre – fjern det.`;
      for (const variant of CPR_VARIANTS) {
        const goals = setMemberGoals(plan(), 'u-mette', variant, { kanvas: variant }, catalog, stamp);
        assert.ok(!goals.ok, JSON.stringify(variant));
        assert.deepEqual(goals.errors, [
          { field: 'fromWeek', message: refusal('Fra uge') },
          { field: 'kanvas', message: refusal('Kanvas') },
        ]);
        const targets = setAnnualTargets(plan(), { kanvas: variant }, catalog, stamp);
        assert.ok(!targets.ok);
        assert.deepEqual(targets.errors, [{ field: 'kanvas', message: refusal('Kanvas') }]);
        const members = updateMembers(plan(), { add: [], fromWeek: variant }, stamp);
        assert.ok(!members.ok);
        assert.deepEqual(members.errors, [{ field: 'fromWeek', message: refusal('Fra uge') }]);
        for (const raw of [variant, `kanvas,${variant}`, ['kanvas', variant]]) {
          const indicators = chooseIndicators(plan(), raw, catalog, stamp);
          assert.ok(!indicators.ok, JSON.stringify(raw));
          assert.deepEqual(indicators.errors, [{ field: 'indicators', message: refusal('Indikatorer') }]);
        }
        assert.ok(!leaksCpr(JSON.stringify([goals, targets, members]), variant));
      }
    });

    it('when a carried-over plan is changed, then it is no longer marked as carried over', () => {
      const carried = carryOverPlan(plan(), 2027);
      const result = setAnnualTargets(carried, { kanvas: 100 }, catalog, stamp);
      assert.ok(result.ok);
      assert.equal(result.plan.carriedOverFrom, undefined);
    });
  });
});
