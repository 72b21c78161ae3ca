/**
 * Configuration from environment variables, parsed and validated in one place.
 * A wrong value stops the start with a message naming the variable.
 */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface BotIdentityConfig {
  appId: string;
  /** Absent when the bot authenticates with a managed identity. */
  appPassword: string | undefined;
  tenantId: string;
  appType: 'SingleTenant' | 'UserAssignedMSI';
}

export interface CosmosConfig {
  /** Absent: the embedded SQLite store in DATA_DIR is used instead. */
  endpoint: string | undefined;
  key: string | undefined;
  database: string;
}

/** Where the team's leaders come from (spec §0). */
export interface TeamsConfig {
  /** Microsoft Graph's base URL (GRAPH_ENDPOINT; tests point it at a stand-in). */
  graphEndpoint: string;
  /** Local mode only: user ids that own every team (LOCAL_TEAM_OWNERS); empty: the installer owns it. */
  localTeamOwners: readonly string[];
}

/** How the audit trail keys case references (spec §5; see ReferenceKeyer). */
export interface AuditConfig {
  /** The secret of the keyed one-way form of case references (AUDIT_REFERENCE_KEY). */
  referenceKey: string;
  /** True when no key is configured (local mode only): a fixed key, fine for the Playground, not for citizens. */
  developmentKey: boolean;
}

export interface AppConfig {
  /** Undefined in local mode (no app id): auth is off and the server listens on loopback only. */
  identity: BotIdentityConfig | undefined;
  allowedTenantIds: readonly string[];
  cosmos: CosmosConfig;
  host: string;
  port: number;
  dataDir: string;
  logLevel: LogLevel;
  teams: TeamsConfig;
  audit: AuditConfig;
  /**
   * The address browsers reach the bot at, for the links to the weekly report's file (PUBLIC_BASE_URL; in
   * App Service by default https://WEBSITE_HOSTNAME). Undefined: locally the bot's own loopback address
   * once it listens; with an app id there is no link until it is set.
   */
  publicBaseUrl: string | undefined;
}

/** Thrown when an environment variable has a value the bot cannot run with. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function parsePort(env: NodeJS.ProcessEnv): number {
  const raw = optional(env, 'PORT');
  if (raw === undefined) return 3978;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError('PORT', `must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

function parseGuid(env: NodeJS.ProcessEnv, name: string): string {
  const value = optional(env, name);
  if (value === undefined) throw new ConfigError(name, 'is required when MICROSOFT_APP_ID is set');
  if (!GUID.test(value)) throw new ConfigError(name, `must be a GUID, got "${value}"`);
  return value;
}

function parseIdentity(env: NodeJS.ProcessEnv): BotIdentityConfig | undefined {
  const appId = optional(env, 'MICROSOFT_APP_ID');
  if (appId === undefined) {
    for (const dependent of ['MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID']) {
      if (optional(env, dependent) !== undefined) {
        throw new ConfigError(dependent, 'is set but MICROSOFT_APP_ID is not; set both or neither');
      }
    }
    return undefined;
  }
  if (!GUID.test(appId)) throw new ConfigError('MICROSOFT_APP_ID', `must be a GUID, got "${appId}"`);
  const appType = optional(env, 'MICROSOFT_APP_TYPE') ?? 'SingleTenant';
  if (appType !== 'SingleTenant' && appType !== 'UserAssignedMSI') {
    throw new ConfigError('MICROSOFT_APP_TYPE', `must be SingleTenant or UserAssignedMSI, got "${appType}"`);
  }
  const appPassword = optional(env, 'MICROSOFT_APP_PASSWORD');
  if (appType === 'SingleTenant' && appPassword === undefined) {
    throw new ConfigError('MICROSOFT_APP_PASSWORD', 'is required for MICROSOFT_APP_TYPE=SingleTenant');
  }
  return { appId, appPassword, appType, tenantId: parseGuid(env, 'MICROSOFT_APP_TENANT_ID') };
}

function parseAllowedTenants(env: NodeJS.ProcessEnv, identity: BotIdentityConfig | undefined): string[] {
  const raw = optional(env, 'ALLOWED_TENANT_IDS');
  const ids =
    raw === undefined
      ? []
      : raw
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== '');
  for (const id of ids) {
    if (!GUID.test(id)) throw new ConfigError('ALLOWED_TENANT_IDS', `"${id}" is not a GUID`);
  }
  // A SingleTenant bot serves its own tenant unless told otherwise.
  if (identity !== undefined && ids.length === 0) return [identity.tenantId];
  return ids.map((id) => id.toLowerCase());
}

function parseCosmos(env: NodeJS.ProcessEnv): CosmosConfig {
  const endpoint = optional(env, 'COSMOS_ENDPOINT');
  if (endpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new ConfigError('COSMOS_ENDPOINT', `is not a URL: "${endpoint}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ConfigError('COSMOS_ENDPOINT', 'must be an http(s) URL');
    }
  }
  const key = optional(env, 'COSMOS_KEY');
  if (key !== undefined && endpoint === undefined) {
    throw new ConfigError('COSMOS_KEY', 'is set but COSMOS_ENDPOINT is not');
  }
  const database = optional(env, 'COSMOS_DATABASE') ?? 'jobcenter';
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/.test(database)) {
    throw new ConfigError('COSMOS_DATABASE', `must be letters, digits, "-" or "_", got "${database}"`);
  }
  return { endpoint, key, database };
}

function parseTeams(env: NodeJS.ProcessEnv, identity: BotIdentityConfig | undefined): TeamsConfig {
  const graphEndpoint = optional(env, 'GRAPH_ENDPOINT') ?? 'https://graph.microsoft.com';
  let url: URL;
  try {
    url = new URL(graphEndpoint);
  } catch {
    throw new ConfigError('GRAPH_ENDPOINT', `is not a URL: "${graphEndpoint}"`);
  }
  if (url.protocol !== 'https:' && !(identity === undefined && url.protocol === 'http:')) {
    throw new ConfigError('GRAPH_ENDPOINT', 'must be an https URL');
  }
  const localTeamOwners = (optional(env, 'LOCAL_TEAM_OWNERS') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  // With authentication on, leaders come from Graph only: a list here would let a setting appoint them.
  if (identity !== undefined && localTeamOwners.length > 0) {
    throw new ConfigError(
      'LOCAL_TEAM_OWNERS',
      'is for local mode only (MICROSOFT_APP_ID is set); owners come from Graph',
    );
  }
  return { graphEndpoint, localTeamOwners };
}

/** Local mode's key when none is set: known to all, so it protects nothing; local mode holds no real citizens. */
const DEVELOPMENT_AUDIT_KEY = 'local-development-only-audit-reference-key';
const MIN_AUDIT_KEY_LENGTH = 32;

