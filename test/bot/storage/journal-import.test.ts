import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OLD_JOURNAL } from '../../../bot/storage/sqlite/journal-import';
import { SqliteDocumentStore } from '../../../bot/storage/sqlite/sqlite-document.store';
import { openSqliteStorage, SQLITE_FILE, type Storage } from '../../../bot/storage/storage';

/**
 * A journal the embedded Cosmos server of the previous version wrote (made with that version's
 * repositories): a team with its roster, a personal-chat installation later patched with the team, a
 * screening created then replaced, a second one created then deleted, an opening and an audit event.
 */
const FIXTURE = path.join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'test',
  'bot',
  'storage',
  'fixtures',
  'old-embedded-cosmos.jsonl',
);
const TEAM = '19:old-team@thread.tacv2';
const COSMOS = { endpoint: undefined, key: undefined, database: 'jobcenter' };

describe('importing the old embedded server’s journal into SQLite', () => {
  let dataDir: string;
  let storage: Storage | undefined;
  const open = () => (storage = openSqliteStorage({ dataDir, cosmos: COSMOS, sqlite: { checkpointDelayMs: 0 } }));
  const journal = () => path.join(dataDir, OLD_JOURNAL);

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'jobcenter-import-'));
    copyFileSync(FIXTURE, journal());
  });
  afterEach(async () => {
    await storage?.close();
    storage = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when the bot starts on a folder with the old journal, then its documents are in SQLite as they last were, and the journal is renamed, not imported twice', async () => {
    const { repositories } = open();
    assert.equal(existsSync(journal()), false);
    assert.ok(existsSync(`${journal()}.imported`), 'renamed, nothing deleted');

    assert.equal((await repositories.teamDirectory.getTeam(TEAM))?.value.name, 'Jobcenter Nord');
    assert.deepEqual(await repositories.teamDirectory.teamsOf('u-cw'), [TEAM], 'the roster answers who is in the team');
    assert.deepEqual(await repositories.teamDirectory.teamsOfTenant('tenant-old'), [TEAM]);
    const installation = await repositories.installations.get('tenant-old', 'conv-personal-1');
    assert.equal(installation?.teamId, TEAM, 'the patch after the create is applied');
    assert.equal((installation?.reference as { serviceUrl?: string }).serviceUrl, 'https://smba.example/');
    assert.equal(
      (await repositories.installations.findPersonal('tenant-old', 'u-cw'))?.conversationId,
      'conv-personal-1',
    );
    assert.equal((await repositories.screenings.get(TEAM, 'scr-1'))?.value.sectionIndex, 2, 'the replace is applied');
    assert.equal(await repositories.screenings.get(TEAM, 'scr-2'), undefined, 'the delete is applied');
    assert.deepEqual(
      (await repositories.openings.listForBoard(TEAM, '2026-11-01')).map((opening) => opening.companyName),
      ['Bageriet ApS'],
    );
    assert.equal((await repositories.audit.listFor(TEAM, 'scr-1'))[0]?.detail, 'oprettet');

    // Changed after the import, then opened again: the renamed journal is not imported over it.
    await repositories.screenings.delete(TEAM, 'scr-1');
    await storage?.close();
    const again = open();
    assert.equal(await again.repositories.screenings.get(TEAM, 'scr-1'), undefined);
  });

  it('when the last line was torn by a crash (never acknowledged), then it is left out and the rest imported', async () => {
    appendFileSync(journal(), '{"m":"POST","u":"/dbs/jobcenter/colls/openings/docs","b":{"id":"torn"');
    const { repositories } = open();
    assert.equal((await repositories.openings.get(TEAM, 'op-1'))?.value.companyName, 'Bageriet ApS');
    assert.equal(await repositories.openings.get(TEAM, 'torn'), undefined);
  });

  it('when a line in the middle is damaged, then the start is refused naming the file and line, nothing is imported, and the journal stays', () => {
    const lines = readFileSync(journal(), 'utf8').split('\n');
    lines[15] = '{ not json';
    const damaged = lines.join('\n');
    writeFileSync(journal(), damaged);
    const refused = /embedded-cosmos\.jsonl\.importing kan ikke læses ved linje 16 .*Botten starter ikke/;
    assert.throws(open, refused);
    // Refused again on the next start: the journal waits, unchanged, to be restored or moved away.
    assert.throws(open, refused);
    assert.equal(readFileSync(`${journal()}.importing`, 'utf8'), damaged);
    storage = undefined;
    const db = new SqliteDocumentStore(path.join(dataDir, SQLITE_FILE), { checkpointDelayMs: 0 });
    try {
      assert.deepEqual(db.list('teamRosters', TEAM), [], 'nothing was imported');
    } finally {
      db.close();
    }
  });
});
