import {
  CosmosClient,
  type ConnectionPolicy,
  type CosmosClientOptions,
  type Container,
  type Database,
} from '@azure/cosmos';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import type { CosmosConfig } from '../config/app-config';
import type { HealthCheck } from '../../rules/shared/health-check';
import { CONTAINERS, type ContainerName } from './container.definitions';
import { cosmosStatus } from './cosmos-errors';
import { isMasterKey, masterKeyTokenProvider } from './cosmos-master-key.signer';

export interface CosmosStoreOptions {
  cosmos: CosmosConfig & { endpoint: string };
  /**
   * How to authenticate when an endpoint is configured without a key: Microsoft Entra ID (in Azure,
   * the web app's managed identity through DefaultAzureCredential; AZURE_CLIENT_ID picks a
   * user-assigned one). Injected by tests.
   */
  credential?: () => TokenCredential;
}

/** Thrown when keyless access finds the database or a container missing: they come from the template. */
export class CosmosSchemaMissingError extends Error {
  readonly code = 'COSMOS_SCHEMA_MISSING';
  constructor(what: string) {
    super(
      `${what} does not exist. With managed identity the app cannot create it (the data-plane role has no ` +
        'control-plane rights): deploy deployment/infra/azuredeploy.json, which creates the database and containers.',
    );
    this.name = 'CosmosSchemaMissingError';
  }
}

/** An open connection to the bot's Cosmos database with its containers created. */
export interface CosmosStore {
  readonly database: Database;
  readonly containers: Readonly<Record<ContainerName, Container>>;
  readonly health: HealthCheck;
  /** The endpoint in use. */
  readonly endpoint: string;
  close(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 3000;

/**
 * Limits for the bot's requests once it runs. A request the server does not answer fails after
 * `requestTimeout` (the SDK's default is 60 s): with a hung storage server a turn would otherwise hang
 * for a minute, where Teams gives up after about 15 s; now the user hears "prøv igen om lidt" within
 * seconds. The bot's point reads and writes take milliseconds and its queries stay small, so 3 s is
 * ample. Throttled requests (429) are retried by the SDK, but not for longer than a turn can wait
 * (default: up to 9 retries over 30 s).
 */
const RUNTIME_CONNECTION_POLICY: Partial<ConnectionPolicy> = {
  requestTimeout: 3000,
  retryOptions: { maxRetryAttemptCount: 5, maxWaitTimeInSeconds: 8 },
};

/** Connects to Cosmos, then creates the database and containers if they are missing (with a key). */
export async function openCosmosStore(options: CosmosStoreOptions): Promise<CosmosStore> {
  const { endpoint: resolvedEndpoint, key } = options.cosmos;
  const keyless = key === undefined;
  const auth = authenticationFor(key, options.credential);
  const clientFor = (policy: Partial<ConnectionPolicy>) =>
    new CosmosClient({
      endpoint: resolvedEndpoint,
      ...auth,
      // Only an Azure account has regional endpoints to discover; a Cosmos-compatible server elsewhere
      // (the emulator the tests use) answers discovery with https addresses it does not serve.
      connectionPolicy: { enableEndpointDiscovery: isAzureCosmosHost(resolvedEndpoint), ...policy },
    });
  // Creating a container on a real account may take longer than a turn may wait, so the schema is
  // set up with the SDK's own patience, and everything after with the runtime limits.
  const setupClient = clientFor({});
  const client = clientFor(RUNTIME_CONNECTION_POLICY);
  try {
    const setupDatabase = keyless
      ? await existingDatabase(setupClient, options.cosmos.database)
      : (await setupClient.databases.createIfNotExists({ id: options.cosmos.database })).database;
    const database = client.database(setupDatabase.id);
    const entries = await Promise.all(
      Object.entries(CONTAINERS).map(async ([name, definition]) => {
        if (keyless) await existingContainer(setupDatabase, definition.id);
        else
          await setupDatabase.containers.createIfNotExists({
            id: definition.id,
            partitionKey: { paths: [definition.partitionKeyPath] },
            ...(definition.defaultTtl === undefined ? {} : { defaultTtl: definition.defaultTtl }),
          });
        return [name, database.container(definition.id)] as const;
      }),
    );
    setupClient.dispose();
    const containers = Object.fromEntries(entries) as Record<ContainerName, Container>;
    const health: HealthCheck = {
      name: 'storage',
      check: () =>
        withTimeout(
          database.read().then(() => undefined),
          HEALTH_TIMEOUT_MS,
        ),
    };
    return {
      database,
      containers,
      health,
      endpoint: resolvedEndpoint,
      async close() {
        client.dispose();
      },
    };
  } catch (error) {
    setupClient.dispose();
    client.dispose();
    throw error;
  }
}

/** Keyless: the database must exist (reading metadata is allowed to the data-plane role). */
async function existingDatabase(client: CosmosClient, id: string): Promise<Database> {
  const database = client.database(id);
  try {
    await database.read();
  } catch (error) {
    if (cosmosStatus(error) === 404) throw new CosmosSchemaMissingError(`Cosmos database "${id}"`);
    throw error;
  }
  return database;
}

async function existingContainer(database: Database, id: string): Promise<Container> {
  const container = database.container(id);
  try {
    await container.read();
  } catch (error) {
    if (cosmosStatus(error) === 404) throw new CosmosSchemaMissingError(`Cosmos container "${id}"`);
    throw error;
  }
  return container;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function isAzureCosmosHost(endpoint: string): boolean {
  return new URL(endpoint).hostname.endsWith('.documents.azure.com');
}

/**
 * No key: Microsoft Entra ID (managed identity in Azure). A master key: signed by a key imported once
 * rather than per request. Anything else (a resource token): as the SDK takes it.
 */
function authenticationFor(
  key: string | undefined,
  credential: (() => TokenCredential) | undefined,
): Pick<CosmosClientOptions, 'aadCredentials' | 'tokenProvider' | 'key'> {
  if (key === undefined) return { aadCredentials: (credential ?? (() => new DefaultAzureCredential()))() };
  return isMasterKey(key) ? { tokenProvider: masterKeyTokenProvider(key) } : { key };
}
