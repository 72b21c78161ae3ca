import type { Container, ItemDefinition } from '@azure/cosmos';
import type { GoalPlan } from '../../rules/goals/goal-plan';
import type { GoalPlanRepository } from '../../rules/goals/goal-plan.repository';
import type { Versioned } from '../../rules/shared/versioned';
import { domainValue, readVersioned, saveConditionally } from './cosmos-documents';
import { queryAll } from './cosmos-query';

const planId = (year: number) => `plan-${year}`;
const toPlan = (document: ItemDefinition) => domainValue<GoalPlan>(document, false);

/** One goal plan per team and ISO week-year, in the team's partition. */
export class CosmosGoalPlanRepository implements GoalPlanRepository {
  constructor(private readonly container: Container) {}

  get(teamId: string, year: number): Promise<Versioned<GoalPlan> | undefined> {
    return readVersioned(this.container, planId(year), teamId, toPlan);
  }

  save(plan: GoalPlan, etag: string | undefined): Promise<Versioned<GoalPlan> | 'conflict'> {
    return saveConditionally(this.container, { ...plan, id: planId(plan.year) }, plan.teamId, etag, toPlan);
  }

  async listTeamIds(year: number): Promise<string[]> {
    // Across teams on purpose: the weekly rhythm visits every team with a plan.
    const rows = await queryAll<{ teamId: string }>(this.container, {
      query: 'SELECT c.teamId FROM c WHERE c.year = @year',
      parameters: [{ name: '@year', value: year }],
    });
    return [...new Set(rows.map((row) => row.teamId))].sort();
  }
}
