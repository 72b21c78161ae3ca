import type { Versioned } from '../shared/versioned';
import type { TeamIndicators } from './team-indicators';

/** A team's own indicators, one document per team, in the team's partition. */
export interface TeamIndicatorRepository {
  get(teamId: string): Promise<Versioned<TeamIndicators> | undefined>;
  /**
   * Stores the team's indicators. With `etag` undefined it is created ('conflict' when it exists); with
   * an etag it replaces only if nobody changed it since, else 'conflict'.
   */
  save(value: TeamIndicators, etag: string | undefined): Promise<Versioned<TeamIndicators> | 'conflict'>;
}
