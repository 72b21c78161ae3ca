import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type AppOverrides, type RunningApp } from '../../bot/app';
import { loadConfig } from '../../bot/config/app-config';
import { createLogger } from '../../bot/logging/logger';

/** The real bot over HTTP on an ephemeral loopback port, with embedded storage in a fresh folder. */
export async function startTestBot(
  env: NodeJS.ProcessEnv = {},
  overrides: AppOverrides = {},
): Promise<RunningApp & { dataDir: string; baseUrl: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jobcenter-bot-test-'));
  // The minute scheduler stays off: tests that need it call runScheduledJobs with their own clock.
  const app = await startApp(loadConfig({ PORT: '0', DATA_DIR: dataDir, ...env }), {
    logger: createLogger('silent'),
    scheduler: false,
    ...overrides,
  });
  return {
    ...app,
    dataDir,
    baseUrl: `http://127.0.0.1:${app.port}`,
    async stop() {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postActivity(
  baseUrl: string,
  body: unknown,
  raw = false,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: raw ? String(body) : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

/** Posts an `expectReplies` activity, asserts a 200, and resolves the replies' cards in order. */
export async function replyCardsOf(
  baseUrl: string,
  activity: Record<string, unknown>,
): Promise<Record<string, unknown>[]> {
  const { status, json } = await postActivity(baseUrl, activity);
  assert.equal(status, 200, `status ${status}: ${JSON.stringify(json)}`);
  const activities = (json as { activities?: { attachments?: { content: Record<string, unknown> }[] }[] }).activities;
  return (activities ?? [])
    .map((activity) => activity.attachments?.[0]?.content)
    .filter((card): card is Record<string, unknown> => card !== undefined);
}
