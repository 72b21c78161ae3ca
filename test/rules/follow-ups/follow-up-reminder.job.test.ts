import assert from 'node:assert/strict';
import sinon from 'sinon';
import { isWorkingDay } from '../../../rules/shared/danish-holidays';
import { calendarDate } from '../../../rules/shared/copenhagen-calendar';
import { followUpsForScreening, type FollowUp } from '../../../rules/follow-ups/follow-up';
import type { FollowUpNotifier } from '../../../rules/follow-ups/follow-up-notifier';
import { FollowUpReminderJob, followUpRemindersDue } from '../../../rules/follow-ups/follow-up-reminder.job';
import type { WorkingDayCalendar } from '../../../rules/morning-meeting/morning-post.job';
import { InMemoryFollowUpRepository, InMemoryJobRunRepository } from '../../support/in-memory.repositories';
import { at, screening } from '../goals/goal-fixtures';

const calendar: WorkingDayCalendar = { dateOf: calendarDate, isWorkingDay };

describe('FollowUpReminderJob', () => {
  let sandbox: sinon.SinonSandbox;
  let followUps: InMemoryFollowUpRepository;
  let runs: InMemoryJobRunRepository;
  let remind: sinon.SinonStub;

  beforeEach(async () => {
    sandbox = sinon.createSandbox();
    followUps = new InMemoryFollowUpRepository();
    runs = new InMemoryJobRunRepository();
    remind = sandbox.stub().resolves('sent');
    // Decided Tuesday 2026-02-03: week 13 is due Tuesday 2026-05-05.
    for (const followUp of [
      ...followUpsForScreening(screening({ id: 's1', decidedAt: at('2026-02-03') })),
      ...followUpsForScreening(
        screening({ id: 's2', teamId: 'team-b', caseworkerId: 'u-bo', decidedAt: at('2026-02-04') }),
      ),
    ]) {
      await followUps.create(followUp);
    }
  });
  afterEach(() => sandbox.restore());

  function job(holder: string, notifier: FollowUpNotifier = { remind }): FollowUpReminderJob {
    return new FollowUpReminderJob(followUps, runs, notifier, calendar, { holder, leaseMs: 10 * 60_000 });
  }

  const windows: [string, boolean, boolean][] = [
    ['08:59', true, false],
    ['09:00', true, true],
    ['15:59', true, true],
    ['16:00', true, false],
    ['09:00', false, false],
  ];
  for (const [time, workingDay, due] of windows) {
    it(`when it is ${time} on a ${workingDay ? 'working day' : 'day off'}, then reminders are ${due ? '' : 'not '}due`, () => {
      assert.equal(followUpRemindersDue(time, workingDay), due);
    });
  }

  it('when follow-ups fall due, then each caseworker is reminded once and the follow-up is marked', async () => {
    const reminded = await job('a').run(new Date(at('2026-05-06', '09:00')));
    assert.deepEqual(reminded, ['s1:13', 's2:13']);
    assert.deepEqual(
      remind.getCalls().map((call) => [(call.args[0] as FollowUp).teamId, (call.args[0] as FollowUp).caseworkerId]),
      [
        ['team-a', 'u-mette'],
        ['team-b', 'u-bo'],
      ],
    );
    assert.equal(
      (await followUps.get('team-a', 's1:13'))!.value.remindedAt,
      new Date(at('2026-05-06', '09:00')).toISOString(),
    );
    await job('b').run(new Date(at('2026-05-06', '10:00')));
    await job('a').run(new Date(at('2026-05-07', '09:00')));
    assert.equal(remind.callCount, 2);
  });

  it('when two instances tick at once, then nobody is reminded twice', async () => {
    await Promise.all([
      job('a').run(new Date(at('2026-05-06', '09:00'))),
      job('b').run(new Date(at('2026-05-06', '09:00'))),
    ]);
    assert.equal(remind.callCount, 2);
  });

  it('when the due date is a weekend or holiday, then the reminder comes on the next working day', async () => {
    // s3 is due on Saturday 2026-05-09.
    for (const followUp of followUpsForScreening(screening({ id: 's3', decidedAt: at('2026-02-07') }))) {
      await followUps.create({ ...followUp, teamId: 'team-c' });
    }
    await job('a').run(new Date(at('2026-05-06', '09:00')));
    remind.resetHistory();
    await job('a').run(new Date(at('2026-05-09', '10:00')));
    assert.equal(remind.callCount, 0, 'Saturday');
    await job('a').run(new Date(at('2026-05-11', '09:00')));
    assert.deepEqual(
      remind.getCalls().map((call) => (call.args[0] as FollowUp).id),
      ['s3:13'],
    );
  });

  it('when an outcome was recorded before the reminder, then no reminder is sent', async () => {
    const stored = (await followUps.get('team-a', 's1:13'))!;
    await followUps.replace({ ...stored.value, outcome: 'job' }, stored.etag);
    const reminded = await job('a').run(new Date(at('2026-05-06', '09:00')));
    assert.deepEqual(reminded, ['s2:13']);
  });

  it('when a reminder fails, then the others go out and the failed one is retried after the lease', async () => {
    const flaky = sandbox
      .stub()
      .callsFake((followUp: FollowUp) =>
        followUp.id === 's1:13' ? Promise.reject(new Error('502')) : Promise.resolve('sent'),
      );
    await assert.rejects(job('a', { remind: flaky }).run(new Date(at('2026-05-06', '09:00'))), AggregateError);
    assert.equal(flaky.callCount, 2);
    const reminded = await job('b').run(new Date(at('2026-05-06', '09:11')));
    assert.deepEqual(reminded, ['s1:13']);
  });
});
