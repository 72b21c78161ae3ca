import type { DecidedScreening } from './decided-screening';

/**
 * Decided screenings as facts for the weekly goals (prefill), the leader's weekly summary and the
 * follow-ups. A separate port from ScreeningRepository so that reading statistics never needs the
 * answers; the Cosmos screening repository can implement both (map with `decidedScreeningOf`).
 */
export interface ScreeningStatisticsRepository {
  /**
   * The team's screenings decided at or after `from` and before `to` (ISO instants), oldest first.
   * Erased screenings are gone; screenings reduced by retention are still here (without case reference).
   */
  listDecidedBetween(teamId: string, from: string, to: string): Promise<DecidedScreening[]>;
}
