/**
 * Starts the Microsoft 365 Agents Playground (the local Teams-like chat client) as a child process,
 * pointed at a running bot. Used by `npm start` (bot/local-client.ts) and by the browser tests.
 */
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { installBotInPlaygroundTeams, type PlaygroundTeam } from './playground-team.install';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  messagesUrl: string;
  /** Port for the Playground's web page; 0 picks a free one. If taken, the Playground itself picks another. */
  port: number;
  /**
   * The personal chat's conversation id. The Playground otherwise makes up a new one each time it starts,
   * which the bot sees as a new installation (and welcomes again).
   */
  conversationId?: string;
  /** Where the Playground writes its own log; it would otherwise create ./devTools/ in the working folder. */
  logFile?: string;
  /** How long to wait for the page to be served (and the bot installed in the team) before giving up. */
  readyTimeoutMs?: number;
  /**
   * false: leave the bot out of the Playground's team until someone opens the team's channel in the page.
   * By default it is installed there once the Playground is up (see playground-team.install.ts), so the
   * Playground's user is a member (and, as the installer, the owner) of a team with the bot, and the personal
   * chat works at once.
   */
  installInTeam?: boolean;
}

export interface PlaygroundExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningPlayground {
  /** The page to open in a browser. */
  url: string;
  port: number;
  /** The Playground's teams the bot was installed in at start (none when `installInTeam` was false). */
  teams: PlaygroundTeam[];
  /** Settles when the Playground process has ended, for whatever reason. Never rejects. */
  exited: Promise<PlaygroundExit>;
  /** Ends the Playground (SIGTERM, then SIGKILL if it lingers) and waits until it is gone. */
  stop(): Promise<void>;
}

const DEFAULT_READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;
/** Kept from the Playground's output to explain a failed start; it prints little, so this is plenty. */
const OUTPUT_TAIL_CHARS = 4_000;

/** The CLI's entry file, run with this process's Node (24) rather than whatever `node` is on the PATH. */
function playgroundCliPath(): string {
  return require.resolve('@microsoft/m365agentsplayground/cli.js');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Settles with `onTimeout` after `ms`, unless `promise` settles first; the timer never outlives the race. */
async function within<T, F>(promise: Promise<T>, ms: number, onTimeout: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function answersHttp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const logFile = options.logFile ?? path.join(os.tmpdir(), `agents-playground-${process.pid}.log`);
  const args = [
    '--require',
    path.join(__dirname, 'loopback-only.preload.js'),
    playgroundCliPath(),
    '--app-endpoint',
    options.messagesUrl,
    '--channel-id',
    'msteams',
    '--port',
    String(options.port),
    '--disable-telemetry',
  ];
  if (options.conversationId !== undefined) args.push('--conversation-id', options.conversationId);

  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      // Without this the Playground opens the user's default browser itself.
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    },
    // Piped, so the port it really took can be read from its "Listening on N" line: it silently takes
    // another when the one asked for is busy. Off a terminal it prints only that line; the rest goes to logFile.
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const exited = new Promise<PlaygroundExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // A spawn that fails (e.g. no such file) emits 'error' and may never emit 'exit'.
    child.once('error', () => resolve({ code: null, signal: null }));
  });

  let output = '';
  const outputTail = (): string => output.trim();
  const listeningPort = new Promise<number>((resolve) => {
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
      const match = /Listening on (\d+)/.exec(output);
      if (match?.[1] !== undefined) resolve(Number(match[1]));
    };
    // Always read both pipes: a full pipe would block the Playground.
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
  });

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if ((await within(exited, STOP_GRACE_MS, 'lingering' as const)) === 'lingering') child.kill('SIGKILL');
    await exited;
  };

  const deadline = Date.now() + readyTimeoutMs;
  try {
    const first = await within(
      Promise.race([listeningPort, exited.then(() => 'exited' as const)]),
      readyTimeoutMs,
      'timeout' as const,
    );
    if (first === 'exited') throw new Error(`Agents Playground exited during start-up:\n${outputTail()}`);
    if (first === 'timeout')
      throw new Error(`Agents Playground did not start within ${readyTimeoutMs} ms:\n${outputTail()}`);
    const port = first;
    // "Listening" comes before the page and its API are mounted, so wait until the page is served.
    const pageUrl = `http://127.0.0.1:${port}/`;
    while (!(await answersHttp(pageUrl))) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`Agents Playground exited during start-up:\n${outputTail()}`);
      }
      if (Date.now() > deadline)
        throw new Error(`Agents Playground did not serve ${pageUrl} within ${readyTimeoutMs} ms`);
      await delay(200);
    }
    const teams =
      options.installInTeam === false
        ? []
        : await installBotInPlaygroundTeams(port, Math.max(deadline - Date.now(), 5_000)).catch((error: unknown) => {
            throw new Error(
              `Agents Playground started, but the bot could not be installed in its team: ${error instanceof Error ? error.message : String(error)}`,
            );
          });
    return { url: `http://localhost:${port}`, port, teams, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
