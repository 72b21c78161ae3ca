import { calendarDate } from '../shared/copenhagen-calendar';
import type { Clock } from '../shared/clock';
import type { FollowUpRepository } from './follow-up.repository';
import type { ScreeningStatisticsRepository } from '../screening/screening-statistics.repository';
import type { DecidedScreening } from '../screening/decided-screening';
import type { Actor } from '../teams/actor';
import {
  FOLLOW_UP_WEEKS,
  followUpId,
  followUpsForScreening,
  isFollowUpOutcome,
  type FollowUp,
  type FollowUpOutcome,
} from './follow-up';

export type RecordOutcome =
  | { kind: 'recorded'; followUp: FollowUp; previous: FollowUpOutcome | undefined }
  | { kind: 'invalid'; message: string }
  | { kind: 'not-due'; followUp: FollowUp }
  | { kind: 'not-found' }
  | { kind: 'forbidden' };

/** Who leads a team (TeamSettingsService provides it). */
export interface LeaderCheck {
  isLeader(teamId: string, userId: string): Promise<boolean>;
}

/** A follow-up that keeps colliding with other writes is retried this often. */
const SAVE_ATTEMPTS = 5;

/**
 * Screening follow-ups (spec §1.7): scheduled at weeks 13, 26 and 39 when a screening is decided, their
 * outcomes recorded by the caseworker (or a leader, when the caseworker has left), and forgotten with
 * the screening on a request for erasure. The reminders are sent by FollowUpReminderJob.
 */
export class FollowUpService {
  constructor(
    private readonly followUps: FollowUpRepository,
    private readonly screenings: ScreeningStatisticsRepository,
    private readonly leaders: LeaderCheck,
    private readonly clock: Clock,
  ) {}

  /**
   * Schedules a decided screening's three follow-ups; call it when a screening is decided (see
   * `decidedScreeningOf`). Scheduling again creates nothing new. Resolves how many were created.
   */
  async scheduleFor(screening: DecidedScreening): Promise<number> {
    let created = 0;
    for (const followUp of followUpsForScreening(screening)) {
      if ((await this.followUps.create(followUp)) !== 'exists') created += 1;
    }
    return created;
  }

  /**
   * Schedules the follow-ups of every screening the team decided in [from, to) (ISO instants) that has
   * none yet: a catch-up for screenings decided before this feature, or when scheduling failed.
   */
  async scheduleDecidedBetween(teamId: string, from: string, to: string): Promise<number> {
    let created = 0;
    for (const screening of await this.screenings.listDecidedBetween(teamId, from, to)) {
      created += await this.scheduleFor(screening);
    }
    return created;
  }

  /** The actor's due follow-ups still without an outcome, oldest first. */
  async awaitingOutcome(actor: Actor): Promise<FollowUp[]> {
    return this.followUps.listAwaitingOutcome(actor.teamId, actor.userId, calendarDate(this.clock.now()));
  }

  /**
   * Records a follow-up's outcome (`job`, `uddannelse`, `stadig_ledig`, `andet`). Recording again
   * corrects it; a concurrent change is re-read and retried. Only once it is due: the outcome says how
   * the citizen is doing at that week.
   */
  async recordOutcome(actor: Actor, followUpId: unknown, rawOutcome: unknown): Promise<RecordOutcome> {
    if (typeof followUpId !== 'string' || followUpId === '') return { kind: 'not-found' };
    if (!isFollowUpOutcome(rawOutcome)) {
      return {
        kind: 'invalid',
        message: 'Vælg hvordan det går borgeren: i job, i uddannelse, stadig ledig eller andet.',
      };
    }
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt += 1) {
      const current = await this.followUps.get(actor.teamId, followUpId);
      if (current === undefined) return { kind: 'not-found' };
      const followUp = current.value;
      if (followUp.caseworkerId !== actor.userId && !(await this.leaders.isLeader(actor.teamId, actor.userId))) {
        return { kind: 'forbidden' };
      }
      const now = this.clock.now();
      if (followUp.dueDate > calendarDate(now)) return { kind: 'not-due', followUp };
      const saved = await this.followUps.replace(
        { ...followUp, outcome: rawOutcome, answeredAt: now.toISOString(), answeredBy: actor.userId },
        current.etag,
      );
      if (saved !== 'conflict') return { kind: 'recorded', followUp: saved.value, previous: followUp.outcome };
    }
    throw new Error('The follow-up kept colliding with other writes');
  }

  /**
   * Retention (spec §5): the screening's follow-ups no longer carry its case reference; their dates,
   * track, archetype and outcomes stay for the statistics. Resolves how many changed; throws when one
   * keeps colliding with other writes, so the screening keeps its reference until the next run.
   */
  async forgetCaseReference(teamId: string, screeningId: string): Promise<number> {
    let changed = 0;
    for (const weeks of FOLLOW_UP_WEEKS) {
      if (await this.withoutCaseReference(teamId, followUpId(screeningId, weeks))) changed += 1;
    }
    return changed;
  }

  private async withoutCaseReference(teamId: string, id: string): Promise<boolean> {
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt += 1) {
      const current = await this.followUps.get(teamId, id);
      if (current === undefined || current.value.caseReference === undefined) return false;
      const followUp: FollowUp = { ...current.value };
      delete followUp.caseReference;
      if ((await this.followUps.replace(followUp, current.etag)) !== 'conflict') return true;
    }
    throw new Error('The follow-up kept colliding with other writes');
  }

  /** Right to erasure: deletes the screening's follow-ups with it. Resolves how many there were. */
  forgetScreening(teamId: string, screeningId: string): Promise<number> {
    return this.followUps.deleteForScreening(teamId, screeningId);
  }
}
