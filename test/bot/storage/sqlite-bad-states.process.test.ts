import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync, closeSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SqliteDocumentStore } from '../../../bot/storage/sqlite/sqlite-document.store';
import { SQLITE_FILE } from '../../../bot/storage/storage';
import { cardSubmitActivity, messageActivity, type ActivityOptions } from '../../support/activities';
import { exited, killIfRunning, spawnBot, MAIN_SCRIPT, type BotProcess } from '../../support/bot-process';
import { cardText } from '../../support/bot-under-test';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector';
import { openingRegistration } from '../../support/opening-registration';
import { postActivity } from '../../support/running-bot';
import { joinTeam, TEST_TEAM } from '../../support/test-team';

type Reply = { text?: string; attachments?: { content: unknown }[] };

const LEADER = { id: 'leader-1', name: 'Lise Leder' };
const CONSULTANT = { id: 'vk-1', name: 'Vera Konsulent' };
const AS_CONSULTANT: ActivityOptions = { user: CONSULTANT };
const DISK_FULL = /Der er ikke mere plads på disken/;
const BUSY = /Datafilen var optaget af en anden proces/;

/** The company names of the team's stored openings, read from the file as another process would. */
function storedCompanies(dataDir: string): Set<string> {
  const store = new SqliteDocumentStore(path.join(dataDir, SQLITE_FILE), { checkpointDelayMs: 0 });
  try {
    return new Set(store.list<{ companyName: string }>('openings', TEAM_ID).map((row) => row.value.companyName));
  } finally {
    store.close();
  }
}
const TEAM_ID = TEST_TEAM.id;

/**
 * The embedded SQLite store's bad states with the real bot as its own process (issue 14): a kill
 * during concurrent writes, a full disk, another process holding the write lock, and a data file
 * that is not the bot's. Nothing acknowledged is lost, and the user hears what happened in Danish.
 */
