import { needsReminder, type FollowUp } from './follow-up';
import type { FollowUpRepository } from './follow-up.repository';
import type { FollowUpNotifier } from './follow-up-notifier';
import type { JobRunRepository } from '../shared/job-run.repository';
import { SCHEDULER_PARTITION } from '../goals/goal-rhythm.policy';
import type { WorkingDayCalendar } from '../morning-meeting/morning-post.job';
import { copenhagenTimeOfDay } from '../morning-meeting/morning-post.policy';

/** Follow-up reminders go out on working days from this time (Copenhagen)… */
export const FOLLOW_UP_REMINDER_TIME = '09:00';
/** …and a bot that was down catches up until this time; after it, the next working day. */
export const FOLLOW_UP_REMINDER_LAST_TIME = '16:00';

/**
 * Whether the follow-up reminders are due at a minute: on working days between 09:00 and 16:00. A
 * follow-up due on a weekend or holiday is reminded of on the next working day.
 */
export function followUpRemindersDue(localTime: string, workingDay: boolean): boolean {
  return workingDay && localTime >= FOLLOW_UP_REMINDER_TIME && localTime < FOLLOW_UP_REMINDER_LAST_TIME;
}

export interface FollowUpReminderJobOptions {
  holder: string;
  leaseMs: number;
}

/**
 * Reminds caseworkers of their due follow-ups (spec §1.7), each follow-up once. A day's run is claimed
 * through a job-run lease (due dates are dates, so once the day's run is done nothing new falls due
 * until tomorrow and a tick costs one read); each reminder is claimed again per follow-up, so an
 * instance taking over a run whose holder died does not remind twice. A reminded follow-up is marked,
 * which takes it off the work list.
 */
export class FollowUpReminderJob {
  constructor(
    private readonly followUps: FollowUpRepository,
    private readonly runs: JobRunRepository,
    private readonly notifier: FollowUpNotifier,
    private readonly calendar: WorkingDayCalendar,
    private readonly options: FollowUpReminderJobOptions,
  ) {}

  /** Runs one tick; resolves the ids of the follow-ups this instance reminded of. */
  async run(now: Date): Promise<string[]> {
    const today = this.calendar.dateOf(now);
    if (!followUpRemindersDue(copenhagenTimeOfDay(now), this.calendar.isWorkingDay(today, []))) return [];
    const dayKey = `follow-up-reminders:${today}`;
    const leaseUntil = new Date(now.getTime() + this.options.leaseMs).toISOString();
    const claim = await this.runs.claim(
      SCHEDULER_PARTITION,
      dayKey,
      this.options.holder,
      now.toISOString(),
      leaseUntil,
    );
    if (claim !== 'claimed') return [];

    const reminded: string[] = [];
    const errors: unknown[] = [];
    for (const followUp of await this.followUps.listAwaitingReminder(today)) {
      try {
        if (await this.remindOnce(followUp, today, now, leaseUntil)) reminded.push(followUp.id);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, `${dayKey}: ${errors.length} reminder(s) failed`);
    await this.runs.complete(SCHEDULER_PARTITION, dayKey, this.options.holder, now.toISOString());
    return reminded;
  }

  private async remindOnce(followUp: FollowUp, today: string, now: Date, leaseUntil: string): Promise<boolean> {
    if (!needsReminder(followUp, today)) return false;
    const key = `follow-up:${followUp.teamId}:${followUp.id}`;
    const claim = await this.runs.claim(followUp.teamId, key, this.options.holder, now.toISOString(), leaseUntil);
    if (claim !== 'claimed') return false;
    await this.notifier.remind(followUp);
    await this.markReminded(followUp, now);
    await this.runs.complete(followUp.teamId, key, this.options.holder, now.toISOString());
    return true;
  }

  /** Marks the follow-up reminded; if it changed meanwhile (answered), the fresh copy is marked instead. */
  private async markReminded(followUp: FollowUp, now: Date): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const current = await this.followUps.get(followUp.teamId, followUp.id);
      if (current === undefined || current.value.remindedAt !== undefined) return;
      const saved = await this.followUps.replace({ ...current.value, remindedAt: now.toISOString() }, current.etag);
      if (saved !== 'conflict') return;
    }
  }
}
