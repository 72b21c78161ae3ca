/**
 * The document collections the bot uses: Cosmos containers, and the SQLite file's tables of the same
 * names (bot/storage/sqlite/sqlite-schema.ts). The Cosmos containers, with their partition keys and time-to-live. Created on start;
 * the Azure template (deployment/infra) must declare the same.
 */
export interface ContainerDefinition {
  id: string;
  partitionKeyPath: string;
  /** Seconds; -1 lets items carry their own ttl; undefined disables TTL. The SQLite store sweeps what has expired. */
  defaultTtl: number | undefined;
}

export const CONTAINERS = {
  // Partitioned by tenant, not team: a personal chat belongs to no team, and proactive sends look
  // installations up per tenant.
  installations: { id: 'installations', partitionKeyPath: '/tenantId', defaultTtl: undefined },
  // Claims only matter while Teams may still retry, so a week is plenty.
  processedActivities: { id: 'processedActivities', partitionKeyPath: '/conversationId', defaultTtl: 7 * 24 * 3600 },
  // One document per screening; the retention job reduces it to the statistics, so no TTL on the container.
  screenings: { id: 'screenings', partitionKeyPath: '/teamId', defaultTtl: undefined },
  // Append-only; kept as long as the municipality's own records policy says, so no TTL.
  auditEvents: { id: 'auditEvents', partitionKeyPath: '/teamId', defaultTtl: undefined },
  teamSettings: { id: 'teamSettings', partitionKeyPath: '/teamId', defaultTtl: undefined },
  // One roster document per team (its leaders).
  teamRosters: { id: 'teamRosters', partitionKeyPath: '/teamId', defaultTtl: undefined },
  // Job openings and company contacts (brancheredskab), kept for the statistics.
  openings: { id: 'openings', partitionKeyPath: '/teamId', defaultTtl: undefined },
  // Where and when each team's morning board is posted.
  morningMeetings: { id: 'morningMeetings', partitionKeyPath: '/teamId', defaultTtl: undefined },
  // Scheduled job runs (leases and done-marks); a run only matters for a few days, so 30 days of TTL.
  jobRuns: { id: 'jobRuns', partitionKeyPath: '/teamId', defaultTtl: 30 * 24 * 3600 },
  // The team's weekly goals per ISO week-year (målstyring).
  goalPlans: { id: 'goalPlans', partitionKeyPath: '/teamId', defaultTtl: undefined },
  // Members' weekly counts, one document per member and week; kept for the year-to-date figures.
  weeklyLogs: { id: 'weeklyLogs', partitionKeyPath: '/teamId', defaultTtl: undefined },
  // Screening follow-ups at 13, 26 and 39 weeks; erased with their screening.
  followUps: { id: 'followUps', partitionKeyPath: '/teamId', defaultTtl: undefined },
} as const satisfies Record<string, ContainerDefinition>;

export type ContainerName = keyof typeof CONTAINERS;

/**
 * The collections whose documents belong to a team (moved with its data). `teamRosters` is not among
 * them: the old leader list there was self-appointed and leads nothing now; it stays where it is.
 */
export const TEAM_OWNED: readonly ContainerName[] = [
  'screenings',
  'auditEvents',
  'teamSettings',
  'openings',
  'morningMeetings',
  'jobRuns',
  'goalPlans',
  'weeklyLogs',
  'followUps',
];
