import { toMorningMeeting as toMeeting, toPostedBoard } from '../stored-documents';
import type {
  ChannelLoss,
  ChannelLossRepository,
  MorningMeeting,
  MorningMeetingRepository,
  PostedBoard,
  PostedBoardRepository,
} from '../../../rules/morning-meeting/morning-meeting.repository';
import type { SqliteDocumentStore } from './sqlite-document.store';

const TABLE = 'morningMeetings';

/** One morning-meeting row per team. */
export class SqliteMorningMeetingRepository implements MorningMeetingRepository {
  constructor(private readonly store: SqliteDocumentStore) {}

  async get(teamId: string): Promise<MorningMeeting | undefined> {
    const found = this.store.get<MorningMeeting>(TABLE, teamId, 'morning');
    return found === undefined ? undefined : toMeeting(found.value);
  }

  async list(): Promise<MorningMeeting[]> {
    // Across teams on purpose: the scheduler visits every team with a meeting.
    return this.store
      .documents<MorningMeeting>(`SELECT id, etag, body FROM ${TABLE} WHERE id = 'morning'`)
      .map((row) => toMeeting(row.value));
  }

  async save(meeting: MorningMeeting): Promise<void> {
    this.store.upsert(TABLE, meeting.teamId, 'morning', { ...meeting, id: 'morning' });
  }

  async remove(teamId: string): Promise<void> {
    this.store.delete(TABLE, teamId, 'morning');
  }
}

/** A lost morning channel per team, next to the team's morning meeting, until a leader is told. */
export class SqliteChannelLossRepository implements ChannelLossRepository {
  constructor(private readonly store: SqliteDocumentStore) {}

  async record(loss: ChannelLoss): Promise<void> {
    this.store.upsert(TABLE, loss.teamId, 'channel-lost', { ...loss, id: 'channel-lost' });
  }

  async list(): Promise<ChannelLoss[]> {
    return this.store
      .documents<ChannelLoss>(`SELECT id, etag, body FROM ${TABLE} WHERE id = 'channel-lost'`)
      .map(({ value: { teamId, lostAt, postTime } }) => ({ teamId, lostAt, postTime }));
  }

  async take(teamId: string): Promise<ChannelLoss | undefined> {
    return this.store.transaction(() => {
      const found = this.store.get<ChannelLoss>(TABLE, teamId, 'channel-lost');
      if (found === undefined || this.store.delete(TABLE, teamId, 'channel-lost', found.etag) !== 'deleted')
        return undefined;
      return { teamId, lostAt: found.value.lostAt, postTime: found.value.postTime };
    });
  }
}

/** The board last posted per team, next to the team's morning meeting. */
export class SqlitePostedBoardRepository implements PostedBoardRepository {
  constructor(private readonly store: SqliteDocumentStore) {}

  async latest(teamId: string): Promise<PostedBoard | undefined> {
    const found = this.store.get<PostedBoard>(TABLE, teamId, 'posted-board');
    if (found === undefined) return undefined;
    return toPostedBoard(teamId, found.value);
  }

  async save(board: PostedBoard): Promise<void> {
    this.store.upsert(TABLE, board.teamId, 'posted-board', { ...board, id: 'posted-board' });
  }
}
