import type { Opening } from '../openings/opening';
import type { OpeningBoard } from '../openings/opening-board';
import type { OpeningsService } from '../openings/openings.service';
import type { Clock } from '../shared/clock';
import type { PostedBoardRepository } from './morning-meeting.repository';

/**
 * Where a board's "new since the last post" starts: given for the posted board itself, otherwise the
 * team's last morning post (or, if it never had one, the last 24 hours).
 */
export type NewSince = { at: Date | undefined };

const NEW_WITHOUT_A_POST_MS = 24 * 3600 * 1000;

/** The team's board as it stands now, with what is new since the morning post. */
export class CurrentBoardService {
  constructor(
    private readonly openings: Pick<OpeningsService, 'board'>,
    private readonly posted: Pick<PostedBoardRepository, 'latest'>,
    private readonly clock: Clock,
  ) {}

  async board(teamId: string, newSince?: NewSince): Promise<OpeningBoard<Opening>> {
    const since = newSince === undefined ? await this.lastPostOf(teamId) : newSince.at;
    return this.openings.board(teamId, since);
  }

  private async lastPostOf(teamId: string): Promise<Date> {
    const postedAt = (await this.posted.latest(teamId))?.postedAt;
    return postedAt === undefined ? new Date(this.clock.now().getTime() - NEW_WITHOUT_A_POST_MS) : new Date(postedAt);
  }
}
