import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import * as sinon from 'sinon';
import {
  startEmbeddedCosmos,
  type EmbeddedCosmos,
  type EmbeddedCosmosOptions,
} from '../../../bot/storage/embedded-cosmos.server';
import { DataDirLockedError, JournalCorruptError } from '../../../bot/storage/write-ahead-journal';

const JOURNAL_FILE = 'embedded-cosmos.jsonl';
const LOCK_FILE = 'embedded-cosmos.lock';
const WRITER_FIXTURE = path.join(__dirname, 'fixtures', 'embedded-cosmos-writer.fixture.js');

interface Opened {
  cosmos: EmbeddedCosmos;
  client: CosmosClient;
  database: Database;
  container: Container;
}

describe('startEmbeddedCosmos', () => {
  let dataDir: string;
  let sandbox: sinon.SinonSandbox;
  let opened: Opened[];

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-cosmos-test-'));
    sandbox = sinon.createSandbox();
    opened = [];
  });

  afterEach(async () => {
    for (const { cosmos, client } of opened.splice(0)) {
      client.dispose();
      await cosmos.close();
    }
    sandbox.restore();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(options: Partial<EmbeddedCosmosOptions> = {}): Promise<Opened> {
    const cosmos = await startEmbeddedCosmos({ dataDir, ...options });
    const client = new CosmosClient({
      endpoint: cosmos.endpoint,
      key: cosmos.key,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const { database } = await client.databases.createIfNotExists({ id: 'app' });
    const { container } = await database.containers.createIfNotExists({
      id: 'items',
      partitionKey: { paths: ['/pk'] },
      uniqueKeyPolicy: { uniqueKeys: [{ paths: ['/email'] }] },
      indexingPolicy: {
        compositeIndexes: [
          [
            { path: '/pk', order: 'ascending' },
            { path: '/n', order: 'descending' },
          ],
        ],
      },
    });
    const entry = { cosmos, client, database, container };
    opened.push(entry);
    return entry;
  }

  async function restart(entry: Opened, options: Partial<EmbeddedCosmosOptions> = {}): Promise<Opened> {
    await close(entry);
    return open(options);
  }

  async function close(entry: Opened): Promise<void> {
    opened.splice(opened.indexOf(entry), 1);
    entry.client.dispose();
    await entry.cosmos.close();
  }

  async function contents(container: Container): Promise<Record<string, unknown>> {
    const { resources } = await container.items.readAll().fetchAll();
    return Object.fromEntries(
      resources.map((item) => [
        item.id,
        Object.fromEntries(Object.entries(item).filter(([key]) => !key.startsWith('_'))),
      ]),
    );
  }

  function journalPath(): string {
    return path.join(dataDir, JOURNAL_FILE);
  }

  it('when creates, upserts, replaces, patches and deletes were acknowledged, then a restart shows exactly their outcome', async () => {
    const first = await open();
    const items = first.container;
    await items.items.create({ id: 'created', pk: 'a', email: 'c@x', n: 1 });
    await items.items.upsert({ id: 'upserted', pk: 'a', email: 'u@x', n: 1 });
    const { etag } = await items.items.upsert({ id: 'upserted', pk: 'a', email: 'u@x', n: 2 });
    // Conditioned on an etag that replay will not reproduce, and on a patch condition.
    await items
      .item('upserted', 'a')
      .replace(
        { id: 'upserted', pk: 'a', email: 'u@x', n: 3 },
        { accessCondition: { type: 'IfMatch', condition: etag ?? '' } },
      );
    await items.item('created', 'a').patch({
      condition: 'from c where c.n = 1',
      operations: [
        { op: 'incr', path: '/n', value: 41 },
        { op: 'add', path: '/tags', value: ['x'] },
      ],
    });
    await items.items.create({ id: 'deleted', pk: 'b', email: 'd@x' });
    await items.item('deleted', 'b').delete();
    await items.items.create({ id: 'same-id', pk: 'b', email: 's1@x' });
    await items.items.create({ id: 'same-id', pk: 'c', email: 's2@x' });
    const { container: dropped } = await first.database.containers.create({
      id: 'dropped',
      partitionKey: { paths: ['/id'] },
    });
    await dropped.items.create({ id: 'gone' });
    await dropped.delete();
    const before = await contents(items);

    const second = await restart(first);

    assert.deepEqual(await contents(second.container), before);
    assert.deepEqual((await second.container.item('created', 'a').read()).resource?.tags, ['x']);
    assert.equal((await second.container.item('created', 'a').read()).resource?.n, 42);
    assert.equal((await second.container.item('upserted', 'a').read()).resource?.n, 3);
    assert.equal((await second.container.item('deleted', 'b').read()).statusCode, 404);
    const { resource: definition } = await second.container.read();
    assert.deepEqual(definition?.partitionKey?.paths, ['/pk']);
    assert.deepEqual(definition?.uniqueKeyPolicy, { uniqueKeys: [{ paths: ['/email'] }] });
    assert.deepEqual(definition?.indexingPolicy?.compositeIndexes, [
      [
        { path: '/pk', order: 'ascending' },
        { path: '/n', order: 'descending' },
      ],
    ]);
    const { resources: containers } = await second.database.containers.readAll().fetchAll();
    assert.deepEqual(containers.map((container) => container.id).sort(), ['items']);
    await assert.rejects(second.container.items.create({ id: 'other', pk: 'a', email: 'c@x' }), { code: 409 });
    await assert.rejects(second.container.items.create({ id: 'created', pk: 'a', email: 'new@x' }), { code: 409 });
  });

  it('when a batch partly failed, then a restart keeps exactly the operations the server applied', async () => {
    const first = await open();
    await first.container.items.create({ id: 'taken', pk: 'a', email: 't@x' });
    const { result } = await first.container.items.batch(
      [
        { operationType: 'Create', resourceBody: { id: 'b1', pk: 'a', email: 'b1@x' } },
        { operationType: 'Create', resourceBody: { id: 'taken', pk: 'a', email: 'other@x' } },
        { operationType: 'Create', resourceBody: { id: 'b2', pk: 'a', email: 'b2@x' } },
      ],
      'a',
    );
    // The package applies a batch operation by operation and never rolls back; replay must agree.
    assert.deepEqual(
      result?.map((operation) => operation.statusCode),
      [201, 409, 424],
    );
    const before = await contents(first.container);

    const second = await restart(first);

    assert.deepEqual(await contents(second.container), before);
    assert.deepEqual(Object.keys(before).sort(), ['b1', 'taken']);
  });

  it('when the last journal line is torn, then it is dropped with a warning and later writes stay durable', async () => {
    const first = await open();
    await first.container.items.create({ id: 'kept', pk: 'a', email: 'k@x' });
    await close(first);
    fs.appendFileSync(journalPath(), '{"m":"POST","u":"/dbs/app/colls/items/docs","b":{"id":"torn","pk":"a","ema');
    const warn = sandbox.spy();

    const second = await open({ logger: { warn } });
    await second.container.items.create({ id: 'after', pk: 'a', email: 'a@x' });
    const third = await restart(second);

    assert.deepEqual(Object.keys(await contents(third.container)).sort(), ['after', 'kept']);
    sinon.assert.calledOnce(warn);
    const [fields, message] = warn.firstCall.args as [Record<string, unknown>, string];
    assert.match(message, /torn/);
    assert.equal(fields['file'], journalPath());
    assert.doesNotMatch(JSON.stringify(fields), /torn"|ema/);
  });

  it('when a line before the last is not JSON, then start fails naming the file and line, and releases the lock', async () => {
    const first = await open();
    await first.container.items.create({ id: 'one', pk: 'a', email: '1@x' });
    await close(first);
    const lines = fs.readFileSync(journalPath(), 'utf8').split('\n');
    lines.splice(1, 0, '{"m":"POST","u":');
    fs.writeFileSync(journalPath(), lines.join('\n'));

    for (let attempt = 0; attempt < 2; attempt += 1) {
      await assert.rejects(startEmbeddedCosmos({ dataDir }), (error: unknown) => {
        assert.ok(error instanceof JournalCorruptError);
        assert.equal(error.lineNumber, 2);
        assert.ok(error.message.includes(`${journalPath()} is corrupt at line 2`));
        return true;
      });
    }
    assert.equal(fs.existsSync(path.join(dataDir, LOCK_FILE)), false);
  });

  it('when a journaled line is not a request or fails on replay, then start fails naming the line', async () => {
    const cases: [string, RegExp][] = [
      ['42', /is corrupt at line 2: the line is not a journaled request/],
      ['{"m":"DELETE","u":"/dbs/missing"}', /line 2 \(DELETE \/dbs\/missing\) returned status 404/],
    ];
    for (const [line, expected] of cases) {
      fs.writeFileSync(journalPath(), `{"m":"POST","u":"/dbs","b":{"id":"app"}}\n${line}\n`);

      await assert.rejects(startEmbeddedCosmos({ dataDir }), expected);
      assert.equal(fs.existsSync(path.join(dataDir, LOCK_FILE)), false);
    }
  });

  it('when the journal is replayed on start, then it is compacted: the state is kept and the file shrinks', async () => {
    const first = await open();
    for (let round = 0; round < 50; round += 1) {
      await Promise.all(
        ['a', 'b', 'c'].map((id) => first.container.items.upsert({ id, pk: 'p', email: `${id}@x`, round })),
      );
    }
    await first.container.items.create({ id: 'removed', pk: 'p', email: 'r@x' });
    await first.container.item('removed', 'p').delete();
    const before = await contents(first.container);
    await close(first);
    const sizeBefore = fs.statSync(journalPath()).size;

    const second = await open();

    const sizeAfter = fs.statSync(journalPath()).size;
    assert.ok(sizeAfter * 5 < sizeBefore, `journal went from ${sizeBefore} to ${sizeAfter} bytes`);
    assert.deepEqual(await contents(second.container), before);
    assert.equal(fs.readFileSync(journalPath(), 'utf8').split('\n').filter(Boolean).length, 2 + 3);
    assert.deepEqual(fs.readdirSync(dataDir).sort(), [JOURNAL_FILE, LOCK_FILE]);
  });

  it('when the journal outgrows compactAfterBytes while running, then it is compacted without losing writes', async () => {
    const first = await open({ compactAfterBytes: 4096 });
    for (let round = 0; round < 200; round += 1) {
      await first.container.items.upsert({ id: `doc-${round % 5}`, pk: 'p', email: `${round % 5}@x`, round });
    }
    const before = await contents(first.container);

    assert.ok(fs.statSync(journalPath()).size < 8192, `journal is ${fs.statSync(journalPath()).size} bytes`);
    const second = await restart(first);
    assert.deepEqual(await contents(second.container), before);
  });

  /** Waits until the journal file no longer holds `text` (a rewrite runs on a timer). */
  async function journalDrops(text: string, withinMs = 5000): Promise<void> {
    const deadline = Date.now() + withinMs;
    while (fs.readFileSync(journalPath(), 'utf8').includes(text)) {
      if (Date.now() > deadline) assert.fail(`the journal still holds ${text} after ${withinMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('when a document is deleted, then the journal is soon rewritten without it, so erased data leaves the folder', async () => {
    const first = await open({ erasureCompactionDelayMs: 50 });
    await first.container.items.create({ id: 'erased', pk: 'p', email: 'a@x', answers: 'ERASE-ME-7731' });
    await first.container.items.create({ id: 'kept', pk: 'p', email: 'b@x', answers: 'KEEP-ME-4410' });
    assert.ok(fs.readFileSync(journalPath(), 'utf8').includes('ERASE-ME-7731'));

    await first.container.item('erased', 'p').delete();
    await journalDrops('ERASE-ME-7731');
    assert.ok(fs.readFileSync(journalPath(), 'utf8').includes('KEEP-ME-4410'), 'the rest is kept');
    const second = await restart(first);
    assert.deepEqual(Object.keys(await contents(second.container)), ['kept']);
  });

  it('when a replace removes a value, then the periodic rewrite drops the old version from the journal', async () => {
    const first = await open({ periodicCompactionMs: 50 });
    await first.container.items.create({ id: 'screening', pk: 'p', email: 'a@x', answers: 'OLD-ANSWERS-5190' });
    await first.container.item('screening', 'p').replace({ id: 'screening', pk: 'p', email: 'a@x', answers: null });
    await journalDrops('OLD-ANSWERS-5190');
    const second = await restart(first);
    assert.deepEqual(await contents(second.container), {
      screening: { id: 'screening', pk: 'p', email: 'a@x', answers: null },
    });
  });

  it('when queries and failed writes are sent, then nothing is journaled', async () => {
    const first = await open();
    await first.container.items.create({ id: 'x', pk: 'a', email: 'x@x', n: 1 });
    const size = fs.statSync(journalPath()).size;

    const { resources } = await first.container.items
      .query({ query: 'SELECT * FROM c WHERE c.n = @n', parameters: [{ name: '@n', value: 1 }] })
      .fetchAll();
    await assert.rejects(first.container.items.create({ id: 'x', pk: 'a', email: 'y@x' }), { code: 409 });
    await assert.rejects(first.container.item('missing', 'a').delete(), { code: 404 });
    const badJson = await fetch(`${first.cosmos.endpoint}dbs/app/colls/items/docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"id":',
    });

    assert.deepEqual(
      resources.map((item) => item.id),
      ['x'],
    );
    assert.equal(badJson.status, 400);
    assert.equal(fs.statSync(journalPath()).size, size);
  });

  it('when the disk fails a sync, then the write is not acknowledged and every later request is refused', async () => {
    const warn = sandbox.spy();
    const first = await open({ logger: { warn } });
    // The real module object, whose properties the journal reads at call time. A fast disk is synced on
    // the event loop, a slow one in the thread pool: both fail here.
    const eio = () => Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    sandbox
      .stub(nodeFs, 'fdatasync')
      .callsFake((_fd, callback: (error: NodeJS.ErrnoException | null) => void) => callback(eio()));
    sandbox.stub(nodeFs, 'fdatasyncSync').throws(eio());

    await assert.rejects(first.container.items.create({ id: 'unsure', pk: 'a', email: 'u@x' }), { code: 503 });
    sandbox.restore();
    await assert.rejects(first.container.item('unsure', 'a').read(), { code: 503 });
    sinon.assert.calledWithMatch(warn, { file: journalPath() }, sinon.match(/Journal write failed/));
  });

  it('when a second opener uses the same data folder, then it is refused until the first closes', async () => {
    const first = await open();

    await assert.rejects(startEmbeddedCosmos({ dataDir }), (error: unknown) => {
      assert.ok(error instanceof DataDirLockedError);
      assert.equal(error.holderPid, process.pid);
      return true;
    });
    await close(first);
    const second = await open();
    assert.equal((await second.container.read()).statusCode, 200);
  });

  it('when the lock names another live process, then start is refused with its pid', async () => {
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.ppid, hostname: os.hostname() }));

    await assert.rejects(startEmbeddedCosmos({ dataDir }), (error: unknown) => {
      assert.ok(error instanceof DataDirLockedError);
      assert.ok(error.message.includes(`running process ${process.ppid}`));
      return true;
    });
  });

  it('when the lock was left by a process that died, then it is taken over', async () => {
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('close', resolve));
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: dead.pid, hostname: os.hostname() }));

    const first = await open();

    assert.equal(JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).pid, process.pid);
    await close(first);
    assert.equal(fs.existsSync(path.join(dataDir, LOCK_FILE)), false);
  });

  it('when the process is killed with SIGKILL while writing, then every acknowledged write survives', async function () {
    this.timeout(30_000);
    const killAfterLines = 400;
    const created = new Set<string>();
    const counted = new Map<string, number>();
    const child = spawn(process.execPath, [WRITER_FIXTURE, dataDir, '8'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let lineCount = 0;
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, id, round] = line.split(' ');
        if (kind === 'created' && id !== undefined) {
          created.add(id);
        } else if (kind === 'counted' && id !== undefined) {
          counted.set(id, Number(round));
        }
        lineCount += 1;
        if (lineCount === killAfterLines) {
          child.kill('SIGKILL');
        }
      }
    });
    // A writer that never gets going must not outlive the test.
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 20_000);
    // 'close' waits for the pipes to drain: acknowledgements printed just before the kill count too.
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
    );
    clearTimeout(watchdog);
    assert.equal(signal, 'SIGKILL', `writer exited with ${code}: ${stderr}`);
    assert.ok(lineCount >= killAfterLines, `the writer was killed by the watchdog after ${lineCount} lines: ${stderr}`);
    assert.ok(created.size > 100, `only ${created.size} writes were acknowledged`);

    const cosmos = await startEmbeddedCosmos({ dataDir });
    const client = new CosmosClient({
      endpoint: cosmos.endpoint,
      key: cosmos.key,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    opened.push({ cosmos, client } as Opened);
    const { resources } = await client.database('crash').container('items').items.readAll().fetchAll();
    const byId = new Map(resources.map((item) => [item.id, item]));
    const lost = [...created].filter((id) => !byId.has(id));
    assert.deepEqual(lost, [], `${lost.length} of ${created.size} acknowledged creates were lost`);
    for (const [id, round] of counted) {
      const stored = byId.get(id)?.['round'] as number | undefined;
      assert.ok(stored !== undefined && stored >= round, `${id} is at round ${stored}, acknowledged ${round}`);
    }
  });
});

