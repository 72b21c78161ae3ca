/**
 * `npm start`: the bot in local mode plus the Microsoft 365 Agents Playground, a Teams-like chat page
 * to talk to it in a browser without a Teams tenant, an app registration or a tunnel.
 *
 * The bot acts only for Teams teams it is installed in (spec §0). Once the Playground is up, the bot is
 * installed in the Playground's team ("My Team") through the Playground's own install request, as when
 * someone adds the app to a team (bot/playground/playground-team.install.ts): the Playground's user is
 * then a member of the team and, as the one who installed it, its owner (leader), and the personal chat
 * works at once. The team's other members are the Playground's five made-up people.
 */
import * as path from 'node:path';
import { startApp } from './app';
import { ConfigError, loadConfig } from './config/app-config';
import { startPlayground, type PlaygroundExit } from './playground/playground.process';

const DEFAULT_PLAYGROUND_PORT = 56150;
/**
 * The Playground makes up a new personal chat id on every start unless told one; the bot would take each
 * `npm start` for a new installation, welcome again, and no longer find what it stored for the old chat.
 */
const DEFAULT_CONVERSATION_ID = 'local-personal-chat';
/**
 * A Ctrl-C in the terminal reaches the Playground too (same process group), and it may exit before this
 * process has run its own signal handler; a Playground exit this close to a signal is not a crash.
 */
const SIGNAL_GRACE_MS = 500;

function playgroundPort(env: NodeJS.ProcessEnv): number {
  const raw = env.PLAYGROUND_PORT?.trim();
  if (raw === undefined || raw === '') return DEFAULT_PLAYGROUND_PORT;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError('PLAYGROUND_PORT', `must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    // `once`: a second Ctrl-C falls back to Node's default and ends the process at once, should the
    // orderly stop hang.
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

function after<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());
}

function describeExit(exit: PlaygroundExit): string {
  return exit.signal !== null ? `signal ${exit.signal}` : `code ${String(exit.code)}`;
}

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  if (config.identity !== undefined) {
    throw new ConfigError(
      'MICROSOFT_APP_ID',
      'must be unset for npm start: the Playground talks to the bot without auth',
    );
  }
  const port = playgroundPort(process.env);
  const conversationId = process.env.PLAYGROUND_CONVERSATION_ID?.trim() || DEFAULT_CONVERSATION_ID;
  const stopRequested = stopSignal();

  const app = await startApp(config);
  const playgroundLog = path.join(config.dataDir, 'agents-playground.log');
  const playground = await startPlayground({
    messagesUrl: app.messagesUrl,
    port,
    conversationId,
    // DATA_DIR is meant for local files (and ignored by git); left alone, the Playground creates ./devTools/.
    logFile: playgroundLog,
  }).catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });
  const teams = playground.teams.map((team) => `"${team.name}"`).join(', ');
  process.stdout.write(
    `Agents Playground: open ${playground.url} in your browser (bot at ${app.messagesUrl}, installed in the team ${teams}). Ctrl-C stops both.\n`,
  );

  const first = await Promise.race([
    stopRequested.then(() => 'signal' as const),
    playground.exited.then(() => 'exited' as const),
  ]);
  const stoppedBySignal =
    first === 'signal' || (await Promise.race([stopRequested.then(() => true), after(SIGNAL_GRACE_MS, false)]));

  if (stoppedBySignal) {
    process.stdout.write('Stopping the Agents Playground and the bot...\n');
    await playground.stop();
    await app.stop();
    return 0;
  }
  const exit = await playground.exited;
  process.stderr.write(
    `Agents Playground exited on its own (${describeExit(exit)}); stopping the bot. Its log: ${playgroundLog}\n`,
  );
  await app.stop();
  return 1;
}

main().then(
  // Exit explicitly: a library timer or socket left open must not keep the terminal waiting after Ctrl-C.
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\nSee deployment/env.example.\n`);
    } else {
      process.stderr.write(`Start failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exit(1);
  },
);
