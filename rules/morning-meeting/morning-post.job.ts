import type { JobRunRepository } from '../shared/job-run.repository';
import type { BoardPoster, MorningMeetingRepository } from './morning-meeting.repository';
import type { ChannelLossNotices } from './channel-loss.notices';
import { copenhagenTimeOfDay, decideMorningPost } from './morning-post.policy';

/** The working-day calendar the job needs (Danish holidays, the team's closed days). */
export interface WorkingDayCalendar {
  /** "YYYY-MM-DD" in Europe/Copenhagen. */
  dateOf(instant: Date): string;
  isWorkingDay(date: string, extraClosedDays: readonly string[]): boolean;
}

export interface MorningPostJobOptions {
  /** This instance's name in leases. */
  holder: string;
  /** How long a claim holds before another instance may take over (the post must finish within it). */
  leaseMs: number;
}

/**
 * Exactly one morning post per team per working day, however many instances run: each minute, every
 * team whose post is due is claimed through a job-run lease; only the instance holding it posts, then
 * marks the run done, so a restart after the post does not post again.
 */
export class MorningPostJob {
  constructor(
    private readonly meetings: MorningMeetingRepository,
    private readonly runs: JobRunRepository,
    private readonly poster: BoardPoster,
    private readonly calendar: WorkingDayCalendar,
    private readonly options: MorningPostJobOptions,
    private readonly losses: Pick<ChannelLossNotices, 'channelLost'>,
  ) {}

  /** Runs one tick; resolves the teams posted to by this instance. */
  async run(now: Date): Promise<string[]> {
    const posted: string[] = [];
    const date = this.calendar.dateOf(now);
    for (const meeting of await this.meetings.list()) {
      const decision = decideMorningPost({
        localTime: copenhagenTimeOfDay(now),
        postTime: meeting.postTime,
        workingDay: this.calendar.isWorkingDay(date, meeting.closedDays),
      });
      if (decision.kind !== 'post') continue;
      const key = `morning-post:${meeting.teamId}:${date}`;
      const leaseUntil = new Date(now.getTime() + this.options.leaseMs).toISOString();
      const claim = await this.runs.claim(meeting.teamId, key, this.options.holder, now.toISOString(), leaseUntil);
      if (claim !== 'claimed') continue;
      const outcome = await this.poster.post(meeting, { late: decision.late });
      // The bot was removed from the channel: forget it and tell a leader; the run is done either way.
      if (outcome === 'gone') await this.losses.channelLost(meeting, now);
      await this.runs.complete(meeting.teamId, key, this.options.holder, new Date(now.getTime()).toISOString());
      if (outcome === 'posted') posted.push(meeting.teamId);
    }
    return posted;
  }
}