describe('the bot on its SQLite file in bad states', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  let connector: FakeConnector;
  const bots: BotProcess[] = [];

  const dir = (): string => {
    const created = mkdtempSync(path.join(tmpdir(), 'jobcenter-badstate-'));
    dirs.push(created);
    return created;
  };
  async function startBot(dataDir: string, join = true): Promise<BotProcess> {
    const bot = await spawnBot({ DATA_DIR: dataDir });
    bots.push(bot);
    if (join) await joinTeam(bot.baseUrl, connector, LEADER, [CONSULTANT]);
    return bot;
  }
  async function register(bot: BotProcess, companyName: string): Promise<string> {
    const { status, json } = await postActivity(
      bot.baseUrl,
      cardSubmitActivity(openingRegistration(companyName), AS_CONSULTANT),
    );
    assert.equal(status, 200);
    return ((json as { activities: Reply[] }).activities ?? [])
      .map((reply) => reply.text ?? cardText(reply.attachments?.[0]?.content))
      .join('\n');
  }

  before(async () => {
    connector = await startFakeConnector();
  });
  after(async () => {
    for (const bot of bots) await killIfRunning(bot.child);
    await connector?.close();
    for (const created of dirs) rmSync(created, { recursive: true, force: true });
  });

  it('when the bot is killed (SIGKILL) during concurrent registrations, then every acknowledged one is in the file and the bot starts again on it', async () => {
    const dataDir = dir();
    const bot = await startBot(dataDir);
    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 8 }, async (_, writer) => {
      for (let index = 0; !stop; index += 1) {
        const name = `Kvitteret ${writer}-${index} A/S`;
        try {
          if (/Registreret/.test(await register(bot, name))) acknowledged.push(name);
        } catch {
          return; // the connection died with the process
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    bot.child.kill('SIGKILL');
    assert.equal(await exited(bot.child), 'SIGKILL');
    stop = true;
    await Promise.all(writers);
    assert.ok(acknowledged.length >= 10, `only ${acknowledged.length} registrations were acknowledged before the kill`);

    const stored = storedCompanies(dataDir);
    const lost = acknowledged.filter((name) => !stored.has(name));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged registrations were lost`);

    const again = await startBot(dataDir, false);
    assert.match(await register(again, 'Efter Genstart A/S'), /Registreret/);
  });

  it('when another process holds the write lock, then a write waits for it; held for longer than the wait, the user is told in Danish and nothing is half-stored', async () => {
    const dataDir = dir();
    const bot = await startBot(dataDir);
    const file = path.join(dataDir, SQLITE_FILE);
    // A second process takes the write lock for `ms` (as a backup tool or a stuck bot process might).
    const holdLock = (ms: number) => {
      const child = spawn(
        process.execPath,
        [
          '-e',
          `const { DatabaseSync } = require('node:sqlite');
           const db = new DatabaseSync(process.argv[1]);
           db.exec('BEGIN IMMEDIATE');
           process.stdout.write('locked\\n');
           setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));`,
          file,
          String(ms),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      return new Promise<typeof child>((resolve) => child.stdout.once('data', () => resolve(child)));
    };

    const short = await holdLock(1000);
    assert.match(await register(bot, 'Ventede Kort A/S'), /Registreret/, 'a lock held for a second is waited for');
    await exited(short);

    const long = await holdLock(9000);
    const started = Date.now();
    const answer = await register(bot, 'Ventede Længe A/S');
    assert.match(answer, BUSY);
    assert.ok(Date.now() - started < 8000, 'the user is told before Teams gives up');
    await exited(long);
    assert.equal(storedCompanies(dataDir).has('Ventede Længe A/S'), false, 'the refused write is not stored');
    assert.match(await register(bot, 'Efter Låsen A/S'), /Registreret/, 'the bot writes again once the lock is free');
  });

  it('when the disk is full, then the user is told in Danish, what was stored stays, and the bot stores again by itself once there is space', async function () {
    const mountPoint = dir();
    // A small filesystem of its own, so the test fills it and not the machine's disk.
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint]);
    if (mounted.status !== 0) {
      this.skip(); // mounting needs root (CI has it); the store's own handling is the same code path as below
    }
    try {
      const dataDir = path.join(mountPoint, 'data');
      mkdirSync(dataDir);
      const bot = await startBot(dataDir);
      assert.match(await register(bot, 'Før Fuld Disk A/S'), /Registreret/);
      // Another program fills the rest of the disk.
      const filler = path.join(mountPoint, 'filler');
      const fd = openSync(filler, 'w');
      const block = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) writeSync(fd, block);
      } catch {
        // ENOSPC: full
      } finally {
        closeSync(fd);
      }
      let full = '';
      for (let attempt = 0; attempt < 20 && !DISK_FULL.test(full); attempt += 1) {
        full = await register(bot, `Fuld Disk ${attempt} A/S`);
      }
      assert.match(full, DISK_FULL);
      assert.equal(bot.child.exitCode, null, 'the bot keeps running');
      assert.match(
        await postActivity(bot.baseUrl, messageActivity('stillinger', AS_CONSULTANT)).then(({ json }) =>
          JSON.stringify(json),
        ),
        /Før Fuld Disk A\/S/,
        'what was stored can still be read',
      );

      unlinkSync(filler);
      assert.match(await register(bot, 'Efter Oprydning A/S'), /Registreret/, 'no restart needed');
      await killIfRunning(bot.child);
      const stored = storedCompanies(dataDir);
      assert.ok(stored.has('Før Fuld Disk A/S') && stored.has('Efter Oprydning A/S'));
    } finally {
      spawnSync('umount', ['-l', mountPoint]);
    }
  });

  it('when the data file is not the bot’s, is damaged, or is from a newer version, then the bot does not start, names the file, and leaves it as it was', async () => {
    const cases: [string, (file: string) => void, RegExp][] = [
      [
        'another program’s database',
        (file) => {
          const db = new DatabaseSync(file);
          db.exec(
            'CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices VALUES (1, 99.5);',
          );
          db.close();
        },
        /tilhører et andet program.*npm run cli -- backup/,
      ],
      ['a damaged file', (file) => writeFileSync(file, 'x'.repeat(4096)), /kan ikke læses.*npm run cli -- backup/],
      [
        'a file from a newer version',
        (file) => {
          new SqliteDocumentStore(file, { checkpointDelayMs: 0 }).close();
          const db = new DatabaseSync(file);
          db.exec('PRAGMA user_version = 99');
          db.close();
        },
        /nyere version af botten \(skema 99/,
      ],
    ];
    for (const [what, make, expected] of cases) {
      const dataDir = dir();
      const file = path.join(dataDir, SQLITE_FILE);
      make(file);
      const before = spawnSync('sha256sum', [file]).stdout.toString();
      const child = spawn(process.execPath, [MAIN_SCRIPT], {
        env: { PATH: process.env.PATH, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      assert.equal(await exited(child), 1, what);
      assert.match(stderr.replace(/\n/g, ' '), expected, what);
      assert.ok(stderr.includes(file), `${what}: the file is named`);
      assert.equal(spawnSync('sha256sum', [file]).stdout.toString(), before, `${what}: the file is unchanged`);
    }
  });
});
