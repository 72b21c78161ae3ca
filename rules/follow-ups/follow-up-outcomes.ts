/**
 * The follow-ups' outcomes for the leader's summary (spec §1.7): per track and per best archetype, how
 * many flagged and not-flagged citizens were still unemployed at week 39.
 */
import { FINAL_FOLLOW_UP_WEEK, type FollowUp } from './follow-up';

export interface OutcomeCounts {
  /** Week-39 follow-ups with a recorded outcome. */
  answered: number;
  /** Of those, outcome `stadig_ledig`. */
  stillUnemployed: number;
  /** stillUnemployed / answered, undefined while none is answered. */
  share: number | undefined;
}

export interface OutcomeBreakdown {
  /** A track id, or an archetype id (`ingen` when no archetype matched). */
  key: string;
  all: OutcomeCounts;
  flagged: OutcomeCounts;
  notFlagged: OutcomeCounts;
}

export interface FollowUpOutcomeSummary {
  /** Week-39 follow-ups due in this period (calendar dates, both included) are counted. */
  from: string;
  to: string;
  /** Due in the period but no outcome recorded yet. */
  unanswered: number;
  all: OutcomeCounts;
  byTrack: OutcomeBreakdown[];
  byArchetype: OutcomeBreakdown[];
}

/** The archetype key of screenings where no archetype matched. */
export const NO_ARCHETYPE = 'ingen';

function counts(followUps: readonly FollowUp[]): OutcomeCounts {
  const answered = followUps.filter((followUp) => followUp.outcome !== undefined);
  const stillUnemployed = answered.filter((followUp) => followUp.outcome === 'stadig_ledig').length;
  return {
    answered: answered.length,
    stillUnemployed,
    share: answered.length === 0 ? undefined : stillUnemployed / answered.length,
  };
}

function breakdown(followUps: readonly FollowUp[], keyOf: (followUp: FollowUp) => string): OutcomeBreakdown[] {
  const groups = new Map<string, FollowUp[]>();
  for (const followUp of followUps) {
    const key = keyOf(followUp);
    groups.set(key, [...(groups.get(key) ?? []), followUp]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, group]) => ({
      key,
      all: counts(group),
      flagged: counts(group.filter((followUp) => followUp.flagged)),
      notFlagged: counts(group.filter((followUp) => !followUp.flagged)),
    }));
}

/** Aggregates the week-39 follow-ups due from `from` to `to`; other milestones are ignored. */
export function followUpOutcomes(followUps: readonly FollowUp[], from: string, to: string): FollowUpOutcomeSummary {
  const final = followUps.filter(
    (followUp) => followUp.weeks === FINAL_FOLLOW_UP_WEEK && followUp.dueDate >= from && followUp.dueDate <= to,
  );
  return {
    from,
    to,
    unanswered: final.filter((followUp) => followUp.outcome === undefined).length,
    all: counts(final),
    byTrack: breakdown(final, (followUp) => followUp.track),
    byArchetype: breakdown(final, (followUp) => followUp.bestArchetype ?? NO_ARCHETYPE),
  };
}
