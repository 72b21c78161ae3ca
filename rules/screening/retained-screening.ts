import { isFlaggedAtRisk } from './decided-screening';
import type { ScreeningRecord } from './screening-record';

/**
 * What a decided screening keeps after the team's retention period (spec §5): only what the statistics
 * need — team, dates, target group, strategy, tracks (recommended and final), archetype id, the override
 * reason code, and whether it flagged the citizen (the follow-up statistics, §1.7; the follow-ups keep
 * their outcomes). The answers, the result with its reasons, every free text and the case reference
 * are gone. Built field by field, so a field added to the record later is dropped unless named here.
 */
export function retainedScreening(record: ScreeningRecord, now: string): ScreeningRecord | undefined {
  const { summary, decision } = record;
  if (record.status !== 'decided' || summary === undefined || decision === undefined) return undefined;
  return {
    id: record.id,
    teamId: record.teamId,
    // The employee, not the citizen: the goals count each member's screenings (spec §3.1).
    caseworkerId: record.caseworkerId,
    caseReference: undefined,
    status: 'decided',
    sectionIndex: record.sectionIndex,
    answers: undefined,
    result: undefined,
    summary: {
      recommendedTrack: summary.recommendedTrack,
      strategy: summary.strategy,
      targetGroup: summary.targetGroup,
      riskLevel: undefined,
      bestArchetype: summary.bestArchetype,
      flaggedAtRisk: isFlaggedAtRisk(summary),
    },
    decision: {
      kind: decision.kind,
      finalTrack: decision.finalTrack,
      reasonCode: decision.reasonCode,
      reasonText: undefined,
      decidedBy: decision.decidedBy,
      decidedAt: decision.decidedAt,
    },
    settingsVersion: record.settingsVersion,
    rulesetVersion: record.rulesetVersion,
    createdAt: record.createdAt,
    updatedAt: now,
    answersErasedAt: now,
  };
}
