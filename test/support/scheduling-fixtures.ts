import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * A stand-in for the Bot Framework connector: records every activity the bot posts, and answers with
 * `status` (200, or e.g. 403 as Teams does once the bot is removed from the team).
 */
export async function fakeConnector(): Promise<{
  url: string;
  posts: { path: string; body: Record<string, unknown> }[];
  server: Server;
  status: number;
  /** Statuses for the next requests, before falling back to `status`. */
  upcoming: number[];
}> {
  const posts: { path: string; body: Record<string, unknown> }[] = [];
  const connector = { url: '', posts, server: undefined as unknown as Server, status: 200, upcoming: [] as number[] };
  connector.server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', body: body === '' ? {} : (JSON.parse(body) as Record<string, unknown>) });
      const status = connector.upcoming.shift() ?? connector.status;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          status === 200
            ? { id: `posted-${posts.length}` }
            : {
                error: {
                  code: 'BotNotInConversationRoster',
                  message: 'The bot is not part of the conversation roster.',
                },
              },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => connector.server.listen(0, '127.0.0.1', resolve));
  connector.url = `http://127.0.0.1:${(connector.server.address() as AddressInfo).port}/`;
  return connector;
}

/** The embedded Cosmos-compatible server as its own process, as several bot instances would share it. */
export async function standaloneStorage(
  dataDir: string,
): Promise<{ child: ChildProcess; endpoint: string; key: string }> {
  const script = path.join(__dirname, '..', '..', 'bot', 'storage', 'embedded-cosmos.main.js');
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) =>
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().split('\n')[0] ?? '')),
  );
  const { endpoint, key } = JSON.parse(line) as { endpoint: string; key: string };
  return { child, endpoint, key };
}
