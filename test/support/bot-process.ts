import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The compiled bot entry point (`npm run start:bot` without the build). */
export const MAIN_SCRIPT = path.join(__dirname, '..', '..', 'bot', 'main.js');

export interface BotProcess {
  child: ChildProcess;
  baseUrl: string;
  stderr: () => string;
}

export interface SpawnOptions {
  /** Node options before the script (e.g. `--require` of a test-only probe). */
  nodeArgs?: string[];
  /** The entry point (default: the bot's own, {@link MAIN_SCRIPT}). */
  script?: string;
  /** Opens an IPC channel to the child (`child.send`, `child.on('message')`). */
  ipc?: boolean;
}

/**
 * Waits until `ready` finds what it looks for in the child's stdout so far (keeping the child's stderr
 * from the start); rejects, naming `what` and that stderr, if the child exits first or says nothing within 30 s (then it is killed).
 */
export function whenReady<T>(
  child: ChildProcess,
  what: string,
  ready: (stdout: string) => T | undefined,
): Promise<{ found: T; stderr: () => string }> {
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} did not start: ${stderr}`));
    }, 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = ready(stdout);
      if (found !== undefined) {
        clearTimeout(timer);
        resolve({ found, stderr: () => stderr });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${String(code)} before listening: ${stderr}`));
    });
  });
}

/** Starts the bot as its own process and resolves once it listens. */
export async function spawnBot(env: NodeJS.ProcessEnv, options: SpawnOptions = {}): Promise<BotProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script ?? MAIN_SCRIPT], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', PORT: '0', ...env },
    stdio: options.ipc === true ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const { found: baseUrl, stderr } = await whenReady(
    child,
    'bot',
    (stdout) => /Bot listening: (http:\/\/[^/\s]+)\/api\/messages/.exec(stdout)?.[1],
  );
  return { child, baseUrl, stderr };
}

/** Resolves with the exit code (or signal) once the process has ended. */
export function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
}

/** Ends a child if it still runs (SIGKILL: cleanup after a failed test must not wait) and waits for it. */
export async function killIfRunning(child: ChildProcess | undefined): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await exited(child);
}
