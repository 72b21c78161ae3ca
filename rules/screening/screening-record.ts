import type { ScreeningResult } from './screening.types';

/** The override reasons a caseworker picks from (spec §1.5). */
export const OVERRIDE_REASONS = [
  'faglig_vurdering',
  'borgerens_situation_aendret',
  'manglende_oplysninger',
  'kapacitet',
  'andet',
] as const;
export type OverrideReason = (typeof OVERRIDE_REASONS)[number];

export const OVERRIDE_REASON_LABELS: Readonly<Record<OverrideReason, string>> = {
  faglig_vurdering: 'Faglig vurdering',
  borgerens_situation_aendret: 'Borgerens situation er ændret',
  manglende_oplysninger: 'Manglende oplysninger',
  kapacitet: 'Kapacitet',
  andet: 'Andet',
};

export type ScreeningStatus = 'in_progress' | 'awaiting_decision' | 'decided';

export interface ScreeningDecision {
  kind: 'accepted' | 'overridden';
  finalTrack: string;
  reasonCode: OverrideReason | undefined;
  reasonText: string | undefined;
  decidedBy: string;
  decidedAt: string;
}

/**
 * The result as the statistics read it (capacity, weekly summary, follow-ups). Retention keeps it,
 * without the risk level (see `retainedScreening`): nothing about the person, no reasons.
 */
export interface ScreeningSummary {
  recommendedTrack: string;
  strategy: string;
  targetGroup: string;
  /** The rules' risk level (lav, middel, hoej); removed by retention, which keeps only `flaggedAtRisk`. */
  riskLevel: string | undefined;
  bestArchetype: string | null;
  /** Set by retention in place of the risk level: whether the screening flagged the citizen (spec §1.7). */
  flaggedAtRisk?: boolean;
}

/** What the statistics keep of a result (see {@link ScreeningSummary}). */
export function summaryOfResult(result: ScreeningResult): ScreeningSummary {
  return {
    recommendedTrack: result.track,
    strategy: result.strategy,
    targetGroup: result.targetGroup,
    riskLevel: result.riskLevel,
    bestArchetype: result.bestArchetype,
  };
}

/** A screening as stored: one document per screening, in its team's partition. */
export interface ScreeningRecord {
  id: string;
  teamId: string;
  caseworkerId: string;
  /** The caseworker's reference (never a CPR number); removed when the retention period ends. */
  caseReference: string | undefined;
  status: ScreeningStatus;
  /** Index of the next questionnaire section to answer; sections before it are answered. */
  sectionIndex: number;
  /** The answers by question id; removed when the retention period ends. */
  answers: Record<string, number | string | boolean> | undefined;
  /** The full result as computed (criteria, archetypes, explanation); removed with the answers. */
  result: Record<string, unknown> | undefined;
  summary: ScreeningSummary | undefined;
  /** The decision; retention removes its free text (`reasonText`) and keeps the reason code. */
  decision: ScreeningDecision | undefined;
  settingsVersion: number;
  rulesetVersion: string | undefined;
  createdAt: string;
  updatedAt: string;
  /** When retention reduced the record to what the statistics need (until 2026 also: removed the answers). */
  answersErasedAt: string | undefined;
  /**
   * Records written before the audit trail was kept apart held their creates and changes here. Never
   * written now: ScreeningService moves it into the audit trail before it next changes or erases the
   * record (and `revisionsspor` reads it while it is still here).
   */
  history?: readonly ScreeningHistoryEntry[];
}

/** One create or change in a record's legacy `history` (see ScreeningRecord.history). */
export interface ScreeningHistoryEntry {
  at: string;
  actorId: string;
  action: 'create' | 'update';
  detail: string;
}
