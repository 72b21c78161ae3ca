import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../bot/app';
import { loadConfig } from '../../bot/config/app-config';
import { createLogger } from '../../bot/logging/logger';
import { startEchoBot } from './echo-bot.server';

/**
 * One bot under measurement, in its own process so the load generator's CPU is not counted. Reports
 * its port, then answers each "cpu" message with its own CPU time so far.
 */
async function main(): Promise<void> {
  const which = process.argv[2];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jobcenter-bench-'));
  const target =
    which === 'echo'
      ? await startEchoBot()
      : await startApp(loadConfig({ PORT: '0', DATA_DIR: dataDir }), { logger: createLogger('silent') });
  process.on('message', (message) => {
    if (message === 'cpu') {
      const usage = process.cpuUsage();
      process.send?.({ cpuMicros: usage.user + usage.system, rss: process.memoryUsage().rss });
    } else if (message === 'stop') {
      void target.stop().finally(() => {
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
    }
  });
  process.send?.({ port: target.port });
}

void main();
