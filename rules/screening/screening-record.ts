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
 * What stays of a screening after its answers are deleted at the end of the retention period: enough
 * for the team's aggregates (capacity, follow-up statistics), nothing about the person.
 */
export interface ScreeningSummary {
  recommendedTrack: string;
  strategy: string;
  targetGroup: string;
  riskLevel: string;
  bestArchetype: string | null;
}

/** A screening as stored: one document per screening, in its team's partition. */
export interface ScreeningRecord {
  id: string;
  teamId: string;
  caseworkerId: string;
  caseReference: string;
  status: ScreeningStatus;
  /** Index of the next questionnaire section to answer; sections before it are answered. */
  sectionIndex: number;
  /** The answers by question id; removed when the retention period ends. */
  answers: Record<string, number | string | boolean> | undefined;
  /** The full result as computed (criteria, archetypes, explanation); removed with the answers. */
  result: Record<string, unknown> | undefined;
  summary: ScreeningSummary | undefined;
  decision: ScreeningDecision | undefined;
  settingsVersion: number;
  rulesetVersion: string | undefined;
  createdAt: string;
  updatedAt: string;
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
