/** Where and when a team holds its standing morning meeting (stående morgentræf). */
export interface MorningMeeting {
  teamId: string;
  /** The team channel's conversation reference (opaque to the domain). */
  reference: Readonly<Record<string, unknown>>;
  /** "HH:MM", Europe/Copenhagen. */
  postTime: string;
  /** Extra days the team is closed, "YYYY-MM-DD". */
  closedDays: string[];
  setBy: string;
  setAt: string;
}

export interface MorningMeetingRepository {
  get(teamId: string): Promise<MorningMeeting | undefined>;
  /** Every team with a morning meeting (the scheduler's work list). */
  list(): Promise<MorningMeeting[]>;
  save(meeting: MorningMeeting): Promise<void>;
  /** Forgets the team's channel (the bot was removed from it). */
  remove(teamId: string): Promise<void>;
}

/** 'gone': the channel refused the post (403/404): the bot is no longer in it. */
export type BoardPostOutcome = 'posted' | 'gone';

/** Posts a team's board to its morning channel. */
export interface BoardPoster {
  post(meeting: MorningMeeting, options: { late: boolean }): Promise<BoardPostOutcome>;
}

/** A morning channel the bot could no longer post to, kept until a leader has been told. */
export interface ChannelLoss {
  teamId: string;
  /** ISO instant of the refused post. */
  lostAt: string;
  /** The time the board used to come, to tell the leader what stopped. */
  postTime: string;
}

export interface ChannelLossRepository {
  record(loss: ChannelLoss): Promise<void>;
  /** Every loss no leader has been told about yet (across teams: each instance learns of them). */
  list(): Promise<ChannelLoss[]>;
  /**
   * Removes the team's loss and resolves it, or undefined if there was none (or another instance
   * removed it first): only the caller that gets it tells the leader, so they are told once.
   */
  take(teamId: string): Promise<ChannelLoss | undefined>;
}

/** The messages of the board last posted to a team's channel, so they can be updated in place. */
export interface PostedBoard {
  teamId: string;
  /** Calendar date (Europe/Copenhagen) of the post. */
  date: string;
  /** When it was posted (ISO instant): the next board's "new since the last post" counts from here. */
  postedAt?: string;
  /** The instant this board's own "new since the last post" counted from (absent: the first post). */
  newSince?: string;
  reference: Readonly<Record<string, unknown>>;
  activityIds: string[];
}

export interface PostedBoardRepository {
  latest(teamId: string): Promise<PostedBoard | undefined>;
  save(board: PostedBoard): Promise<void>;
}
