import { startApp } from '../../bot/app';
import { loadConfig } from '../../bot/config/app-config';
import type { ClockControlReply, ClockControlRequest } from './clock-controlled-bot';

/**
 * A test-only entry point: the bot as `bot/main.ts` starts it, except that its clock and its minute
 * scheduler are driven by the parent process over IPC, so that a test can take several real bot
 * processes through a morning without waiting for the wall clock. `TEST_CLOCK_START` (ISO) is the
 * time until the first request sets another. Nothing in `bot/` knows about it.
 */
async function main(): Promise<void> {
  const start = process.env['TEST_CLOCK_START'];
  let now = start === undefined ? new Date() : new Date(start);
  const app = await startApp(loadConfig(process.env), { clock: { now: () => now }, scheduler: false });
  const reply = (message: ClockControlReply): void => {
    process.send?.(message);
  };
  process.on('message', (message: ClockControlRequest) => {
    now = new Date(message.now);
    if (message.kind === 'set-clock') {
      reply({ id: message.id, kind: 'done' });
      return;
    }
    app.runScheduledJobs().then(
      () => reply({ id: message.id, kind: 'done' }),
      (error: unknown) => reply({ id: message.id, kind: 'failed', error: String(error) }),
    );
  });
  // The parent went away (a test run killed or crashed): do not linger as an orphan.
  process.once('disconnect', () => process.exit(1));
  process.stdout.write(`Bot listening: ${app.messagesUrl}\n`);
  process.once('SIGTERM', () => {
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`Start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