describe('embedded-cosmos.main', () => {
  const entry = path.join(__dirname, '..', '..', '..', 'bot', 'storage', 'embedded-cosmos.main.js');
  let dataDir: string;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-cosmos-main-'));
  });

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when started with DATA_DIR, then it prints its endpoint as one JSON line and SIGTERM stops it cleanly', async () => {
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, DATA_DIR: dataDir, COSMOS_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let stdout = '';
    const firstLine = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n')) {
          resolve(stdout.slice(0, stdout.indexOf('\n')));
        }
      });
      child.on('close', () => reject(new Error(`exited before printing: ${stderr}`)));
    });
    const { endpoint, key } = JSON.parse(firstLine) as { endpoint: string; key: string };
    const client = new CosmosClient({ endpoint, key, connectionPolicy: { enableEndpointDiscovery: false } });
    await client.databases.create({ id: 'shared' });
    client.dispose();

    child.kill('SIGTERM');
    const [code] = await exited;
    clearTimeout(watchdog);

    assert.match(endpoint, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, `${firstLine}\n`);
    assert.equal(fs.existsSync(path.join(dataDir, LOCK_FILE)), false);
    assert.match(fs.readFileSync(path.join(dataDir, JOURNAL_FILE), 'utf8'), /"id":"shared"/);
  });
});
