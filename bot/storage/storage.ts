import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CosmosConfig } from '../config/app-config';
import type { HealthCheck } from '../../rules/shared/health-check';
import { cosmosRepositories } from './cosmos.repositories';
import { openCosmosStore } from './cosmos.store';
import type { Repositories } from './repositories';
import { importOldJournal } from './sqlite/journal-import';
import { SqliteDocumentStore } from './sqlite/sqlite-document.store';
import { sqliteRepositories } from './sqlite/sqlite.repositories';

/** The SQLite file's name inside DATA_DIR. */
export const SQLITE_FILE = 'jobcenter.sqlite';
/** How often expired rows (what Cosmos removes by TTL) are swept from the SQLite file. */
const SWEEP_INTERVAL_MS = 3600 * 1000;

export interface StorageLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface StorageOptions {
  cosmos: CosmosConfig;
  /** Folder of the SQLite file, used when no Cosmos endpoint is configured. */
  dataDir: string;
  logger?: StorageLogger;
  /** Passed to the SQLite store (tests: a short busy timeout, a checkpoint delay). */
  sqlite?: { busyTimeoutMs?: number; checkpointDelayMs?: number };
}

/** The bot's storage: every repository on one backend, its health, and how to close it. */
export interface Storage {
  readonly kind: 'sqlite' | 'cosmos';
  readonly repositories: Repositories;
  readonly health: HealthCheck;
  /** Where the data is: the SQLite file, or the Cosmos endpoint. */
  readonly location: string;
  close(): Promise<void>;
}

/** SQLite in DATA_DIR by default; Azure Cosmos DB when COSMOS_ENDPOINT is set. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  const { endpoint } = options.cosmos;
  if (endpoint !== undefined) {
    const store = await openCosmosStore({ cosmos: { ...options.cosmos, endpoint } });
    return {
      kind: 'cosmos',
      repositories: cosmosRepositories(store),
      health: store.health,
      location: store.endpoint,
      close: () => store.close(),
    };
  }
  return openSqliteStorage(options);
}

/** Opens (or creates) the SQLite file in `dataDir`, importing an old embedded-server journal once. */
export function openSqliteStorage(options: Pick<StorageOptions, 'dataDir' | 'logger' | 'cosmos' | 'sqlite'>): Storage {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dataDir, SQLITE_FILE);
  const store = new SqliteDocumentStore(file, options.sqlite);
  try {
    // The file holds personal data: readable by its owner only (where the platform has such modes).
    for (const part of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(part)) chmodSync(part, 0o600);
    const imported = importOldJournal(store, options.dataDir, options.cosmos.database);
    if (imported !== undefined)
      options.logger?.info({ documents: imported.documents, renamedTo: imported.file }, 'old journal imported');
  } catch (error) {
    store.close();
    throw error;
  }
  const sweep = setInterval(() => {
    try {
      store.sweepExpired();
      store.optimize();
    } catch (error) {
      options.logger?.warn({ errorType: (error as Error).name }, 'expiry sweep failed');
    }
  }, SWEEP_INTERVAL_MS);
  sweep.unref();
  return {
    kind: 'sqlite',
    repositories: sqliteRepositories(store),
    location: file,
    health: {
      name: 'storage',
      check: async () => {
        store.rows('SELECT 1');
      },
    },
    async close() {
      clearInterval(sweep);
      store.close();
    },
  };
}
