import assert from 'node:assert/strict';
import { setTeamGoals, type TeamGoalCell } from '../../../rules/goals/goal-plan.changes';
import { weeklyGoal } from '../../../rules/goals/goal-plan';
import { defaultCatalog, goal, plan } from './goal-fixtures';

const stamp = { by: 'u-leader', at: '2026-03-01T09:00:00.000Z' };
const catalog = defaultCatalog();

const cell = (userId: string, indicatorId: string, raw: unknown): TeamGoalCell => ({ userId, indicatorId, raw });

describe('setTeamGoals (the goals grid: several members at once)', function () {
  it('when the grid sets goals for two members from week 10, then each holds from week 10 and the weeks before keep theirs', () => {
    const result = setTeamGoals(
      plan(),
      '10',
      [cell('u-mette', 'kanvas', '15'), cell('u-ali', 'kanvas', 12), cell('u-ali', 'aabninger_ordinaere', '3')],
      catalog,
      stamp,
    );
    assert.ok(result.ok);
    assert.equal(weeklyGoal(result.plan, 'u-mette', 'kanvas', 10), 15);
    assert.equal(weeklyGoal(result.plan, 'u-ali', 'kanvas', 10), 12);
    assert.equal(weeklyGoal(result.plan, 'u-ali', 'aabninger_ordinaere', 10), 3);
    assert.equal(weeklyGoal(result.plan, 'u-mette', 'kanvas', 9), 10, 'week 9 keeps its goal');
    assert.equal(result.plan.updatedBy, 'u-leader');
  });

  it('when a box holds what is already in force, then no entry is added; an emptied box means no goal', () => {
    const result = setTeamGoals(
      plan(),
      7,
      [cell('u-mette', 'kanvas', '10'), cell('u-ali', 'kanvas', ''), cell('u-ali', 'aabninger_ordinaere', ' 2 ')],
      catalog,
      stamp,
    );
    assert.ok(result.ok);
    assert.equal(result.plan.goals.length, plan().goals.length + 1, 'only the emptied box adds an entry');
    assert.equal(weeklyGoal(result.plan, 'u-ali', 'kanvas', 7), 0);
    assert.equal(weeklyGoal(result.plan, 'u-ali', 'kanvas', 6), 10);
  });

  it('when a later entry exists, then it still takes over in its week', () => {
    const later = plan({ goals: [...plan().goals, goal('u-mette', 'kanvas', 20, 30)] });
    const result = setTeamGoals(later, 10, [cell('u-mette', 'kanvas', '15')], catalog, stamp);
    assert.ok(result.ok);
    assert.equal(weeklyGoal(result.plan, 'u-mette', 'kanvas', 29), 15);
    assert.equal(weeklyGoal(result.plan, 'u-mette', 'kanvas', 30), 20);
  });

  it('when boxes hold a negative, a decimal, a word, a too large number or a CPR number, then each is named by member and indicator and nothing is saved', () => {
    const result = setTeamGoals(
      plan(),
      '60',
      [
        cell('u-mette', 'kanvas', '-3'),
        cell('u-mette', 'aabninger_ordinaere', '2,5'),
        cell('u-ali', 'kanvas', 'mange'),
        cell('u-ali', 'aabninger_ordinaere', '1000'),
        cell('u-ali', 'kanvas', '010190-1234'),
      ],
      catalog,
      stamp,
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    const messages = result.errors.map((error) => error.message);
    assert.match(messages[0] ?? '', /^Fra uge: skriv en uge fra 1 til 53/);
    assert.deepEqual(messages.slice(1, 5), [
      'Mette Hansen, Kanvas: skriv et helt tal fra 0 til 999.',
      'Mette Hansen, Jobåbninger – ordinære job: skriv et helt tal fra 0 til 999.',
      'Ali Yilmaz, Kanvas: skriv et helt tal fra 0 til 999.',
      'Ali Yilmaz, Jobåbninger – ordinære job: skriv et helt tal fra 0 til 999.',
    ]);
    assert.match(messages[5] ?? '', /^Ali Yilmaz, Kanvas: /);
    assert.doesNotMatch(messages[5] ?? '', /010190/, 'a CPR number is never quoted');
  });

  it('when a box is for someone not in the plan or an indicator the team does not use, then it is ignored', () => {
    const result = setTeamGoals(
      plan(),
      7,
      [cell('u-stranger', 'kanvas', '5'), cell('u-mette', 'aabninger_praktik', '5')],
      catalog,
      stamp,
    );
    assert.ok(result.ok);
    assert.deepEqual(result.plan.goals, plan().goals);
  });
});
