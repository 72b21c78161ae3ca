import assert from 'node:assert/strict';
import { dueGoalRuns, goalRecipientKey, goalRunKey } from '../../../rules/goals/goal-rhythm.policy';
import { at } from './goal-fixtures';

describe('the weekly rhythm of the goals', () => {
  const cases: [string, string, string, string][] = [
    // [date, Copenhagen time, what is due, week]
    ['2026-02-13', '12:59', 'nothing', ''],
    ['2026-02-13', '13:00', 'log-reminder', '2026-W07'],
    ['2026-02-13', '13:15', 'log-reminder', '2026-W07'],
    ['2026-02-13', '13:16', 'log-reminder (late)', '2026-W07'],
    ['2026-02-13', '16:59', 'log-reminder (late)', '2026-W07'],
    ['2026-02-13', '17:00', 'nothing', ''],
    ['2026-02-14', '13:00', 'nothing', ''], // Saturday
    ['2026-06-19', '13:00', 'log-reminder', '2026-W25'], // summer time
    ['2027-01-01', '13:00', 'log-reminder', '2026-W53'], // New Year's Day is a Friday of 2026-W53
    ['2026-02-16', '07:59', 'nothing', ''],
    ['2026-02-16', '08:00', 'weekly-summary', '2026-W07'],
    ['2026-02-16', '08:30', 'weekly-summary (late)', '2026-W07'],
    ['2026-02-16', '23:59', 'weekly-summary (late)', '2026-W07'],
    ['2026-02-17', '08:00', 'nothing', ''], // Tuesday: Monday's run is over
    ['2026-04-06', '08:00', 'weekly-summary', '2026-W14'], // 2. påskedag, a holiday, still gets it
    ['2027-01-04', '08:00', 'weekly-summary', '2026-W53'], // the summary of week 53
    ['2026-01-05', '08:00', 'weekly-summary', '2026-W01'], // 2026-W01 began on 2025-12-29
  ];
  for (const [date, time, expected, week] of cases) {
    it(`when it is ${date} ${time} in Copenhagen, then ${expected}${week ? ` for ${week}` : ''} is due`, () => {
      const runs = dueGoalRuns(new Date(at(date, time)));
      if (expected === 'nothing') {
        assert.deepEqual(runs, []);
        return;
      }
      assert.equal(runs.length, 1);
      const [run] = runs;
      assert.equal(run!.kind, expected.replace(' (late)', ''));
      assert.equal(run!.late, expected.endsWith('(late)'));
      assert.equal(goalRunKey(run!), `${run!.kind}:${week}`);
    });
  }

  it('when a message is keyed, then the key names the run, the week, the team and the person', () => {
    const [run] = dueGoalRuns(new Date(at('2026-02-16', '08:00')));
    assert.equal(goalRecipientKey(run!, 'team-a', 'u-leader'), 'weekly-summary:2026-W07:team-a:u-leader');
  });
});
