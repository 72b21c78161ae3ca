import type { Container, ItemDefinition } from '@azure/cosmos';
import type { TeamIndicators } from '../../rules/goals/team-indicators';
import type { TeamIndicatorRepository } from '../../rules/goals/team-indicator.repository';
import type { Versioned } from '../../rules/shared/versioned';
import { domainValue, readVersioned, saveConditionally } from './cosmos-documents';

/** The document's id in the team's partition of the goal plans (it has no `year`, so no plan query meets it). */
const TEAM_INDICATORS_ID = 'team-indicators';
const toValue = (document: ItemDefinition) => domainValue<TeamIndicators>(document, false);

/** A team's own indicators: one document in the team's partition of the goal plans' container. */
export class CosmosTeamIndicatorRepository implements TeamIndicatorRepository {
  constructor(private readonly container: Container) {}

  get(teamId: string): Promise<Versioned<TeamIndicators> | undefined> {
    return readVersioned(this.container, TEAM_INDICATORS_ID, teamId, toValue);
  }

  save(value: TeamIndicators, etag: string | undefined): Promise<Versioned<TeamIndicators> | 'conflict'> {
    return saveConditionally(this.container, { ...value, id: TEAM_INDICATORS_ID }, value.teamId, etag, toValue);
  }
}
