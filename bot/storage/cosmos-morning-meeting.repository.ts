import { toMorningMeeting as toMeeting, toPostedBoard } from './stored-documents';
import type { Container } from '@azure/cosmos';
import { cosmosStatus } from './cosmos-errors';
import { queryAll } from './cosmos-query';
import type {
  ChannelLoss,
  ChannelLossRepository,
  MorningMeeting,
  MorningMeetingRepository,
  PostedBoard,
  PostedBoardRepository,
} from '../../rules/morning-meeting/morning-meeting.repository';

type MorningMeetingDocument = MorningMeeting & { id: 'morning' };

/** One morning-meeting document per team. */
export class CosmosMorningMeetingRepository implements MorningMeetingRepository {
  constructor(private readonly container: Container) {}

  async get(teamId: string): Promise<MorningMeeting | undefined> {
    const { resource } = await this.container.item('morning', teamId).read<MorningMeetingDocument>();
    return resource === undefined ? undefined : toMeeting(resource);
  }

  async list(): Promise<MorningMeeting[]> {
    // Across teams on purpose: the scheduler visits every team with a meeting.
    const documents = await queryAll<MorningMeetingDocument>(this.container, "SELECT * FROM c WHERE c.id = 'morning'");
    return documents.map(toMeeting);
  }

  async save(meeting: MorningMeeting): Promise<void> {
    await this.container.items.upsert<MorningMeetingDocument>({ ...meeting, id: 'morning' });
  }

  async remove(teamId: string): Promise<void> {
    await deleteIfPresent(this.container, 'morning', teamId);
  }
}

/** Deletes a document; resolves false if it was not there (e.g. another instance deleted it first). */
async function deleteIfPresent(container: Container, id: string, teamId: string): Promise<boolean> {
  try {
    await container.item(id, teamId).delete();
    return true;
  } catch (error) {
    if (cosmosStatus(error) === 404) return false;
    throw error;
  }
}

type ChannelLossDocument = ChannelLoss & { id: 'channel-lost' };

/** A lost morning channel per team, next to the team's morning meeting, until a leader is told. */
export class CosmosChannelLossRepository implements ChannelLossRepository {
  constructor(private readonly container: Container) {}

  async record(loss: ChannelLoss): Promise<void> {
    await this.container.items.upsert<ChannelLossDocument>({ ...loss, id: 'channel-lost' });
  }

  async list(): Promise<ChannelLoss[]> {
    // Across teams on purpose: every instance learns which teams have a loss to tell.
    const documents = await queryAll<ChannelLossDocument>(
      this.container,
      "SELECT * FROM c WHERE c.id = 'channel-lost'",
    );
    return documents.map(({ teamId, lostAt, postTime }) => ({ teamId, lostAt, postTime }));
  }

  async take(teamId: string): Promise<ChannelLoss | undefined> {
    const { resource } = await this.container.item('channel-lost', teamId).read<ChannelLossDocument>();
    if (resource === undefined) return undefined;
    if (!(await deleteIfPresent(this.container, 'channel-lost', teamId))) return undefined;
    return { teamId, lostAt: resource.lostAt, postTime: resource.postTime };
  }
}

/** The board last posted per team, one document next to the team's morning meeting. */
export class CosmosPostedBoardRepository implements PostedBoardRepository {
  constructor(private readonly container: Container) {}

  async latest(teamId: string): Promise<PostedBoard | undefined> {
    const { resource } = await this.container.item('posted-board', teamId).read<PostedBoard & { id: string }>();
    if (resource === undefined) return undefined;
    return toPostedBoard(teamId, resource);
  }

  async save(board: PostedBoard): Promise<void> {
    await this.container.items.upsert({ ...board, id: 'posted-board' });
  }
}
