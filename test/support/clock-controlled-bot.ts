import path from 'node:path';
import { spawnBot, type BotProcess } from './bot-process';

export type ClockControlRequest = { id: number; kind: 'set-clock' | 'tick'; now: string };
export type ClockControlReply = { id: number; kind: 'done' } | { id: number; kind: 'failed'; error: string };

export interface ClockControlledBot extends BotProcess {
  /** Sets the bot's clock. */
  setClock(now: Date): Promise<void>;
  /** Sets the clock and runs the scheduled jobs once, as the minute scheduler would at that minute. */
  tick(now: Date): Promise<void>;
}

const ENTRY_POINT = path.join(__dirname, 'clock-controlled-bot.main.js');

/** A real bot process whose clock and scheduler the test drives (see clock-controlled-bot.main.ts). */
export async function spawnClockControlledBot(env: NodeJS.ProcessEnv, start: Date): Promise<ClockControlledBot> {
  const bot = await spawnBot({ ...env, TEST_CLOCK_START: start.toISOString() }, { script: ENTRY_POINT, ipc: true });
  const { child } = bot;
  let nextId = 0;
  const request = (kind: ClockControlRequest['kind'], now: Date): Promise<void> =>
    new Promise((resolve, reject) => {
      nextId += 1;
      const id = nextId;
      const onMessage = (message: ClockControlReply): void => {
        if (message.id !== id) return;
        cleanup();
        if (message.kind === 'done') resolve();
        else reject(new Error(`${kind} failed in the bot: ${message.error}`));
      };
      const onExit = (code: number | null, signal: string | null): void => {
        cleanup();
        reject(new Error(`the bot exited (${String(code ?? signal)}) before answering ${kind}`));
      };
      const cleanup = (): void => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      if (!child.connected) {
        reject(new Error(`the bot has exited; cannot ${kind}`));
        return;
      }
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ id, kind, now: now.toISOString() } satisfies ClockControlRequest);
    });
  return { ...bot, setClock: (now) => request('set-clock', now), tick: (now) => request('tick', now) };
}
