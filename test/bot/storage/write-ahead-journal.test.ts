import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as sinon from 'sinon';
import { WriteAheadJournal } from '../../../bot/storage/write-ahead-journal';

/** Blocks the thread for `ms`, as a slow disk's fdatasync would. */
function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('WriteAheadJournal syncs', () => {
  let dir: string;
  let sandbox: sinon.SinonSandbox;
  let journal: WriteAheadJournal | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-test-'));
    sandbox = sinon.createSandbox();
  });

  afterEach(async () => {
    sandbox.restore();
    await journal?.close();
    journal = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function lines(): unknown[] {
    return fs
      .readFileSync(path.join(dir, 'j.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as unknown);
  }

  it('when the disk syncs fast, then the appends of one turn of the event loop share one sync on the event loop', async () => {
    // "Fast" is up to the limit; a generous one keeps this test independent of the test machine's disk.
    journal = WriteAheadJournal.open({ dir, name: 'j', inlineSyncLimitMs: 1000 }).journal;
    const inline = sandbox.spy(nodeFs, 'fdatasyncSync');
    const pooled = sandbox.spy(nodeFs, 'fdatasync');
    await Promise.all([journal.append({ n: 1 }), journal.append({ n: 2 }), journal.append({ n: 3 })]);
    assert.equal(inline.callCount, 1);
    assert.equal(pooled.callCount, 0);
    await journal.append({ n: 4 });
    assert.equal(inline.callCount, 2);
    assert.deepEqual(lines(), [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
  });

  it('when syncs become slow, then they go to the thread pool, and appends made meanwhile share the next one', async () => {
    journal = WriteAheadJournal.open({ dir, name: 'j', inlineSyncLimitMs: 20 }).journal;
    const realSync = nodeFs.fdatasyncSync;
    const inline = sandbox.stub(nodeFs, 'fdatasyncSync').callsFake((fd: number) => {
      realSync(fd);
      blockFor(200);
    });
    const pooled = sandbox.spy(nodeFs, 'fdatasync');
    await journal.append({ n: 1 });
    assert.equal(inline.callCount, 1, 'the first is still made on the event loop, and measured');

    const first = journal.append({ n: 2 });
    const during = [journal.append({ n: 3 }), journal.append({ n: 4 })];
    await Promise.all([first, ...during]);
    assert.equal(inline.callCount, 1);
    assert.ok(pooled.callCount >= 1 && pooled.callCount <= 2, `thread-pool syncs: ${pooled.callCount}`);
    assert.deepEqual(lines(), [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
  });

  it('when the limit is 0, then every sync is made in the thread pool', async () => {
    journal = WriteAheadJournal.open({ dir, name: 'j', inlineSyncLimitMs: 0 }).journal;
    const inline = sandbox.spy(nodeFs, 'fdatasyncSync');
    const pooled = sandbox.spy(nodeFs, 'fdatasync');
    // The first append's sync starts at once; the two made while it runs share the next.
    await Promise.all([journal.append({ n: 1 }), journal.append({ n: 2 }), journal.append({ n: 3 })]);
    assert.equal(inline.callCount, 0);
    assert.equal(pooled.callCount, 2);
  });

  it('when a sync on the event loop fails, then the append is rejected and the journal refuses every later one', async () => {
    journal = WriteAheadJournal.open({ dir, name: 'j', inlineSyncLimitMs: 1000 }).journal;
    sandbox.stub(nodeFs, 'fdatasyncSync').throws(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }));
    await assert.rejects(journal.append({ n: 1 }), /could not be written durably: EIO/);
    sandbox.restore();
    await assert.rejects(journal.append({ n: 2 }), /could not be written durably/);
  });
});