function parseAudit(env: NodeJS.ProcessEnv, identity: BotIdentityConfig | undefined): AuditConfig {
  const key = optional(env, 'AUDIT_REFERENCE_KEY');
  if (key === undefined) {
    // With authentication on, real case references reach the bot: their key must be a secret.
    if (identity !== undefined)
      throw new ConfigError('AUDIT_REFERENCE_KEY', 'is required when MICROSOFT_APP_ID is set');
    return { referenceKey: DEVELOPMENT_AUDIT_KEY, developmentKey: true };
  }
  if (key.length < MIN_AUDIT_KEY_LENGTH) {
    throw new ConfigError(
      'AUDIT_REFERENCE_KEY',
      `must be at least ${MIN_AUDIT_KEY_LENGTH} characters (a random secret)`,
    );
  }
  return { referenceKey: key, developmentKey: false };
}

/** What App Service sets WEBSITE_HOSTNAME to: a host name, nothing else. */
const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;

function parsePublicBaseUrl(env: NodeJS.ProcessEnv, identity: BotIdentityConfig | undefined): string | undefined {
  const raw = optional(env, 'PUBLIC_BASE_URL');
  if (raw === undefined) {
    // App Service names the site's own host; elsewhere (and locally) there is nothing to go by.
    const host = identity === undefined ? undefined : optional(env, 'WEBSITE_HOSTNAME');
    return host !== undefined && HOST_NAME.test(host) ? `https://${host.toLowerCase()}` : undefined;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('PUBLIC_BASE_URL', `is not a URL: "${raw}"`);
  }
  // A link holds a leader's team's figures for minutes: never over plain HTTP, except to a local bot.
  if (url.protocol !== 'https:' && !(identity === undefined && url.protocol === 'http:')) {
    throw new ConfigError('PUBLIC_BASE_URL', 'must be an https URL');
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError(
      'PUBLIC_BASE_URL',
      'must be an address without query, fragment or user, e.g. https://bot.example.dk',
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/u, '')}`;
}

/** Reads and validates the whole configuration; throws {@link ConfigError} naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const identity = parseIdentity(env);
  const logLevel = (optional(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  return {
    identity,
    allowedTenantIds: parseAllowedTenants(env, identity),
    cosmos: parseCosmos(env),
    // Without authentication the bot must not be reachable from other machines.
    host: identity === undefined ? '127.0.0.1' : '0.0.0.0',
    port: parsePort(env),
    dataDir: optional(env, 'DATA_DIR') ?? '.data',
    logLevel: logLevel as LogLevel,
    teams: parseTeams(env, identity),
    audit: parseAudit(env, identity),
    publicBaseUrl: parsePublicBaseUrl(env, identity),
  };
}
