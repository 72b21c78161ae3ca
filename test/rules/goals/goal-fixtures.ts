import { readFileSync } from 'node:fs';
import path from 'node:path';
import { copenhagenInstant } from '../../../rules/shared/copenhagen-calendar';
import type { GoalPlan, PlanMember, WeeklyGoalEntry } from '../../../rules/goals/goal-plan';
import type { IndicatorCatalog } from '../../../rules/goals/indicator';
import { loadIndicatorCatalog } from '../../../rules/goals/indicator-catalog';
import type { IsoWeek } from '../../../rules/goals/iso-week';
import { newWeeklyLog, type WeeklyLog } from '../../../rules/goals/weekly-log';
import type { DecidedScreening } from '../../../rules/screening/decided-screening';

export const TEAM = 'team-a';

/** The project's indicators.json (found from dist/test/rules/goals). */
export function indicatorsJson(): unknown {
  return JSON.parse(readFileSync(path.resolve(__dirname, '../../../../rules/data/indicators.json'), 'utf8'));
}

export function defaultCatalog(): IndicatorCatalog {
  return loadIndicatorCatalog(indicatorsJson());
}

/** An ISO instant for a Copenhagen wall-clock time. */
export function at(date: string, time = '10:00'): string {
  return copenhagenInstant(date, time).toISOString();
}

export function member(userId: string, name: string, fromWeek = 1, untilWeek?: number): PlanMember {
  return untilWeek === undefined ? { userId, name, fromWeek } : { userId, name, fromWeek, untilWeek };
}

export function goal(userId: string, indicatorId: string, goalPerWeek: number, fromWeek = 1): WeeklyGoalEntry {
  return { userId, indicatorId, fromWeek, goal: goalPerWeek };
}

export function plan(overrides: Partial<GoalPlan> = {}): GoalPlan {
  return {
    teamId: TEAM,
    year: 2026,
    indicators: ['kanvas', 'aabninger_ordinaere'],
    members: [member('u-mette', 'Mette Hansen'), member('u-ali', 'Ali Yilmaz')],
    goals: [
      goal('u-mette', 'kanvas', 10),
      goal('u-ali', 'kanvas', 10),
      goal('u-mette', 'aabninger_ordinaere', 2),
      goal('u-ali', 'aabninger_ordinaere', 2),
    ],
    annualTargets: {},
    updatedBy: 'u-leader',
    updatedAt: '2026-01-02T09:00:00.000Z',
    ...overrides,
  };
}

export function log(userId: string, week: IsoWeek, counts: Record<string, number>, teamId = TEAM): WeeklyLog {
  return newWeeklyLog(teamId, userId, week, counts, {}, '2026-01-01T00:00:00.000Z');
}

export function screening(overrides: Partial<DecidedScreening> = {}): DecidedScreening {
  return {
    id: 's1',
    teamId: TEAM,
    caseworkerId: 'u-mette',
    caseReference: 'J-2026-1',
    decidedAt: at('2026-02-10'),
    strategy: 'selektion',
    targetGroup: 'jobklare-30plus',
    riskLevel: 'middel',
    recommendedTrack: 'doedvaegt',
    finalTrack: 'doedvaegt',
    decision: 'accepted',
    reasonCode: undefined,
    bestArchetype: null,
    ...overrides,
  };
}
