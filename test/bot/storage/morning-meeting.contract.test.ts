import assert from 'node:assert/strict';
import type {
  ChannelLossRepository,
  MorningMeeting,
  MorningMeetingRepository,
  PostedBoardRepository,
} from '../../../rules/morning-meeting/morning-meeting.repository';
import { storedBackends } from '../../support/contract-store';
import { InMemoryChannelLossRepository } from '../../support/in-memory.repositories';

interface Subject {
  meetings?: MorningMeetingRepository;
  boards?: PostedBoardRepository;
  losses: ChannelLossRepository;
  close(): Promise<void>;
}

/** Channel losses have an in-memory double; meetings and posted boards are checked on the stored backends. */
const subjects: [string, () => Promise<Subject>][] = [
  [
    'in-memory (test double, channel losses)',
    () => Promise.resolve({ losses: new InMemoryChannelLossRepository(), close: () => Promise.resolve() }),
  ],
  ...storedBackends('morning').map(([name, open]): [string, () => Promise<Subject>] => [
    name,
    async () => {
      const { repositories, close } = await open();
      return {
        meetings: repositories.meetings,
        boards: repositories.postedBoards,
        losses: repositories.channelLosses,
        close,
      };
    },
  ]),
];

function meeting(teamId: string, postTime = '08:30'): MorningMeeting {
  return {
    teamId,
    reference: { conversation: { id: `${teamId}-channel` } },
    postTime,
    closedDays: [],
    setBy: 'leader-1',
    setAt: '2026-12-01T08:00:00.000Z',
  };
}

for (const [name, factory] of subjects) {
  describe(`morning-meeting repositories contract: ${name}`, function () {
    this.timeout(30_000);
    let subject: Subject;
    beforeEach(async () => {
      subject = await factory();
    });
    afterEach(() => subject.close());

    const stored = name !== 'in-memory (test double, channel losses)';
    const itStored = stored ? it : undefined;

    itStored?.(
      'when meetings are saved, changed and removed, then each team sees its own, and the scheduler lists every team’s',
      async () => {
        const { meetings } = subject;
        assert.ok(meetings !== undefined);
        await meetings.save(meeting('team-a'));
        await meetings.save(meeting('team-b'));
        await meetings.save(meeting('team-a', '08:15'));
        assert.equal((await meetings.get('team-a'))?.postTime, '08:15');
        assert.deepEqual((await meetings.list()).map((found) => found.teamId).sort(), ['team-a', 'team-b']);
        await meetings.remove('team-a');
        await meetings.remove('team-a');
        assert.equal(await meetings.get('team-a'), undefined);
        assert.deepEqual(
          (await meetings.list()).map((found) => found.teamId),
          ['team-b'],
        );
      },
    );

    itStored?.(
      'when a board is posted, then the team’s latest is the last saved, and another team has none',
      async () => {
        const { boards } = subject;
        assert.ok(boards !== undefined);
        const board = { teamId: 'team-a', date: '2026-12-07', reference: { id: 'r' }, activityIds: ['1', '2'] };
        await boards.save(board);
        await boards.save({ ...board, date: '2026-12-08', postedAt: '2026-12-08T07:30:00.000Z' });
        assert.deepEqual(await boards.latest('team-a'), {
          ...board,
          date: '2026-12-08',
          postedAt: '2026-12-08T07:30:00.000Z',
        });
        assert.equal(await boards.latest('team-b'), undefined);
      },
    );

    it('when a channel loss is recorded, then it is listed, and taken exactly once', async () => {
      const { losses } = subject;
      await losses.record({ teamId: 'team-a', lostAt: '2026-12-07T07:30:00.000Z', postTime: '08:30' });
      await losses.record({ teamId: 'team-b', lostAt: '2026-12-07T07:31:00.000Z', postTime: '08:30' });
      assert.deepEqual((await losses.list()).map((loss) => loss.teamId).sort(), ['team-a', 'team-b']);
      const [first, second] = await Promise.all([losses.take('team-a'), losses.take('team-a')]);
      assert.equal([first, second].filter((taken) => taken !== undefined).length, 1, 'one leader is told');
      assert.deepEqual(first ?? second, { teamId: 'team-a', lostAt: '2026-12-07T07:30:00.000Z', postTime: '08:30' });
      assert.deepEqual(
        (await losses.list()).map((loss) => loss.teamId),
        ['team-b'],
      );
    });
  });
}
