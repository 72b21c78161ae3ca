import assert from 'node:assert/strict';
import sinon from 'sinon';
import type {
  MorningMeeting,
  MorningMeetingRepository,
} from '../../../rules/morning-meeting/morning-meeting.repository';
import { MorningPostJob, type WorkingDayCalendar } from '../../../rules/morning-meeting/morning-post.job';
import { InMemoryJobRunRepository } from '../../support/in-memory.repositories';

const meeting: MorningMeeting = {
  teamId: 'team-1',
  reference: { conversation: { id: '19:channel' } },
  postTime: '08:30',
  closedDays: ['2026-02-05'],
  setBy: 'leader-1',
  setAt: '2026-02-01T10:00:00.000Z',
};

const meetings: MorningMeetingRepository = {
  get: () => Promise.resolve(meeting),
  list: () => Promise.resolve([meeting]),
  save: () => Promise.resolve(),
  remove: () => Promise.resolve(),
};

/** Weekdays only, plus the team's closed days (the real holiday calendar is tested on its own). */
const calendar: WorkingDayCalendar = {
  dateOf: (instant) => instant.toISOString().slice(0, 10),
  isWorkingDay: (date, closed) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay()) && !closed.includes(date),
};

describe('MorningPostJob', () => {
  let sandbox: sinon.SinonSandbox;
  beforeEach(() => {
    sandbox = sinon.createSandbox();
  });
  afterEach(() => sandbox.restore());

  function instance(
    holder: string,
    runs: InMemoryJobRunRepository,
    post: sinon.SinonStub,
    channelLost: sinon.SinonStub = sandbox.stub().resolves(),
  ) {
    return new MorningPostJob(meetings, runs, { post }, calendar, { holder, leaseMs: 5 * 60_000 }, { channelLost });
  }

  it("when two instances tick at the team's time, then the board is posted once", async () => {
    const runs = new InMemoryJobRunRepository();
    const post = sandbox.stub().resolves('posted');
    const at = new Date('2026-02-03T07:30:00Z'); // 08:30 in Copenhagen, a Tuesday
    const posted = await Promise.all([instance('a', runs, post).run(at), instance('b', runs, post).run(at)]);
    assert.equal(post.callCount, 1);
    assert.deepEqual(post.firstCall.args[1], { late: false });
    assert.equal(posted.flat().length, 1);
  });

  it('when an instance restarts after the post and ticks again, then it does not post again', async () => {
    const runs = new InMemoryJobRunRepository();
    const post = sandbox.stub().resolves('posted');
    await instance('a', runs, post).run(new Date('2026-02-03T07:30:00Z'));
    await instance('a-restarted', runs, post).run(new Date('2026-02-03T07:40:00Z'));
    assert.equal(post.callCount, 1);
  });

  it('when the bot was down at the time and comes back before noon, then it posts, saying it is late', async () => {
    const runs = new InMemoryJobRunRepository();
    const post = sandbox.stub().resolves('posted');
    await instance('a', runs, post).run(new Date('2026-02-03T09:10:00Z')); // 10:10 local
    assert.deepEqual(post.firstCall.args[1], { late: true });
  });

  it('when the posting instance dies mid-post, then another takes over after the lease, not before', async () => {
    const runs = new InMemoryJobRunRepository();
    const dying = sandbox.stub().rejects(new Error('process killed'));
    await assert.rejects(instance('a', runs, dying).run(new Date('2026-02-03T07:30:00Z')));
    const post = sandbox.stub().resolves('posted');
    await instance('b', runs, post).run(new Date('2026-02-03T07:31:00Z'));
    assert.equal(post.callCount, 0, 'the lease still holds');
    await instance('b', runs, post).run(new Date('2026-02-03T07:36:00Z'));
    assert.equal(post.callCount, 1);
  });

  it('when it is a weekend, a closed day, or after noon, then nothing is posted', async () => {
    const runs = new InMemoryJobRunRepository();
    const post = sandbox.stub().resolves('posted');
    await instance('a', runs, post).run(new Date('2026-02-07T07:30:00Z')); // Saturday
    await instance('a', runs, post).run(new Date('2026-02-05T07:30:00Z')); // the team's closed day
    await instance('a', runs, post).run(new Date('2026-02-06T11:00:00Z')); // Friday 12:00 local
    assert.equal(post.callCount, 0);
  });

  it('when the channel refuses the post (the bot was removed), then the loss is recorded once and the run is done', async () => {
    const runs = new InMemoryJobRunRepository();
    const post = sandbox.stub().resolves('gone');
    const channelLost = sandbox.stub().resolves();
    const at = new Date('2026-02-03T07:30:00Z');
    assert.deepEqual(await instance('a', runs, post, channelLost).run(at), []);
    assert.equal(channelLost.callCount, 1);
    assert.deepEqual(channelLost.firstCall.args, [meeting, at]);
    await instance('b', runs, post, channelLost).run(new Date('2026-02-03T07:45:00Z'));
    assert.equal(post.callCount, 1, 'not retried the same day');
    assert.ok((await runs.get('team-1', 'morning-post:team-1:2026-02-03'))?.doneAt !== undefined);
  });
});
