import type { Container } from '@azure/cosmos';
import type {
  MorningMeeting,
  MorningMeetingRepository,
  PostedBoard,
  PostedBoardRepository,
} from '../../rules/ports/morning-meeting.repository';

type MorningMeetingDocument = MorningMeeting & { id: 'morning' };

function toMeeting(document: MorningMeetingDocument): MorningMeeting {
  const { teamId, reference, postTime, closedDays, setBy, setAt } = document;
  return { teamId, reference, postTime, closedDays: closedDays ?? [], setBy, setAt };
}

/** One morning-meeting document per team. */
export class CosmosMorningMeetingRepository implements MorningMeetingRepository {
  constructor(private readonly container: Container) {}

  async get(teamId: string): Promise<MorningMeeting | undefined> {
    const { resource } = await this.container.item('morning', teamId).read<MorningMeetingDocument>();
    return resource === undefined ? undefined : toMeeting(resource);
  }

  async list(): Promise<MorningMeeting[]> {
    // Across teams on purpose: the scheduler visits every team with a meeting.
    const { resources } = await this.container.items
      .query<MorningMeetingDocument>("SELECT * FROM c WHERE c.id = 'morning'")
      .fetchAll();
    return resources.map(toMeeting);
  }

  async save(meeting: MorningMeeting): Promise<void> {
    await this.container.items.upsert<MorningMeetingDocument>({ ...meeting, id: 'morning' });
  }
}

/** The board last posted per team, one document next to the team's morning meeting. */
export class CosmosPostedBoardRepository implements PostedBoardRepository {
  constructor(private readonly container: Container) {}

  async latest(teamId: string): Promise<PostedBoard | undefined> {
    const { resource } = await this.container.item('posted-board', teamId).read<PostedBoard & { id: string }>();
    if (resource === undefined) return undefined;
    const { date, reference, activityIds } = resource;
    return { teamId, date, reference, activityIds };
  }

  async save(board: PostedBoard): Promise<void> {
    await this.container.items.upsert({ ...board, id: 'posted-board' });
  }
}
