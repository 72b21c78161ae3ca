import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import type { CosmosConfig } from '../config/app-config';
import type { HealthCheck } from '../../rules/ports/health-check';
import { CONTAINERS, type ContainerName } from './container.definitions';
import { isMasterKey, masterKeyTokenProvider } from './cosmos-master-key.signer';
import { startEmbeddedCosmos, type EmbeddedCosmos, type EmbeddedCosmosLogger } from './embedded-cosmos.server';

export interface CosmosStoreOptions {
  cosmos: CosmosConfig;
  /** Folder of the embedded server's data, used only when no endpoint is configured. */
  dataDir: string;
  logger?: EmbeddedCosmosLogger;
}

/** An open connection to the bot's Cosmos database with its containers created. */
export interface CosmosStore {
  readonly database: Database;
  readonly containers: Readonly<Record<ContainerName, Container>>;
  readonly health: HealthCheck;
  /** The endpoint in use (the embedded server's loopback address in local mode). */
  readonly endpoint: string;
  readonly embedded: boolean;
  close(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 3000;

/**
 * Connects to Cosmos, or in local mode starts the embedded durable server first, then creates the
 * database and containers if they are missing.
 */
export async function openCosmosStore(options: CosmosStoreOptions): Promise<CosmosStore> {
  let embedded: EmbeddedCosmos | undefined;
  let endpoint = options.cosmos.endpoint;
  let key = options.cosmos.key;
  if (endpoint === undefined) {
    embedded = await startEmbeddedCosmos({ dataDir: options.dataDir, logger: options.logger });
    endpoint = embedded.endpoint;
    key = embedded.key;
  }
  if (key === undefined) {
    throw new Error('COSMOS_KEY is required until managed identity for Cosmos is supported');
  }
  const resolvedEndpoint = endpoint;
  const client = new CosmosClient({
    endpoint: resolvedEndpoint,
    ...(isMasterKey(key) ? { tokenProvider: masterKeyTokenProvider(key) } : { key }),
    // Only an Azure account has regional endpoints to discover; a Cosmos-compatible server elsewhere
    // (embedded, or standalone shared by several bot processes) answers discovery with https
    // addresses it does not serve.
    connectionPolicy: { enableEndpointDiscovery: isAzureCosmosHost(resolvedEndpoint) },
  });
  try {
    const { database } = await client.databases.createIfNotExists({ id: options.cosmos.database });
    const entries = await Promise.all(
      Object.entries(CONTAINERS).map(async ([name, definition]) => {
        const { container } = await database.containers.createIfNotExists({
          id: definition.id,
          partitionKey: { paths: [definition.partitionKeyPath] },
          ...(definition.defaultTtl === undefined ? {} : { defaultTtl: definition.defaultTtl }),
        });
        return [name, container] as const;
      }),
    );
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
      embedded: embedded !== undefined,
      async close() {
        client.dispose();
        await embedded?.close();
      },
    };
  } catch (error) {
    client.dispose();
    await embedded?.close();
    throw error;
  }
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
