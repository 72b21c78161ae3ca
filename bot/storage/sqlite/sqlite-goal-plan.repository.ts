import type { GoalPlan } from '../../../rules/goals/goal-plan';
import type { GoalPlanRepository } from '../../../rules/goals/goal-plan.repository';
import type { Versioned } from '../../../rules/shared/versioned';
import { domainValue } from '../stored-documents';
import type { SqliteDocumentStore } from './sqlite-document.store';

const TABLE = 'goalPlans';
const planId = (year: number) => `plan-${year}`;
const toPlan = (document: Record<string, unknown>) => domainValue<GoalPlan>(document, false);

/** One goal plan per team and ISO week-year. */
export class SqliteGoalPlanRepository implements GoalPlanRepository {
  constructor(private readonly store: SqliteDocumentStore) {}

  async get(teamId: string, year: number): Promise<Versioned<GoalPlan> | undefined> {
    const found = this.store.get<Record<string, unknown>>(TABLE, teamId, planId(year));
    return found === undefined ? undefined : { value: toPlan(found.value), etag: found.etag };
  }

  async save(plan: GoalPlan, etag: string | undefined): Promise<Versioned<GoalPlan> | 'conflict'> {
    const document = { ...plan, id: planId(plan.year) };
    const next =
      etag === undefined
        ? this.store.create(TABLE, plan.teamId, document.id, document)
        : this.store.replace(TABLE, plan.teamId, document.id, document, etag);
    return next === 'conflict' ? next : { value: toPlan(document), etag: next };
  }

  async listTeamIds(year: number): Promise<string[]> {
    return this.store
      .rows<{ partition: string }>(`SELECT DISTINCT partition FROM ${TABLE} WHERE year = ? ORDER BY partition`, year)
      .map((row) => row.partition);
  }
}
