import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS } from '../../../bot/storage/sqlite/sqlite-schema';
import {
  SCHEMA_VERSION,
  SqliteDocumentStore,
  SqliteStoreError,
} from '../../../bot/storage/sqlite/sqlite-document.store';

describe('the SQLite document store', () => {
  let dir: string;
  let file: string;
  let now: number;
  const open = () => new SqliteDocumentStore(file, { now: () => now, busyTimeoutMs: 2000 });

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jobcenter-sqlite-'));
    file = path.join(dir, 'jobcenter.sqlite');
    now = Date.parse('2026-12-07T08:00:00Z');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when documents are created, read, replaced and deleted, then etags guard every change as the Cosmos adapter does', () => {
    const store = open();
    try {
      const etag = store.create('openings', 'team-x', 'o-1', { companyName: 'Bageriet ApS', filled: 0 });
      assert.notEqual(etag, 'conflict');
      assert.equal(store.create('openings', 'team-x', 'o-1', { companyName: 'Other' }), 'conflict');
      assert.equal(
        store.create('openings', 'team-y', 'o-1', { companyName: 'Y' }) === 'conflict',
        false,
        'partitions apart',
      );
      assert.deepEqual(store.get('openings', 'team-x', 'o-1'), {
        value: { companyName: 'Bageriet ApS', filled: 0 },
        etag,
      });
      const next = store.replace(
        'openings',
        'team-x',
        'o-1',
        { companyName: 'Bageriet ApS', filled: 1 },
        etag as string,
      );
      assert.notEqual(next, 'conflict');
      assert.equal(
        store.replace('openings', 'team-x', 'o-1', { companyName: 'Bageriet ApS', filled: 9 }, etag as string),
        'conflict',
        'a stale etag changes nothing',
      );
      assert.equal(store.get<{ filled: number }>('openings', 'team-x', 'o-1')?.value.filled, 1);
      assert.deepEqual(
        store.list('openings', 'team-x').map((row) => row.id),
        ['o-1'],
      );
      assert.equal(store.delete('openings', 'team-x', 'o-1'), 'deleted');
      assert.equal(store.delete('openings', 'team-x', 'o-1'), 'absent');
      assert.equal(store.get('openings', 'team-x', 'o-1'), undefined);
      assert.equal(store.replace('openings', 'team-x', 'o-1', {}, next as string), 'conflict', 'gone');
    } finally {
      store.close();
    }
  });

  it('when the file is opened, then it is in WAL mode with synchronous FULL and secure_delete, stamped with its schema', () => {
    open().close();
    const raw = new DatabaseSync(file);
    try {
      assert.equal((raw.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode, 'wal');
      assert.equal((raw.prepare('PRAGMA user_version').get() as { user_version: number }).user_version, SCHEMA_VERSION);
    } finally {
      raw.close();
    }
    const store = open();
    try {
      const pragma = (name: string) =>
        Object.values(
          (store as unknown as { db: DatabaseSync }).db.prepare(`PRAGMA ${name}`).get() as Record<string, unknown>,
        )[0];
      assert.equal(pragma('synchronous'), 2, 'FULL');
      assert.equal(pragma('secure_delete'), 1);
    } finally {
      store.close();
    }
  });

  it('when a table has a time to live (turn claims: a week, as the Cosmos container), then a row is gone after it, also to a create, and the sweep removes it', () => {
    const store = open();
    const week = 7 * 24 * 3600 * 1000;
    try {
      store.create('processedActivities', 'c-1', 'a-1', { at: now });
      now += week - 1000;
      assert.ok(store.get('processedActivities', 'c-1', 'a-1'));
      assert.equal(store.create('processedActivities', 'c-1', 'a-1', { at: now }), 'conflict', 'still claimed');
      now += 2000;
      assert.equal(store.get('processedActivities', 'c-1', 'a-1'), undefined);
      assert.notEqual(store.create('processedActivities', 'c-1', 'a-1', { at: now }), 'conflict');
      store.create('processedActivities', 'c-2', 'a-2', { at: now });
      store.create('screenings', 'team-x', 's-1', { kept: true });
      now += week + 1;
      assert.equal(store.sweepExpired(), 2);
      assert.ok(store.get('screenings', 'team-x', 's-1'), 'a table without a time to live keeps its rows');
    } finally {
      store.close();
    }
  });

  it('when a document is erased and the store checkpointed, then its content is in neither the database nor the WAL file', () => {
    const store = open();
    const marker = 'ERASE-ME-J-2026-4711';
    try {
      store.create('screenings', 'team-x', 's-1', { caseReference: marker });
      store.create('screenings', 'team-x', 's-2', { caseReference: 'keep' });
      store.delete('screenings', 'team-x', 's-1');
      store.checkpoint();
      for (const part of [file, `${file}-wal`]) {
        if (existsSync(part)) assert.ok(!readFileSync(part).includes(marker), `${path.basename(part)} still holds it`);
      }
      assert.ok(readFileSync(file).includes('keep'), 'the check can see stored text');
    } finally {
      store.close();
    }
  });

  it('when two handles (as two processes) change one document, then only the first with the etag wins', () => {
    const a = open();
    const b = open();
    try {
      const etag = a.create('teamSettings', 'team-x', 'v', { cap: 30 }) as string;
      assert.notEqual(b.replace('teamSettings', 'team-x', 'v', { cap: 40 }, etag), 'conflict');
      assert.equal(a.replace('teamSettings', 'team-x', 'v', { cap: 50 }, etag), 'conflict');
      assert.deepEqual(a.get('teamSettings', 'team-x', 'v')?.value, { cap: 40 });
    } finally {
      a.close();
      b.close();
    }
  });

  it('when the file belongs to another program, is not a database, or is from a newer schema, then the start is refused naming the file, and the file is left as it was', () => {
    const foreign = new DatabaseSync(file);
    foreign.exec('CREATE TABLE customers (name TEXT)');
    foreign.close();
    const before = readFileSync(file);
    assert.throws(
      open,
      (error: unknown) =>
        error instanceof SqliteStoreError && error.code === 'STORE_FOREIGN_FILE' && error.message.includes(file),
    );
    assert.deepEqual(readFileSync(file), before);

    rmSync(file);
    writeFileSync(file, Buffer.from('this is not a database, just some bytes '.repeat(200)));
    assert.throws(
      open,
      (error: unknown) =>
        error instanceof SqliteStoreError && error.code === 'STORE_CORRUPT' && error.message.includes(file),
    );

    rmSync(file);
    open().close();
    const newer = new DatabaseSync(file);
    newer.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    assert.throws(
      open,
      (error: unknown) =>
        error instanceof SqliteStoreError && error.code === 'STORE_NEWER_SCHEMA' && error.message.includes(file),
    );
  });

  it('when the store is closed and opened again, then every acknowledged write is there', () => {
    const store = open();
    for (let index = 0; index < 50; index += 1) store.create('openings', 'team-x', `o-${index}`, { index });
    store.close();
    const again = open();
    try {
      assert.equal(again.list('openings', 'team-x').length, 50);
    } finally {
      again.close();
    }
  });

  it('when a file of schema version 1 is opened, then it is migrated forward with its data, and the new indexes answer', () => {
    const old = new DatabaseSync(file);
    old.exec(MIGRATIONS[0] ?? '');
    old.exec(`PRAGMA application_id = ${0x4a_43_42_31}; PRAGMA user_version = 1;`);
    old
      .prepare('INSERT INTO screenings (partition, id, etag, body) VALUES (?, ?, ?, ?)')
      .run('team-x', 's-1', '"e1"', JSON.stringify({ id: 's-1', teamId: 'team-x', caseReference: 'J-ÆØÅ-1' }));
    old.close();
    const store = open();
    try {
      assert.equal(store.rows<{ user_version: number }>('PRAGMA user_version')[0]?.user_version, SCHEMA_VERSION);
      assert.ok(SCHEMA_VERSION >= 2);
      assert.deepEqual(
        store
          .rows<{ id: string }>("SELECT id FROM screenings WHERE partition = 'team-x' AND reference_key = 'j-æøå-1'")
          .map((row) => row.id),
        ['s-1'],
      );
    } finally {
      store.close();
    }
  });

  it('when a use case changes several documents atomically, then all are kept, or none when it fails part way', async () => {
    const store = open();
    try {
      await store.atomically(async () => {
        store.create('screenings', 'team-x', 's-1', { step: 1 });
        await Promise.resolve();
        store.create('auditEvents', 'team-x', 'e-1', { action: 'create' });
      });
      assert.ok(store.get('screenings', 'team-x', 's-1') && store.get('auditEvents', 'team-x', 'e-1'));
      await assert.rejects(
        store.atomically(async () => {
          store.create('screenings', 'team-x', 's-2', { step: 1 });
          await Promise.resolve();
          throw new Error('the audit trail could not be written');
        }),
        /could not be written/,
      );
      assert.equal(store.get('screenings', 'team-x', 's-2'), undefined, 'the first change went with the failure');
      store.create('screenings', 'team-x', 's-3', { after: true });
      assert.ok(store.get('screenings', 'team-x', 's-3'), 'the store writes on afterwards');
    } finally {
      store.close();
    }
  });

  it('when other work reaches the store while a use case holds its transaction, then it is refused as busy and never joins (nothing it wrote could be rolled back after it was acknowledged)', async () => {
    const store = open();
    try {
      let release: () => void = () => undefined;
      const held = store.atomically(async () => {
        store.create('screenings', 'team-x', 's-1', { step: 1 });
        await new Promise<void>((resolve) => (release = resolve)); // a real wait: other work gets to run
        store.create('auditEvents', 'team-x', 'e-1', { action: 'create' });
      });
      await new Promise((resolve) => setImmediate(resolve));
      assert.throws(() => store.create('openings', 'team-x', 'o-1', {}), { code: 'STORAGE_BUSY' });
      release();
      await held;
      assert.equal(store.get('openings', 'team-x', 'o-1'), undefined);
      assert.ok(store.get('auditEvents', 'team-x', 'e-1'));
      assert.notEqual(store.create('openings', 'team-x', 'o-1', {}), 'conflict', 'and is served once it is over');
    } finally {
      store.close();
    }
  });
});
