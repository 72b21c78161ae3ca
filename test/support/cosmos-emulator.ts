import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';

/**
 * The Cosmos DB emulator's published key. The emulator checks no signatures, so any key works; this
 * one is public and recognisably not a secret.
 */
export const EMULATOR_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nqb98nYVaH2n0MbbUh3QMUeGRSwH5G6bpvOJ9OWXrxJRMTYTiR9YPGKbZ7qtIklg==';

export interface CosmosEmulator {
  endpoint: string;
  key: string;
  close(): Promise<void>;
}

/**
 * `@vercel/cosmosdb-server` on loopback: an in-memory Cosmos-compatible server, a devDependency used
 * as the test double for the Cosmos adapter's requests and queries (never the product's storage).
 */
export async function startCosmosEmulator(): Promise<CosmosEmulator> {
  const server = createHttpServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    key: EMULATOR_KEY,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
