import type { TeamIndicators } from '../../../rules/goals/team-indicators';
import type { TeamIndicatorRepository } from '../../../rules/goals/team-indicator.repository';
import type { Versioned } from '../../../rules/shared/versioned';
import { domainValue } from '../stored-documents';
import type { SqliteDocumentStore } from './sqlite-document.store';

/** Beside the team's goal plans (it has no `year`, so no list of a year's plans meets it). */
const TABLE = 'goalPlans';
const TEAM_INDICATORS_ID = 'team-indicators';
const toValue = (document: Record<string, unknown>) => domainValue<TeamIndicators>(document, false);

/** A team's own indicators: one document in the team's partition of the goal plans. */
export class SqliteTeamIndicatorRepository implements TeamIndicatorRepository {
  constructor(private readonly store: SqliteDocumentStore) {}

  async get(teamId: string): Promise<Versioned<TeamIndicators> | undefined> {
    const found = this.store.get<Record<string, unknown>>(TABLE, teamId, TEAM_INDICATORS_ID);
    return found === undefined ? undefined : { value: toValue(found.value), etag: found.etag };
  }

  async save(value: TeamIndicators, etag: string | undefined): Promise<Versioned<TeamIndicators> | 'conflict'> {
    const document = { ...value, id: TEAM_INDICATORS_ID };
    const next =
      etag === undefined
        ? this.store.create(TABLE, value.teamId, document.id, document)
        : this.store.replace(TABLE, value.teamId, document.id, document, etag);
    return next === 'conflict' ? next : { value: toValue(document), etag: next };
  }
}
