import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../../bot/app';
import { loadConfig } from '../../../bot/config/app-config';
import { createLogger } from '../../../bot/logging/logger';
import { cardText } from '../../support/bot-under-test';

/** A stand-in for the Bot Framework connector: records every activity the bot posts. */
async function fakeConnector(): Promise<{
  url: string;
  posts: { path: string; body: Record<string, unknown> }[];
  server: Server;
}> {
  const posts: { path: string; body: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', body: body === '' ? {} : (JSON.parse(body) as Record<string, unknown>) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `posted-${posts.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, posts, server };
}

async function standaloneStorage(dataDir: string): Promise<{ child: ChildProcess; endpoint: string; key: string }> {
  const script = path.join(__dirname, '..', '..', '..', 'bot', 'storage', 'embedded-cosmos.main.js');
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) =>
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().split('\n')[0] ?? '')),
  );
  const { endpoint, key } = JSON.parse(line) as { endpoint: string; key: string };
  return { child, endpoint, key };
}

describe('the morning post, two bot instances sharing one standalone Cosmos-compatible server', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  let storage: Awaited<ReturnType<typeof standaloneStorage>>;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  const apps: RunningApp[] = [];
  let now = new Date('2026-02-03T07:20:00Z'); // Tuesday 08:20 in Copenhagen

  const dir = () => {
    const created = mkdtempSync(path.join(tmpdir(), 'jobcenter-sched-'));
    dirs.push(created);
    return created;
  };

  before(async () => {
    storage = await standaloneStorage(dir());
    connector = await fakeConnector();
    for (let i = 0; i < 2; i += 1) {
      apps.push(
        await startApp(
          loadConfig({ PORT: '0', DATA_DIR: dir(), COSMOS_ENDPOINT: storage.endpoint, COSMOS_KEY: storage.key }),
          {
            logger: createLogger('silent'),
            clock: { now: () => now },
            scheduler: false,
          },
        ),
      );
    }
  });
  after(async () => {
    for (const app of apps) await app.stop();
    storage?.child.kill('SIGTERM');
    connector?.server.close();
    for (const created of dirs) rmSync(created, { recursive: true, force: true });
  });

  async function post(app: RunningApp, body: Record<string, unknown>): Promise<string> {
    const response = await fetch(app.messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `m-${Math.random()}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        deliveryMode: 'expectReplies',
        from: { id: 'leader-1', name: 'Lene Leder' },
        recipient: { id: 'bot', name: 'Jobcenterbot' },
        conversation: { id: '19:morning@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-sched' },
        channelData: { team: { id: '19:team@thread.tacv2' }, tenant: { id: 'tenant-sched' } },
        ...body,
      }),
    });
    const json = (await response.json()) as { activities: { attachments?: { content: unknown }[] }[] };
    return json.activities.map((activity) => cardText(activity.attachments?.[0]?.content)).join('\n');
  }

  it('when a leader sets up the channel, then it is confirmed; in a personal chat it is refused with a Danish hint', async () => {
    const [first] = apps;
    assert.ok(first !== undefined);
    assert.match(
      await post(first, {
        type: 'message',
        text: '<at>Jobcenterbot</at> morgenmøde her kl. 8.30',
        entities: [{ type: 'mention', mentioned: { id: 'bot' }, text: '<at>Jobcenterbot</at>' }],
      }),
      /Morgenmødet er sat op her/,
    );
    assert.match(
      await post(first, {
        type: 'message',
        text: 'morgenmøde her',
        conversation: { id: 'a:personal', conversationType: 'personal', tenantId: 'tenant-sched' },
      }),
      /Skriv det i teamets kanal/,
    );
    assert.match(await post(first, { type: 'message', text: 'morgenmøde nu' }), /Tavlen/);
  });

  it('when both instances tick before, at and after the time, then the board is posted exactly once, to the channel', async () => {
    const [first, second] = apps;
    assert.ok(first !== undefined && second !== undefined);
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    assert.equal(connector.posts.length, 0, 'not before 08:30');
    now = new Date('2026-02-03T07:30:00Z');
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    now = new Date('2026-02-03T07:31:00Z');
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    assert.equal(connector.posts.length, 1);
    assert.match(connector.posts[0]?.path ?? '', /\/v3\/conversations\/19%3Amorning%40thread\.tacv2\/activities/);
    assert.match(cardText((connector.posts[0]?.body.attachments as { content: unknown }[])[0]?.content), /^Tavlen/);
  });

  it('when an instance restarts after the post, then it does not post again that day', async () => {
    const restarted = await startApp(
      loadConfig({ PORT: '0', DATA_DIR: dir(), COSMOS_ENDPOINT: storage.endpoint, COSMOS_KEY: storage.key }),
      { logger: createLogger('silent'), clock: { now: () => now }, scheduler: false },
    );
    apps.push(restarted);
    now = new Date('2026-02-03T08:00:00Z');
    await restarted.runScheduledJobs();
    assert.equal(connector.posts.length, 1);
  });
});
