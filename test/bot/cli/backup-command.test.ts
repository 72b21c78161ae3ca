import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../bot/cli/cli';
import { openSqliteStorage, SQLITE_FILE, type Storage } from '../../../bot/storage/storage';
import { screeningRecord } from '../../support/screening-record.fixture';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err };
}

const COSMOS = { endpoint: undefined, key: undefined, database: 'jobcenter' };

describe('npm run cli -- backup <file>', () => {
  let dir: string;
  let dataDir: string;
  let running: Storage | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jobcenter-backup-'));
    dataDir = path.join(dir, 'data');
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('when the bot is running, then the backup is a checked copy of every acknowledged write, and a data folder restored from it has them', async () => {
    running = openSqliteStorage({ dataDir, cosmos: COSMOS, sqlite: { checkpointDelayMs: 0 } });
    for (let index = 0; index < 50; index += 1) {
      await running.repositories.screenings.create(
        screeningRecord({ id: `s-${index}`, teamId: 'team-1', caseReference: `J-${index}` }),
      );
    }
    const target = path.join(dir, 'backup', 'jobcenter-2026-12-06.sqlite');
    mkdirSync(path.dirname(target));
    const { io, out, err } = capture();
    assert.equal(await runCli(['backup', target], io, { DATA_DIR: dataDir }), 0, err.join('\n'));
    const report = JSON.parse(out.join('')) as { to: string; bytes: number; integrity: string };
    assert.equal(report.to, target);
    assert.equal(report.integrity, 'ok');
    assert.equal(statSync(target).mode & 0o777, 0o600, 'the copy holds personal data: its owner only');
    // The bot wrote on while the backup was taken; the backup has what was acknowledged before it.
    await running.repositories.screenings.create(screeningRecord({ id: 's-after', teamId: 'team-1' }));

    const restored = path.join(dir, 'restored');
    mkdirSync(restored);
    copyFileSync(target, path.join(restored, SQLITE_FILE));
    const storage = openSqliteStorage({ dataDir: restored, cosmos: COSMOS, sqlite: { checkpointDelayMs: 0 } });
    try {
      for (let index = 0; index < 50; index += 1) {
        assert.equal(
          (await storage.repositories.screenings.get('team-1', `s-${index}`))?.value.caseReference,
          `J-${index}`,
        );
      }
      assert.equal(await storage.repositories.screenings.get('team-1', 's-after'), undefined);
    } finally {
      await storage.close();
    }
  });

  it('when the target exists, there is no data file, the file is not the bot’s, or Cosmos is configured, then it exits 2 saying why in Danish and writes nothing', async () => {
    const existing = path.join(dir, 'existing.sqlite');
    writeFileSync(existing, 'keep me');
    running = openSqliteStorage({ dataDir, cosmos: COSMOS });
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [['backup', existing], { DATA_DIR: dataDir }, /findes allerede og overskrives ikke/],
      [['backup'], { DATA_DIR: dataDir }, /Angiv filen/],
      [['backup', path.join(dir, 'a.sqlite')], { DATA_DIR: path.join(dir, 'empty') }, /ingen datafil/],
      [
        ['backup', path.join(dir, 'b.sqlite')],
        { DATA_DIR: dataDir, COSMOS_ENDPOINT: 'https://x.documents.azure.com' },
        /Azure Cosmos DB/,
      ],
    ];
    for (const [args, env, expected] of cases) {
      const { io, err } = capture();
      assert.equal(await runCli(args, io, env), 2, args.join(' '));
      assert.match(err.join('\n'), expected);
    }
    const foreign = path.join(dir, 'foreign');
    mkdirSync(foreign);
    writeFileSync(
      path.join(foreign, SQLITE_FILE),
      'not a database at all, but long enough to be read as one '.repeat(20),
    );
    const { io, err } = capture();
    assert.equal(await runCli(['backup', path.join(dir, 'c.sqlite')], io, { DATA_DIR: foreign }), 2);
    assert.match(err.join('\n'), new RegExp(`Datafilen .*${SQLITE_FILE}`));
  });
});
