import { CONTAINERS, type ContainerName } from '../container.definitions';

/**
 * The SQLite file's schema: one table per Cosmos container (same names, same document ids and bodies,
 * so an import or a move between the two backends is a copy), each with the columns its queries filter
 * on generated from the document and an index for every query the repositories make. A table row is
 * (partition, id, etag, body, expires_at); `partition` is the Cosmos partition key's value.
 */

/** The tables: the Cosmos containers, under the same names. */
export const TABLES = Object.keys(CONTAINERS) as ContainerName[];

export type TableName = ContainerName;

/** The field whose value is a document's partition, per table (the container's partition key path). */
export const PARTITION_FIELD = Object.fromEntries(
  TABLES.map((name) => [name, CONTAINERS[name].partitionKeyPath.slice(1)]),
) as Readonly<Record<TableName, string>>;

/** Seconds a document lives after its last write, per table, as the container's default TTL. */
export const TABLE_TTL_SECONDS = Object.fromEntries(
  TABLES.flatMap((name) => {
    const ttl: number | undefined = CONTAINERS[name].defaultTtl;
    return ttl === undefined ? [] : [[name, ttl]];
  }),
) as Readonly<Partial<Record<TableName, number>>>;

const field = (path: string) => `json_extract(body, '$.${path}')`;

/** Generated (virtual) columns per table: computed from the body when read, indexable. */
const GENERATED: Readonly<Record<TableName, Readonly<Record<string, string>>>> = {
  installations: { scope: field('scope'), user_id: field('userId') },
  processedActivities: { claimed_at: field('claimedAt') },
  screenings: {
    caseworker_id: field('caseworkerId'),
    status: field('status'),
    updated_at: field('updatedAt'),
    created_at: field('createdAt'),
    case_reference: field('caseReference'),
    decided_at: field('decision.decidedAt'),
    // Not yet reduced by retention: it holds a case reference or answers.
    to_retain: `(${field('caseReference')} IS NOT NULL OR ${field('answers')} IS NOT NULL)`,
  },
  auditEvents: { entity_id: field('entityId'), subject_key: field('subjectKey'), at: field('at') },
  teamSettings: { version: field('version') },
  teamRosters: { tenant_id: field('tenantId'), removed: `json_type(body, '$.removedAt') IS NOT NULL` },
  openings: {
    date: field('date'),
    // Seats left and not closed (a closed field, even null, closes it: as Cosmos' IS_DEFINED).
    is_open: `(${field('filled')} < ${field('seats')} AND json_type(body, '$.closed') IS NULL)`,
  },
  morningMeetings: {},
  jobRuns: {},
  goalPlans: { year: field('year') },
  weeklyLogs: { week_key: field('weekKey') },
  followUps: {
    due_date: field('dueDate'),
    reminded_at: field('remindedAt'),
    outcome: field('outcome'),
    caseworker_id: field('caseworkerId'),
    screening_id: field('screeningId'),
    weeks: field('weeks'),
  },
};

/**
 * One index per query the repositories make (named by the query it serves). Without statistics on a
 * young file SQLite may prefer the primary key's (partition) prefix, which reads every row of the team:
 * queries that could be answered so name their index (INDEXED BY), and a test reads every plan.
 */
const INDEXES: readonly string[] = [
  "CREATE INDEX installations_personal ON installations (partition, user_id) WHERE scope = 'personal'",
  'CREATE INDEX processed_activities_claimed ON processedActivities (claimed_at)',
  "CREATE INDEX screenings_unfinished ON screenings (partition, caseworker_id, updated_at) WHERE status != 'decided'",
  'CREATE INDEX screenings_reference ON screenings (partition, case_reference)',
  "CREATE INDEX screenings_decided ON screenings (partition, decided_at) WHERE status = 'decided'",
  'CREATE INDEX screenings_to_retain ON screenings (partition, created_at) WHERE to_retain',
  'CREATE INDEX audit_events_entity ON auditEvents (partition, entity_id, at)',
  'CREATE INDEX audit_events_subject ON auditEvents (partition, subject_key, at) WHERE subject_key IS NOT NULL',
  'CREATE INDEX team_settings_version ON teamSettings (partition, version)',
  "CREATE INDEX teams_of_tenant ON teamRosters (tenant_id) WHERE id = 'team' AND NOT removed",
  'CREATE INDEX openings_date ON openings (partition, date)',
  'CREATE INDEX openings_open ON openings (partition) WHERE is_open',
  'CREATE INDEX morning_meetings_kind ON morningMeetings (id)',
  'CREATE INDEX goal_plans_year ON goalPlans (year)',
  'CREATE INDEX weekly_logs_week ON weeklyLogs (partition, week_key)',
  'CREATE INDEX follow_ups_awaiting_reminder ON followUps (due_date) WHERE reminded_at IS NULL AND outcome IS NULL',
  'CREATE INDEX follow_ups_due ON followUps (partition, due_date)',
  'CREATE INDEX follow_ups_awaiting_outcome ON followUps (partition, caseworker_id, due_date) WHERE outcome IS NULL',
  'CREATE INDEX follow_ups_screening ON followUps (partition, screening_id)',
];

