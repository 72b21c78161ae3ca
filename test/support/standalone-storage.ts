import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { exited, whenReady } from './bot-process';

/** The compiled standalone storage server (`bot/storage/embedded-cosmos.main.ts`). */
const STORAGE_SCRIPT = path.join(__dirname, '..', '..', 'bot', 'storage', 'embedded-cosmos.main.js');

export interface StandaloneStorage {
  child: ChildProcess;
  endpoint: string;
  key: string;
  port: number;
  dataDir: string;
  /** SIGTERM (a clean stop, flushing the journal), SIGKILL (a crash); resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the durable Cosmos-compatible server as its own process on loopback, on `port` (0: an
 * ephemeral one; pass the port of an earlier run to restart it where the bots expect it).
 */
export async function startStandaloneStorage(dataDir: string, port = 0): Promise<StandaloneStorage> {
  const child = spawn(process.execPath, [STORAGE_SCRIPT], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, COSMOS_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { found: line } = await whenReady(child, 'storage', (stdout) => {
    const newline = stdout.indexOf('\n');
    return newline < 0 ? undefined : stdout.slice(0, newline);
  });
  const { endpoint, key } = JSON.parse(line) as { endpoint: string; key: string };
  return {
    child,
    endpoint,
    key,
    port: Number(new URL(endpoint).port),
    dataDir,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        // A stopped process (SIGSTOP) only acts on SIGTERM once it runs again.
        if (signal !== 'SIGKILL') child.kill('SIGCONT');
      }
      await exited(child);
    },
  };
}
