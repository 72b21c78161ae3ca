import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { MorningMeeting } from '../../../rules/morning-meeting/morning-meeting.repository';
import { ChannelLossNotices } from '../../../rules/morning-meeting/channel-loss.notices';
import { InMemoryChannelLossRepository } from '../../support/in-memory.repositories';

const meeting: MorningMeeting = {
  teamId: 'team-1',
  reference: { conversation: { id: '19:channel' } },
  postTime: '08:15',
  closedDays: [],
  setBy: 'leader-1',
  setAt: '2026-02-01T10:00:00.000Z',
};
const isLeader = (teamId: string, userId: string) => Promise.resolve(teamId === 'team-1' && userId === 'leader-1');
const lostAt = new Date('2026-02-03T07:15:00Z');

describe('ChannelLossNotices', () => {
  it('when the channel is lost, then its reference is removed and only a leader is told, once', async () => {
    const remove = sinon.stub().resolves();
    const notices = new ChannelLossNotices({ remove }, new InMemoryChannelLossRepository(), isLeader);
    await notices.channelLost(meeting, lostAt);
    assert.deepEqual(remove.firstCall.args, ['team-1']);
    assert.equal(await notices.takeFor('team-1', 'member-1'), undefined, 'a member is not told');
    assert.deepEqual(await notices.takeFor('team-1', 'leader-1'), {
      teamId: 'team-1',
      lostAt: '2026-02-03T07:15:00.000Z',
      postTime: '08:15',
    });
    assert.equal(await notices.takeFor('team-1', 'leader-1'), undefined, 'told once');
  });

  it('when another instance recorded the loss, then this one learns of it at its next refresh, and both together tell once', async () => {
    const losses = new InMemoryChannelLossRepository();
    const recorder = new ChannelLossNotices({ remove: () => Promise.resolve() }, losses, isLeader);
    const other = new ChannelLossNotices({ remove: () => Promise.resolve() }, losses, isLeader);
    await recorder.channelLost(meeting, lostAt);
    assert.equal(await other.takeFor('team-1', 'leader-1'), undefined, 'not known before the refresh');
    await other.refresh();
    const told = await Promise.all([other.takeFor('team-1', 'leader-1'), recorder.takeFor('team-1', 'leader-1')]);
    assert.equal(told.filter((loss) => loss !== undefined).length, 1);
  });

  it('when a leader chooses a channel again, then the old loss is not told', async () => {
    const notices = new ChannelLossNotices(
      { remove: () => Promise.resolve() },
      new InMemoryChannelLossRepository(),
      isLeader,
    );
    await notices.channelLost(meeting, lostAt);
    await notices.resolved('team-1');
    assert.equal(await notices.takeFor('team-1', 'leader-1'), undefined);
  });
});
