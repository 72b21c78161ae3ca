import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { exited } from './bot-process';

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
export function startStandaloneStorage(dataDir: string, port = 0): Promise<StandaloneStorage> {
  const child = spawn(process.execPath, [STORAGE_SCRIPT], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, COSMOS_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`storage did not start: ${stderr}`));
    }, 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      const { endpoint, key } = JSON.parse(stdout.slice(0, newline)) as { endpoint: string; key: string };
      resolve({
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
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`storage exited with ${String(code)} before listening: ${stderr}`));
    });
  });
}
