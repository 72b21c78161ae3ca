import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { PlanMember } from '../../../rules/goals/goal-plan';
import type { IsoWeek } from '../../../rules/goals/iso-week';
import type { TeamWeeklySummary } from '../../../rules/goals/weekly-summary';
import type { GoalNotifier } from '../../../rules/goals/goal-notifier';
import { GoalRhythmJob, type GoalRhythmSource } from '../../../rules/goals/goal-rhythm.job';
import { InMemoryJobRunRepository, InMemoryTeamLeaders } from '../../support/in-memory.repositories';
import { at } from './goal-fixtures';

const FRIDAY_1300 = new Date(at('2026-02-13', '13:00'));
const MONDAY_0800 = new Date(at('2026-02-16', '08:00'));

describe('GoalRhythmJob', () => {
  let sandbox: sinon.SinonSandbox;
  let runs: InMemoryJobRunRepository;
  let roster: InMemoryTeamLeaders;
  let missing: Record<string, PlanMember[]>;
  let source: GoalRhythmSource;
  let notifier: { remindToLog: sinon.SinonStub; sendWeeklySummary: sinon.SinonStub };

  beforeEach(async () => {
    sandbox = sinon.createSandbox();
    runs = new InMemoryJobRunRepository();
    roster = new InMemoryTeamLeaders();
    await roster.addLeader('team-a', 'u-lea');
    await roster.addLeader('team-a', 'u-lars');
    await roster.addLeader('team-b', 'u-lone');
    missing = {
      'team-a': [{ userId: 'u-ali', name: 'Ali', fromWeek: 1 }],
      'team-b': [
        { userId: 'u-bo', name: 'Bo', fromWeek: 1 },
        { userId: 'u-eva', name: 'Eva', fromWeek: 1 },
      ],
    };
    source = {
      teamsWithGoals: sandbox.stub().resolves(['team-a', 'team-b']),
      membersMissingLog: sandbox.spy((teamId: string) => Promise.resolve(missing[teamId] ?? [])),
      teamSummary: sandbox.spy((teamId: string, week: IsoWeek) =>
        Promise.resolve({ teamId, week } as unknown as TeamWeeklySummary),
      ),
    };
    notifier = { remindToLog: sandbox.stub().resolves('sent'), sendWeeklySummary: sandbox.stub().resolves('sent') };
  });
  afterEach(() => sandbox.restore());

  function job(holder: string, messages: GoalNotifier = notifier): GoalRhythmJob {
    return new GoalRhythmJob(source, roster, runs, messages, { holder, leaseMs: 10 * 60_000 });
  }

  it('when it is Friday 13:00, then only the members missing the week are reminded, once each', async () => {
    const report = await job('a').run(FRIDAY_1300);
    assert.deepEqual(
      notifier.remindToLog.getCalls().map((call) => [call.args[0], (call.args[1] as PlanMember).userId, call.args[2]]),
      [
        ['team-a', 'u-ali', { year: 2026, week: 7 }],
        ['team-b', 'u-bo', { year: 2026, week: 7 }],
        ['team-b', 'u-eva', { year: 2026, week: 7 }],
      ],
    );
    assert.deepEqual(report, {
      run: { kind: 'log-reminder', week: { year: 2026, week: 7 }, late: false },
      sent: 3,
      unreachable: 0,
      failed: 0,
    });
    assert.equal(notifier.sendWeeklySummary.callCount, 0);
  });

  it("when it is Monday 08:00, then every leader of every team gets the previous week's summary, computed once per team", async () => {
    await job('a').run(MONDAY_0800);
    assert.deepEqual(
      notifier.sendWeeklySummary
        .getCalls()
        .map((call) => [call.args[0], call.args[1], (call.args[2] as TeamWeeklySummary).week]),
      [
        ['team-a', 'u-lea', { year: 2026, week: 7 }],
        ['team-a', 'u-lars', { year: 2026, week: 7 }],
        ['team-b', 'u-lone', { year: 2026, week: 7 }],
      ],
    );
    assert.equal((source.teamSummary as sinon.SinonSpy).callCount, 2);
  });

  it('when two instances tick at once and again later, then each person gets the message exactly once', async () => {
    await Promise.all([job('a').run(MONDAY_0800), job('b').run(MONDAY_0800)]);
    await job('a').run(new Date(at('2026-02-16', '08:01')));
    await job('c').run(new Date(at('2026-02-16', '09:00')));
    assert.equal(notifier.sendWeeklySummary.callCount, 3);
  });

  it('when the run is done, then a later tick reads the run once and asks for no work', async () => {
    await job('a').run(MONDAY_0800);
    (source.teamsWithGoals as sinon.SinonStub).resetHistory();
    await job('a').run(new Date(at('2026-02-16', '10:00')));
    assert.equal((source.teamsWithGoals as sinon.SinonStub).callCount, 0);
  });

  it('when the bot was down at 08:00 and starts at 11:00, then the summary goes out, marked late', async () => {
    await job('a').run(new Date(at('2026-02-16', '11:00')));
    assert.equal(notifier.sendWeeklySummary.callCount, 3);
    assert.deepEqual(notifier.sendWeeklySummary.firstCall.args[3], { late: true });
  });

  it('when a team has no leader, then no summary is computed for it', async () => {
    (source.teamsWithGoals as sinon.SinonStub).resolves(['team-a', 'team-c']);
    await job('a').run(MONDAY_0800);
    assert.deepEqual(
      (source.teamSummary as sinon.SinonSpy).getCalls().map((call) => call.args[0]),
      ['team-a'],
    );
  });

  it('when a person cannot be reached, then it is counted and the run still completes', async () => {
    notifier.remindToLog.resolves('unreachable');
    const report = await job('a').run(FRIDAY_1300);
    assert.equal(report.unreachable, 3);
    await job('a').run(new Date(at('2026-02-13', '13:01')));
    assert.equal(notifier.remindToLog.callCount, 3);
  });

  it('when one message fails, then the others go out, and after the lease only the failed one is retried', async () => {
    notifier.sendWeeklySummary.callsFake((teamId: string, leaderId: string) =>
      leaderId === 'u-lars' ? Promise.reject(new Error('429 for too long')) : Promise.resolve('sent'),
    );
    await assert.rejects(job('a').run(MONDAY_0800), AggregateError);
    assert.equal(notifier.sendWeeklySummary.callCount, 3);
    await job('b').run(new Date(at('2026-02-16', '08:05')));
    assert.equal(notifier.sendWeeklySummary.callCount, 3, 'the lease still holds');
    notifier.sendWeeklySummary.resetHistory();
    notifier.sendWeeklySummary.resolves('sent');
    await job('b').run(new Date(at('2026-02-16', '08:11')));
    assert.deepEqual(
      notifier.sendWeeklySummary.getCalls().map((call) => call.args[1]),
      ['u-lars'],
    );
  });

  it('when the holder dies mid-run, then another instance takes over after the lease and sends only what was not sent', async () => {
    let calls = 0;
    const dying: GoalNotifier = {
      // The second message never finishes: the process died while sending it.
      remindToLog: () => {
        calls += 1;
        return calls === 2 ? new Promise(() => undefined) : Promise.resolve('sent');
      },
      sendWeeklySummary: () => Promise.resolve('sent'),
    };
    void job('a', dying).run(FRIDAY_1300);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(calls, 2);
    await job('b').run(new Date(at('2026-02-13', '13:05')));
    assert.equal(notifier.remindToLog.callCount, 0, 'the lease still holds');
    await job('b').run(new Date(at('2026-02-13', '13:11')));
    assert.deepEqual(
      notifier.remindToLog.getCalls().map((call) => (call.args[1] as PlanMember).userId),
      ['u-bo', 'u-eva'],
    );
  });

  it('when it is neither Friday afternoon nor Monday, then nothing is claimed or sent', async () => {
    const report = await job('a').run(new Date(at('2026-02-17', '08:00')));
    assert.equal(report.run, undefined);
    assert.equal((source.teamsWithGoals as sinon.SinonStub).callCount, 0);
  });
});