/**
 * "Which teams is this person in" as an index: the roster document's member ids, kept in step by
 * triggers, so every write of a roster (by the repository, an import or a move) updates it.
 */
const TEAM_MEMBERS = `
  CREATE TABLE team_members (
    user_id TEXT NOT NULL,
    team_id TEXT NOT NULL,
    PRIMARY KEY (user_id, team_id)
  ) WITHOUT ROWID;
  CREATE INDEX team_members_team ON team_members (team_id);
  CREATE TRIGGER team_members_added AFTER INSERT ON teamRosters WHEN NEW.id = 'members' BEGIN
    INSERT OR IGNORE INTO team_members (user_id, team_id)
      SELECT value, NEW.partition FROM json_each(NEW.body, '$.memberIds');
  END;
  CREATE TRIGGER team_members_changed AFTER UPDATE ON teamRosters WHEN NEW.id = 'members' BEGIN
    DELETE FROM team_members WHERE team_id = OLD.partition;
    INSERT OR IGNORE INTO team_members (user_id, team_id)
      SELECT value, NEW.partition FROM json_each(NEW.body, '$.memberIds');
  END;
  CREATE TRIGGER team_members_removed AFTER DELETE ON teamRosters WHEN OLD.id = 'members' BEGIN
    DELETE FROM team_members WHERE team_id = OLD.partition;
  END;`;

/**
 * Tables whose rows are read back in the order they were written (events at the same instant): these
 * keep SQLite's rowid, which orders them; the rest are clustered on (partition, id) (WITHOUT ROWID).
 */
const APPEND_ONLY: ReadonlySet<TableName> = new Set(['auditEvents']);

function tableDefinition(name: TableName): string {
  const generated = Object.entries(GENERATED[name])
    .map(([column, expression]) => `,\n  ${column} GENERATED ALWAYS AS (${expression}) VIRTUAL`)
    .join('');
  const expiry = TABLE_TTL_SECONDS[name] === undefined ? '' : `;\nCREATE INDEX ${name}_expiry ON ${name} (expires_at)`;
  return `CREATE TABLE ${name} (
  partition  TEXT NOT NULL,
  id         TEXT NOT NULL,
  etag       TEXT NOT NULL,
  body       TEXT NOT NULL CHECK (json_valid(body)),
  expires_at INTEGER${generated},
  PRIMARY KEY (partition, id)
)${APPEND_ONLY.has(name) ? '' : ' WITHOUT ROWID'}${expiry}`;
}

/**
 * Version 2 (issue 15): a case reference is looked up whatever the case of its letters, and a
 * caseworker's own screenings by date (`mine screeninger`). SQLite's lower() folds A–Z only, so Æ, Ø
 * and Å are folded here too, as `caseReferenceKey` in rules/ does.
 */
const CASE_INSENSITIVE_REFERENCES = `
  ALTER TABLE screenings ADD COLUMN reference_key GENERATED ALWAYS AS
    (lower(replace(replace(replace(json_extract(body, '$.caseReference'), 'Æ', 'æ'), 'Ø', 'ø'), 'Å', 'å'))) VIRTUAL;
  DROP INDEX screenings_reference;
  CREATE INDEX screenings_reference_key ON screenings (partition, reference_key);
  CREATE INDEX screenings_by_caseworker ON screenings (partition, caseworker_id, created_at)`;

/** Forward migrations: index i takes a file from schema version i to i + 1. Never edit a released one. */
export const MIGRATIONS: readonly string[] = [
  [...TABLES.map(tableDefinition), ...INDEXES, TEAM_MEMBERS].join(';\n'),
  CASE_INSENSITIVE_REFERENCES,
];

/** The schema this build writes; a file from a newer build is refused (never downgraded). */
export const SCHEMA_VERSION = MIGRATIONS.length;
