import type {
  ChannelLoss,
  ChannelLossRepository,
  MorningMeeting,
  MorningMeetingRepository,
} from './morning-meeting.repository';

/**
 * A morning channel the bot was removed from: its reference is deleted and the next leader of the
 * team who writes to the bot is told, once. Which teams have an untold loss is kept in memory
 * (refreshed from storage every minute, so every instance learns of it), so an ordinary turn costs
 * no storage read.
 */
export class ChannelLossNotices {
  private pending = new Set<string>();

  constructor(
    private readonly meetings: Pick<MorningMeetingRepository, 'remove'>,
    private readonly losses: ChannelLossRepository,
    private readonly isLeader: (teamId: string, userId: string) => Promise<boolean>,
  ) {}

  /** The post to the team's channel was refused: forget the channel and keep the loss to tell. */
  async channelLost(meeting: MorningMeeting, at: Date): Promise<void> {
    await this.losses.record({ teamId: meeting.teamId, lostAt: at.toISOString(), postTime: meeting.postTime });
    await this.meetings.remove(meeting.teamId);
    this.pending.add(meeting.teamId);
  }

  /** Learns of losses recorded by any instance. */
  async refresh(): Promise<void> {
    this.pending = new Set((await this.losses.list()).map((loss) => loss.teamId));
  }

  /** The loss to tell this person about now: only a leader of the team, and only once. */
  async takeFor(teamId: string, userId: string): Promise<ChannelLoss | undefined> {
    if (!this.pending.has(teamId)) return undefined;
    if (!(await this.isLeader(teamId, userId))) return undefined;
    this.pending.delete(teamId);
    return this.losses.take(teamId);
  }

  /** A leader chose a channel again: the old loss no longer needs telling. */
  async resolved(teamId: string): Promise<void> {
    this.pending.delete(teamId);
    await this.losses.take(teamId);
  }
}
