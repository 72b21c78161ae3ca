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
}

/** Posts a team's board to its morning channel. */
export interface BoardPoster {
  post(meeting: MorningMeeting, options: { late: boolean }): Promise<void>;
}

/** The messages of the board last posted to a team's channel, so they can be updated in place. */
export interface PostedBoard {
  teamId: string;
  /** Calendar date (Europe/Copenhagen) of the post. */
  date: string;
  reference: Readonly<Record<string, unknown>>;
  activityIds: string[];
}

export interface PostedBoardRepository {
  latest(teamId: string): Promise<PostedBoard | undefined>;
  save(board: PostedBoard): Promise<void>;
}
