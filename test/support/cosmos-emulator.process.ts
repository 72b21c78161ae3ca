import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { exited, whenReady } from './bot-process';

/** The compiled emulator process (`test/support/cosmos-emulator.main.ts`). */
const STORAGE_SCRIPT = path.join(__dirname, 'cosmos-emulator.main.js');

export interface CosmosEmulatorProcess {
  child: ChildProcess;
  endpoint: string;
  key: string;
  /** SIGTERM (a clean stop), SIGKILL (a crash); resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the Cosmos emulator (test double, in memory) as its own process on a loopback port. */
export async function startCosmosEmulatorProcess(): Promise<CosmosEmulatorProcess> {
  const child = spawn(process.execPath, [STORAGE_SCRIPT], {
    env: { PATH: process.env.PATH },
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
