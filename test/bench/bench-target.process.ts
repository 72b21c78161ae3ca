import { spawn, type ChildProcess } from 'node:child_process';
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
/** The Cosmos emulator (test double) in a process of its own, as a remote Cosmos account would be. */
async function startStorageProcess(): Promise<{ child: ChildProcess; endpoint: string; key: string }> {
  const script = path.join(__dirname, '..', 'support', 'cosmos-emulator.main.js');
  const child = spawn(process.execPath, [script], {
    env: { ...process.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
  });
  const { endpoint, key } = JSON.parse(line) as { endpoint: string; key: string };
  return { child, endpoint, key };
}

async function main(): Promise<void> {
  const which = process.argv[2];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jobcenter-bench-'));
  let storage: ChildProcess | undefined;
  let target: { port: number; stop(): Promise<void> };
  if (which === 'echo') {
    target = await startEchoBot();
  } else if (which === 'remote-storage') {
    const remote = await startStorageProcess();
    storage = remote.child;
    target = await startApp(
      loadConfig({ PORT: '0', DATA_DIR: dataDir, COSMOS_ENDPOINT: remote.endpoint, COSMOS_KEY: remote.key }),
      { logger: createLogger('silent') },
    );
  } else {
    target = await startApp(loadConfig({ PORT: '0', DATA_DIR: dataDir }), { logger: createLogger('silent') });
  }
  process.on('message', (message) => {
    if (message === 'cpu') {
      const usage = process.cpuUsage();
      process.send?.({ cpuMicros: usage.user + usage.system, rss: process.memoryUsage().rss });
    } else if (message === 'stop') {
      void target.stop().finally(() => {
        storage?.kill('SIGTERM');
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
    }
  });
  process.send?.({ port: target.port });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench target ${process.argv[2] ?? ''} failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
