/**
 * Follow-up (opfølgning, spec §1.7): every decided screening gets follow-ups 13, 26 and 39 weeks after
 * the screening date, where its caseworker records how the citizen is doing. The week-39 outcomes show
 * the team whether the screening picked the right citizens (seed 003: the share given intensive effort
 * should not be much more than the share still unemployed after 39 weeks).
 */
import { addDays, calendarDate } from '../shared/copenhagen-calendar';
import { isFlaggedAtRisk, type DecidedScreening } from '../screening/decided-screening';

export const FOLLOW_UP_WEEKS = [13, 26, 39] as const;
export type FollowUpWeek = (typeof FOLLOW_UP_WEEKS)[number];

/** The milestone whose outcomes the team compares (still unemployed at week 39). */
export const FINAL_FOLLOW_UP_WEEK: FollowUpWeek = 39;

export const FOLLOW_UP_OUTCOMES = ['job', 'uddannelse', 'stadig_ledig', 'andet'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** Danish, for the follow-up card's choices and the summary. */
export const FOLLOW_UP_OUTCOME_LABELS: Readonly<Record<FollowUpOutcome, string>> = {
  job: 'I job',
  uddannelse: 'I uddannelse',
  stadig_ledig: 'Stadig ledig',
  andet: 'Andet',
};

export interface FollowUp {
  /** `<screeningId>:<weeks>`: one per screening and milestone, so scheduling twice creates nothing new. */
  id: string;
  teamId: string;
  screeningId: string;
  /** Who is reminded and records the outcome. */
  caseworkerId: string;
  /**
   * Shown on the card so the caseworker knows which citizen (never a CPR number). Gone with the
   * screening's after the team's retention period (spec §5): the card then names the screening date.
   */
  caseReference?: string;
  /** Copenhagen calendar date the screening was completed. */
  screeningDate: string;
  weeks: FollowUpWeek;
  /** `screeningDate` + `weeks` × 7 days. */
  dueDate: string;
  /** The screening's final track (after any override). */
  track: string;
  bestArchetype: string | null;
  /** Whether the screening flagged the citizen at risk (see `isFlaggedAtRisk`). */
  flagged: boolean;
  /** When the reminder went to the caseworker; absent until then. */
  remindedAt?: string;
  outcome?: FollowUpOutcome;
  answeredAt?: string;
  answeredBy?: string;
}

export function followUpId(screeningId: string, weeks: FollowUpWeek): string {
  return `${screeningId}:${weeks}`;
}

/**
 * The three follow-ups of a decided screening, counted from the Copenhagen calendar date it was
 * completed: decided on Tuesday 2026-02-03, week 13 is due on Tuesday 2026-05-05.
 */
export function followUpsForScreening(screening: DecidedScreening): FollowUp[] {
  const screeningDate = calendarDate(new Date(screening.decidedAt));
  return FOLLOW_UP_WEEKS.map((weeks) => ({
    id: followUpId(screening.id, weeks),
    teamId: screening.teamId,
    screeningId: screening.id,
    caseworkerId: screening.caseworkerId,
    ...(screening.caseReference === undefined ? {} : { caseReference: screening.caseReference }),
    screeningDate,
    weeks,
    dueDate: addDays(screeningDate, weeks * 7),
    track: screening.finalTrack,
    bestArchetype: screening.bestArchetype,
    flagged: isFlaggedAtRisk(screening),
  }));
}

/** A reminder is due from the due date until it has been sent or the outcome recorded. */
export function needsReminder(followUp: FollowUp, today: string): boolean {
  return followUp.dueDate <= today && followUp.remindedAt === undefined && followUp.outcome === undefined;
}

/** Due follow-ups still waiting for their outcome (reminded or not), oldest first. */
export function awaitingOutcome(followUps: readonly FollowUp[], today: string): FollowUp[] {
  return followUps
    .filter((followUp) => followUp.dueDate <= today && followUp.outcome === undefined)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

export function isFollowUpOutcome(value: unknown): value is FollowUpOutcome {
  return typeof value === 'string' && (FOLLOW_UP_OUTCOMES as readonly string[]).includes(value);
}
