import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openCosmosStore, type CosmosStore } from '../../bot/storage/cosmos.store';

/**
 * A store for a repository contract suite: the embedded server in a fresh data folder, or a real
 * account (`endpoint`) in a database of its own, deleted again by `close`.
 */
export async function openContractStore(
  name: string,
  endpoint: string | undefined,
  key: string | undefined,
): Promise<{ store: CosmosStore; close(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `jobcenter-${name}-contract-`));
  const store = await openCosmosStore({
    cosmos: { endpoint, key, database: `${name}-${randomUUID().slice(0, 8)}` },
    dataDir,
  });
  return {
    store,
    async close() {
      if (endpoint !== undefined) await store.database.delete().catch(() => undefined);
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
