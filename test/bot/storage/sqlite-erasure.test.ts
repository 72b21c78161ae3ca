import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStorage, SQLITE_FILE } from '../../../bot/storage/storage';
import { screeningRecord } from '../../support/screening-record.fixture';

const COSMOS = { endpoint: undefined, key: undefined, database: 'jobcenter' };

describe('erasure in the SQLite file, with the store as the bot opens it', function () {
  this.timeout(20_000);
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'jobcenter-erasure-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Whether the bytes of the database or its WAL hold `text`. */
  function onDisk(text: string): boolean {
    const file = path.join(dataDir, SQLITE_FILE);
    return [file, `${file}-wal`].some((part) => existsSync(part) && readFileSync(part).includes(Buffer.from(text)));
  }

  it('when a screening is erased while the bot runs, then its case reference and answers leave the database and WAL files within seconds', async () => {
    const storage = openSqliteStorage({ dataDir, cosmos: COSMOS });
    try {
      const reference = 'SLET-MIG-J-2026-4711';
      const answer = 'Svar der skal slettes 8c1f';
      const { screenings } = storage.repositories;
      await screenings.create(
        screeningRecord({ id: 's-erase', teamId: 'team-1', caseReference: reference, answers: { note: answer } }),
      );
      await screenings.create(screeningRecord({ id: 's-keep', teamId: 'team-1', caseReference: 'BEHOLD-J-1' }));
      assert.ok(onDisk(reference), 'the written reference is on disk (so the check below can fail)');

      assert.equal(await screenings.delete('team-1', 's-erase'), 'deleted');
      const started = Date.now();
      while (onDisk(reference) || onDisk(answer)) {
        assert.ok(Date.now() - started < 5000, 'the erased screening is still in the files after 5 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(onDisk('BEHOLD-J-1'), 'the other screening is kept');
    } finally {
      await storage.close();
    }
  });
});
