import type { ScreeningDecision, ScreeningRecord, ScreeningSummary } from '../../rules/screening/screening-record';

/**
 * A stored screening as the repositories and the cards get it: started by caseworker cw-1 of team-1 on
 * 3 February 2026 and not yet answered (in progress, at the first section, no result, no decision),
 * unless `overrides` say otherwise. Every call makes new objects, so a test may change what it gets.
 */
export function screeningRecord(overrides: Partial<ScreeningRecord> = {}): ScreeningRecord {
  return {
    id: 's-1',
    teamId: 'team-1',
    caseworkerId: 'cw-1',
    caseReference: 'J-2026-17',
    status: 'in_progress',
    sectionIndex: 0,
    answers: {},
    result: undefined,
    summary: undefined,
    decision: undefined,
    settingsVersion: 1,
    rulesetVersion: '1',
    createdAt: '2026-02-03T08:00:00.000Z',
    updatedAt: '2026-02-03T08:00:00.000Z',
    answersErasedAt: undefined,
    ...overrides,
  };
}

/** What a screening's result leaves for the statistics: selection for a job-ready person over 30, high risk. */
export function screeningSummary(overrides: Partial<ScreeningSummary> = {}): ScreeningSummary {
  return {
    recommendedTrack: 'selektion',
    strategy: 'selektion',
    targetGroup: 'jobklare-30plus',
    riskLevel: 'hoej',
    bestArchetype: null,
    ...overrides,
  };
}

/** The caseworker's decision: cw-1 accepts the recommended selection track on 3 February 2026, 09:00 UTC. */
export function screeningDecision(overrides: Partial<ScreeningDecision> = {}): ScreeningDecision {
  return {
    kind: 'accepted',
    finalTrack: 'selektion',
    reasonCode: undefined,
    reasonText: undefined,
    decidedBy: 'cw-1',
    decidedAt: '2026-02-03T09:00:00.000Z',
    ...overrides,
  };
}
