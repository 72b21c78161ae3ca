// PLACEHOLDER until the durable version lands (helper). Not durable.
import { createHttpServer } from '@vercel/cosmosdb-server';
import type { AddressInfo } from 'node:net';
export interface EmbeddedCosmosOptions {
  dataDir: string;
  host?: string;
  port?: number;
}
export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  close(): Promise<void>;
}
export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions): Promise<EmbeddedCosmos> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    key: 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nqb98nYVaH2n0MbbUh3QMUeGRSwH5G6bpvOJ9OWXrxJRMTYTiR9YPGKbZ7qtIklg==',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
