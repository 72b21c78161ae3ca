import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cosmosRepositories } from '../../bot/storage/cosmos.repositories';
import { openCosmosStore } from '../../bot/storage/cosmos.store';
import type { Repositories } from '../../bot/storage/repositories';
import { openSqliteStorage } from '../../bot/storage/storage';
import { startCosmosEmulator } from './cosmos-emulator';

/** Every repository on one stored backend, and how to close it (and remove what it stored). */
export interface ContractStorage {
  repositories: Repositories;
  close(): Promise<void>;
}

/** The SQLite store in a fresh data folder. */
export function openSqliteContractStorage(name: string): ContractStorage {
  const dataDir = mkdtempSync(path.join(tmpdir(), `jobcenter-${name}-contract-`));
  const storage = openSqliteStorage({
    dataDir,
    cosmos: { endpoint: undefined, key: undefined, database: name },
    sqlite: { checkpointDelayMs: 0 },
  });
  return {
    repositories: storage.repositories,
    async close() {
      await storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The Cosmos adapter on an account (`endpoint`) in a database of its own, deleted again by `close`. */
async function openCosmosContractStorage(name: string, endpoint: string, key: string | undefined) {
  const store = await openCosmosStore({
    cosmos: { endpoint, key, database: `${name}-${randomUUID().slice(0, 8)}` },
  });
  return {
    repositories: cosmosRepositories(store),
    async close() {
      await store.database.delete().catch(() => undefined);
      await store.close();
    },
  };
}

/**
 * The stored backends a repository contract suite runs on: SQLite (the embedded default), the Cosmos
 * adapter against the emulator (a devDependency test double), and a real Cosmos account when
 * COSMOS_ENDPOINT is set (COSMOS_KEY, or Entra ID).
 */
export function storedBackends(name: string): [string, () => Promise<ContractStorage>][] {
  const backends: [string, () => Promise<ContractStorage>][] = [
    ['SQLite (embedded)', () => Promise.resolve(openSqliteContractStorage(name))],
    [
      'Cosmos adapter on the emulator',
      async () => {
        const emulator = await startCosmosEmulator();
        const storage = await openCosmosContractStorage(name, emulator.endpoint, emulator.key);
        return {
          repositories: storage.repositories,
          async close() {
            await storage.close();
            await emulator.close();
          },
        };
      },
    ],
  ];
  const realEndpoint = process.env.COSMOS_ENDPOINT;
  if (realEndpoint !== undefined && realEndpoint !== '') {
    backends.push([
      `real Cosmos account (${new URL(realEndpoint).host})`,
      () => openCosmosContractStorage(name, realEndpoint, process.env.COSMOS_KEY),
    ]);
  }
  return backends;
}
