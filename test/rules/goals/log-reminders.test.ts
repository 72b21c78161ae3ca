import assert from 'node:assert/strict';
import { membersMissingLog } from '../../../rules/goals/log-reminders';
import { TEAM, log, member, plan } from './goal-fixtures';

describe("Friday's reminder targets", () => {
  const week = { year: 2026, week: 20 };
  const team = plan({
    members: [
      member('u-mette', 'Mette'),
      member('u-ali', 'Ali'),
      member('u-bo', 'Bo', 21), // starts next week
      member('u-eva', 'Eva', 1, 19), // left last week
      member('u-ida', 'Ida'),
    ],
  });

  it('when some members logged the week, then only those expected and missing are reminded', () => {
    const logs = [log('u-mette', week, { kanvas: 3 }), log('u-ida', week, {})];
    assert.deepEqual(
      membersMissingLog(team, logs, week).map((m) => m.userId),
      ['u-ali'],
    );
  });

  it('when a log is for another week or another team, then it does not count as logged', () => {
    const logs = [
      log('u-mette', { year: 2026, week: 19 }, { kanvas: 3 }),
      log('u-ali', { year: 2025, week: 20 }, { kanvas: 3 }),
      log('u-ida', week, { kanvas: 1 }, 'team-b'),
    ];
    assert.deepEqual(
      membersMissingLog(team, logs, week).map((m) => m.userId),
      ['u-mette', 'u-ali', 'u-ida'],
    );
  });

  it('when everyone logged, or there is no plan, or the plan is of another year, then nobody is reminded', () => {
    const all = ['u-mette', 'u-ali', 'u-ida'].map((userId) => log(userId, week, { kanvas: 0 }));
    assert.deepEqual(membersMissingLog(team, all, week), []);
    assert.deepEqual(membersMissingLog(undefined, [], week), []);
    assert.deepEqual(membersMissingLog(team, [], { year: 2027, week: 20 }), []);
    assert.equal(team.teamId, TEAM);
  });
});
