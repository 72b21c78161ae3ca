/**
 * Data stored before teams were real lies under the tenant's pseudo-team `tenant:<tenantId>` (port).
 * Moving keeps every document: one that cannot be moved (the team already has one with its id) stays
 * where it is.
 */
export interface LegacyTeamData {
  /** How many documents lie under `fromTeamId`. */
  count(fromTeamId: string): Promise<number>;
  /** Moves them to `toTeamId`; resolves how many were moved and how many had to stay. */
  move(fromTeamId: string, toTeamId: string): Promise<{ moved: number; kept: number }>;
}

/** The team id everything of a tenant was stored under before a team was the Teams team. */
export function tenantPseudoTeamId(tenantId: string): string {
  return `tenant:${tenantId}`;
}
