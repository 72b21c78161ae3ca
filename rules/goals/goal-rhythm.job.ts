import type { PlanMember } from './goal-plan';
import type { IsoWeek } from './iso-week';
import type { TeamWeeklySummary } from './weekly-summary';
import type { DeliveryOutcome } from '../shared/delivery-outcome';
import type { GoalNotifier } from './goal-notifier';
import type { JobRunRepository } from '../shared/job-run.repository';
import type { TeamLeaders } from '../teams/team-leaders';
import { SCHEDULER_PARTITION, dueGoalRuns, goalRecipientKey, goalRunKey, type GoalRun } from './goal-rhythm.policy';

/** What the rhythm needs of the goals (GoalsService provides it). */
export interface GoalRhythmSource {
  teamsWithGoals(year: number): Promise<string[]>;
  membersMissingLog(teamId: string, week: IsoWeek): Promise<PlanMember[]>;
  teamSummary(teamId: string, week: IsoWeek): Promise<TeamWeeklySummary>;
}

export interface GoalRhythmJobOptions {
  /** This instance's name in leases. */
  holder: string;
  /** How long a claim holds before another instance may take over (a run must finish within it). */
  leaseMs: number;
}

/** What one tick did. */
export interface GoalRhythmReport {
  run: GoalRun | undefined;
  sent: number;
  unreachable: number;
  failed: number;
}

/**
 * Friday's reminders and Monday's summaries (spec §3.2), exactly once per person however many
 * instances run. A run ("the summaries of week 7") is claimed through a job-run lease, so one instance
 * does it and a minute's tick after it is done costs one read; each message is claimed again per
 * person, so an instance taking over a run whose holder died sends only what was not sent. A run with
 * a failed message is left open, and retried for the rest when its lease expires.
 */
export class GoalRhythmJob {
  constructor(
    private readonly source: GoalRhythmSource,
    private readonly roster: TeamLeaders,
    private readonly runs: JobRunRepository,
    private readonly notifier: GoalNotifier,
    private readonly options: GoalRhythmJobOptions,
  ) {}

  async run(now: Date): Promise<GoalRhythmReport> {
    const report: GoalRhythmReport = { run: undefined, sent: 0, unreachable: 0, failed: 0 };
    const [due] = dueGoalRuns(now);
    if (due === undefined) return report;
    report.run = due;
    const key = goalRunKey(due);
    const leaseUntil = new Date(now.getTime() + this.options.leaseMs).toISOString();
    const claim = await this.runs.claim(SCHEDULER_PARTITION, key, this.options.holder, now.toISOString(), leaseUntil);
    if (claim !== 'claimed') return report;

    const errors: unknown[] = [];
    for (const teamId of await this.source.teamsWithGoals(due.week.year)) {
      let messages: { userId: string; send: () => Promise<DeliveryOutcome> }[];
      try {
        messages = await this.messagesFor(due, teamId);
      } catch (error) {
        report.failed += 1;
        errors.push(error);
        continue;
      }
      for (const message of messages) {
        try {
          const outcome = await this.sendOnce(due, teamId, message.userId, now, leaseUntil, message.send);
          if (outcome === 'sent') report.sent += 1;
          if (outcome === 'unreachable') report.unreachable += 1;
        } catch (error) {
          report.failed += 1;
          errors.push(error);
        }
      }
    }
    if (errors.length > 0)
      throw new AggregateError(errors, `${key}: ${errors.length} message(s) failed; retried after the lease`);
    await this.runs.complete(SCHEDULER_PARTITION, key, this.options.holder, now.toISOString());
    return report;
  }

  private async messagesFor(
    run: GoalRun,
    teamId: string,
  ): Promise<{ userId: string; send: () => Promise<DeliveryOutcome> }[]> {
    const options = { late: run.late };
    if (run.kind === 'log-reminder') {
      const missing = await this.source.membersMissingLog(teamId, run.week);
      return missing.map((member) => ({
        userId: member.userId,
        send: () => this.notifier.remindToLog(teamId, member, run.week, options),
      }));
    }
    const leaders = await this.roster.leaders(teamId);
    if (leaders.length === 0) return [];
    const summary = await this.source.teamSummary(teamId, run.week);
    return leaders.map((leaderId) => ({
      userId: leaderId,
      send: () => this.notifier.sendWeeklySummary(teamId, leaderId, summary, options),
    }));
  }

  /** Sends one message unless it was sent already; resolves undefined when it was (or another instance is on it). */
  private async sendOnce(
    run: GoalRun,
    teamId: string,
    userId: string,
    now: Date,
    leaseUntil: string,
    send: () => Promise<DeliveryOutcome>,
  ): Promise<DeliveryOutcome | undefined> {
    const key = goalRecipientKey(run, teamId, userId);
    const claim = await this.runs.claim(teamId, key, this.options.holder, now.toISOString(), leaseUntil);
    if (claim !== 'claimed') return undefined;
    const outcome = await send();
    await this.runs.complete(teamId, key, this.options.holder, now.toISOString());
    return outcome;
  }
}
