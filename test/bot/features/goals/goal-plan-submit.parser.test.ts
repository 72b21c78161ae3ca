import assert from 'node:assert/strict';
import { membersChangeFromChecklist, planYearOf } from '../../../../bot/features/goals/goal-plan-submit.parser';
import { choicesOf } from '../../../../bot/teams/choice-set.parser';
import { member, plan } from '../../../rules/goals/goal-fixtures';

describe('reading the goal set-up card', () => {
  const team = plan({
    members: [member('u-mette', 'Mette Hansen'), member('u-ali', 'Ali Yilmaz'), member('u-bo', 'Bo Berg', 1, 5)],
  });

  it('when members are unticked and a former member ticked, then they are taken out and in again from the week typed', () => {
    assert.deepEqual(membersChangeFromChecklist(team, ['u-mette', 'u-bo'], '9'), {
      add: [{ userId: 'u-bo', name: 'Bo Berg' }],
      remove: ['u-ali'],
      fromWeek: '9',
    });
  });

  it('when nothing changes or an unknown id is ticked, then nobody is added or removed', () => {
    assert.deepEqual(membersChangeFromChecklist(team, ['u-ali', 'u-mette', 'u-stranger'], 9), {
      add: [],
      remove: [],
      fromWeek: 9,
    });
  });

  it('when everyone is unticked (Teams sends nothing), then everyone still in is taken out', () => {
    assert.deepEqual(membersChangeFromChecklist(team, [], '9').remove, ['u-mette', 'u-ali']);
  });

  it('when a multi-select value or a year arrives, then it is read as Teams sends it, and anything else is malformed', () => {
    assert.deepEqual(choicesOf('a, b,,c'), ['a', 'b', 'c']);
    assert.deepEqual(choicesOf(['a', 'b']), ['a', 'b']);
    assert.deepEqual(choicesOf(undefined), [], 'Teams sends nothing when none is ticked');
    assert.equal(choicesOf(7), undefined, 'no card sends a number');
    assert.equal(choicesOf({ a: 1 }), undefined);
    assert.equal(choicesOf(['a', 1]), undefined);
    assert.equal(planYearOf(2026), 2026);
    assert.equal(planYearOf('2026'), 2026);
    assert.equal(planYearOf('20x6'), undefined);
    assert.equal(planYearOf(12), undefined);
    assert.equal(planYearOf(undefined), undefined);
  });
});
