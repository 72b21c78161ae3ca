import type { OverrideReason, ScreeningRecord } from './screening-record';

/**
 * What the weekly summary, the goals' prefill and the follow-ups read of a decided screening. All of
 * it outlives the retention period (it is the record's summary and decision, never the answers).
 */
export interface DecidedScreening {
  id: string;
  teamId: string;
  /** The caseworker who made (and decided) it. */
  caseworkerId: string;
  /** The case reference the caseworker typed (no CPR), shown on the follow-up card; gone after retention. */
  caseReference: string | undefined;
  /** When the caseworker accepted or overrode the recommendation: the screening is then complete. */
  decidedAt: string;
  strategy: string;
  targetGroup: string;
  /** Gone after retention, which keeps `flaggedAtRisk` instead. */
  riskLevel: string | undefined;
  /** Whether the screening flagged the citizen, as retention kept it (see `isFlaggedAtRisk`). */
  flaggedAtRisk?: boolean;
  recommendedTrack: string;
  finalTrack: string;
  decision: 'accepted' | 'overridden';
  reasonCode: OverrideReason | undefined;
  /** The best matching archetype's id, or null when none matched. */
  bestArchetype: string | null;
}

/** The facts of a stored screening once it is decided; undefined while it is not. */
export function decidedScreeningOf(record: ScreeningRecord): DecidedScreening | undefined {
  if (record.status !== 'decided' || record.decision === undefined || record.summary === undefined) return undefined;
  return {
    id: record.id,
    teamId: record.teamId,
    caseworkerId: record.caseworkerId,
    caseReference: record.caseReference,
    decidedAt: record.decision.decidedAt,
    strategy: record.summary.strategy,
    targetGroup: record.summary.targetGroup,
    riskLevel: record.summary.riskLevel,
    ...(record.summary.flaggedAtRisk === undefined ? {} : { flaggedAtRisk: record.summary.flaggedAtRisk }),
    recommendedTrack: record.summary.recommendedTrack,
    finalTrack: record.decision.finalTrack,
    decision: record.decision.kind,
    reasonCode: record.decision.reasonCode,
    bestArchetype: record.summary.bestArchetype,
  };
}

/**
 * Whether the screening flagged the citizen as at risk of long-term unemployment: the recommendation
 * was the intensive `selektion` track (spec §1.4: high risk, medium risk the caseworker agreed with, or
 * an at-risk archetype), or the risk level was high under any strategy. The follow-ups compare how
 * many flagged and not-flagged citizens were still unemployed at week 39 (spec §1.7).
 */
export function isFlaggedAtRisk(
  screening: Pick<DecidedScreening, 'recommendedTrack' | 'riskLevel' | 'flaggedAtRisk'>,
): boolean {
  // After retention the risk level is gone and the flag it gave is kept instead.
  return screening.flaggedAtRisk ?? (screening.recommendedTrack === 'selektion' || screening.riskLevel === 'hoej');
}
