import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createHttpServer } from '@vercel/cosmosdb-server';
import {
  JournalCorruptError,
  WriteAheadJournal,
  type JournalLogger,
  type RecoveredRecord,
} from './write-ahead-journal';

/**
 * The Cosmos DB emulator's published key. The embedded server checks no signatures, so any key works;
 * this one is used because it is public and recognisably not a secret.
 */
export const EMBEDDED_COSMOS_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nqb98nYVaH2n0MbbUh3QMUeGRSwH5G6bpvOJ9OWXrxJRMTYTiR9YPGKbZ7qtIklg==';

/** Logger for operational warnings; it is never given document contents or document ids. */
export type EmbeddedCosmosLogger = JournalLogger;

/** Where the embedded server keeps its data and where it listens. */
export interface EmbeddedCosmosOptions {
  /** Folder for the journal and its lock file; created if missing. */
  dataDir: string;
  /** Interface to listen on; defaults to 127.0.0.1 because the server checks no keys. */
  host?: string;
  /** Defaults to 0, an ephemeral port. */
  port?: number;
  logger?: EmbeddedCosmosLogger;
  /**
   * Journal growth (bytes) after which the journal is compacted while running, once it has also
   * outgrown the live state. Defaults to 8 MiB.
   */
  compactAfterBytes?: number;
  /**
   * How soon after a deletion the journal is rewritten without the deleted document, so that erased
   * personal data leaves the data folder and not only the live state. Defaults to 1 s.
   */
  erasureCompactionDelayMs?: number;
  /**
   * How often the journal is rewritten when it has grown since the last rewrite, so that what a
   * replace removed (the retention job's deletion of answers) does not stay in the file. Defaults to 1 h.
   */
  periodicCompactionMs?: number;
}

/** A running embedded server; connect to it with `@azure/cosmos` and endpoint discovery off. */
export interface EmbeddedCosmos {
  /** Loopback HTTP endpoint, e.g. `http://127.0.0.1:50123/`. */
  endpoint: string;
  key: string;
  /** Stops listening, waits for acknowledged writes to be durable, closes the journal, releases the lock. */
  close(): Promise<void>;
}

/** The journal's name inside the data folder: `embedded-cosmos.jsonl` and `embedded-cosmos.lock`. */
const JOURNAL_NAME = 'embedded-cosmos';
const DEFAULT_COMPACT_AFTER_BYTES = 8 * 1024 * 1024;
const DEFAULT_ERASURE_COMPACTION_DELAY_MS = 1000;
const DEFAULT_PERIODIC_COMPACTION_MS = 60 * 60_000;
/** Real Cosmos caps items at 2 MB; anything far larger is a mistake, not data. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const CLOSED_MESSAGE = 'The embedded Cosmos server is closing or starting failed.';
const FAILED_MESSAGE = 'The embedded Cosmos server failed (see its log) and refuses requests until restarted.';

/**
 * The headers a handler of `@vercel/cosmosdb-server` reads to decide what a write does. Everything else
 * (auth, dates, session tokens) is irrelevant to replay, and `if-match` is deliberately absent: etags
 * are regenerated on replay, and a journaled write already passed its precondition.
 */
const REPLAY_HEADERS = [
  'content-type',
  'x-ms-documentdb-partitionkey',
  'x-ms-documentdb-is-upsert',
  'x-ms-cosmos-is-batch-request',
  'x-ms-cosmos-batch-atomic',
  'x-ms-cosmos-batch-continue-on-error',
] as const;

/** Server-generated properties of an item; stripped from snapshots because the server regenerates them. */
const DOCUMENT_SYSTEM_PROPERTIES = new Set(['_rid', '_self', '_etag', '_ts', '_attachments']);

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** A write as journaled: enough to run it again through the same handler. */
interface JournalRecord {
  /** HTTP method. */
  m: string;
  /** Request path and query, as the client sent it. */
  u: string;
  /** The {@link REPLAY_HEADERS} present on the request. */
  h?: Record<string, string | string[]>;
  /** Parsed JSON body, when there was one. */
  b?: unknown;
}

interface BufferedRequestInit {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** How long the embedded server keeps an idle client connection open. */
const IDLE_CONNECTION_MS = 10 * 60_000;

/**
 * Starts the in-memory Cosmos-compatible server over loopback HTTP and makes it durable: every write
 * it acknowledges has been appended to a journal in `dataDir` and fsync'ed first, and on start the
 * journal is replayed and compacted into a snapshot. The folder is locked against a second process.
 */
export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions): Promise<EmbeddedCosmos> {
  const host = options.host ?? '127.0.0.1';
  const { journal, recovered } = WriteAheadJournal.open({
    dir: options.dataDir,
    name: JOURNAL_NAME,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  let server: Server;
  let durable: DurableCosmosServer;
  try {
    server = createHttpServer();
    const inner = server.listeners('request')[0] as RequestListener | undefined;
    if (inner === undefined) {
      throw new Error('@vercel/cosmosdb-server created a server without a request listener');
    }
    server.removeAllListeners('request');
    durable = new DurableCosmosServer(server, inner, journal, options);
    const handler = durable;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void handler.handle(req, res));
    // An idle keep-alive connection closed by the server just as the client reuses it fails that request
    // with ECONNRESET, which the Cosmos SDK does not retry for writes (seen once in a 5-minute load run).
    // The server keeps idle connections long and says so (Keep-Alive: timeout=600), so the client's
    // agent, which closes a second before the hint, is the side that ends them.
    server.keepAliveTimeout = IDLE_CONNECTION_MS;
    await listen(server, options.port ?? 0, host);
  } catch (error) {
    await journal.close();
    throw error;
  }
  try {
    await durable.start(recovered);
  } catch (error) {
    await durable.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    endpoint: `http://${hostInUrl}:${port}/`,
    key: EMBEDDED_COSMOS_KEY,
    close: () => durable.close(),
  };
}

/**
 * Sits between the socket and the package's own request handler. Every request is buffered and handed
 * to that handler as an in-memory request and response, which lets replay use exactly the same path,
 * lets a write's response be held back until its journal record is durable, and keeps unparsable bodies
 * (whose parse errors the package would print with their contents) away from it.
 */
class DurableCosmosServer {
  private readonly server: Server;
  private readonly inner: RequestListener;
  private readonly journal: WriteAheadJournal;
  private readonly logger: EmbeddedCosmosLogger | undefined;
  private compactAfterBytes: number;
  private compactionScheduled = false;
  private readonly erasureCompactionDelayMs: number;
  private erasureCompaction: NodeJS.Timeout | undefined;
  private periodicCompaction: NodeJS.Timeout | undefined;
  /** Writes run one at a time so that the journal's order is the order in which they changed the state. */
  private exclusiveTail: Promise<unknown> = Promise.resolve();
  private readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;
  private failure: Error | undefined;
  private closing: Promise<void> | undefined;
  private writesClosed = false;

  constructor(server: Server, inner: RequestListener, journal: WriteAheadJournal, options: EmbeddedCosmosOptions) {
    this.server = server;
    this.inner = inner;
    this.journal = journal;
    this.logger = options.logger;
    this.compactAfterBytes = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
    this.erasureCompactionDelayMs = options.erasureCompactionDelayMs ?? DEFAULT_ERASURE_COMPACTION_DELAY_MS;
    const periodicMs = options.periodicCompactionMs ?? DEFAULT_PERIODIC_COMPACTION_MS;
    this.periodicCompaction = setInterval(() => {
      if (this.journal.growthBytes > 0) this.compact();
    }, periodicMs);
    this.periodicCompaction.unref();
    this.ready = new Promise<void>((resolve) => {
      this.markReady = resolve;
    });
  }

  /** Replays the journal, then compacts it, before any client request is let through. */
  async start(recovered: RecoveredRecord[]): Promise<void> {
    try {
      for (const { lineNumber, value } of recovered) {
        const record = asJournalRecord(value);
        if (record === undefined) {
          throw new JournalCorruptError(this.journal.filePath, lineNumber, 'the line is not a journaled request');
        }
        const response = await this.dispatch(fromJournalRecord(record));
        if (!isSuccess(response.statusCode)) {
          throw new Error(
            `Replaying ${this.journal.filePath} line ${lineNumber} (${describeRequest(record.m, record.u)}) ` +
              `returned status ${response.statusCode}, so the journal does not describe a state this server can rebuild`,
          );
        }
      }
      await this.journal.rewrite(await this.snapshot());
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      this.markReady();
    }
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.ready;
      if (this.failure !== undefined || this.closing !== undefined) {
        forward(res, unavailable(this.failure === undefined ? CLOSED_MESSAGE : FAILED_MESSAGE));
        return;
      }
      const body = await readBody(req);
      if (body === undefined) {
        sendJson(res, 413, { code: 'RequestEntityTooLarge', message: 'The request body is too large.' });
        return;
      }
      let parsedBody: unknown;
      if (body.length > 0) {
        try {
          parsedBody = JSON.parse(body.toString('utf8'));
        } catch {
          sendJson(res, 400, { code: 'BadRequest', message: 'The request body is not valid JSON.' });
          return;
        }
      }
      const request: BufferedRequestInit = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body,
      };
      const response = isWrite(request) ? await this.write(request, parsedBody) : await this.dispatch(request);
      forward(res, response);
    } catch (error) {
      this.logger?.warn({ err: error, method: req.method }, 'Embedded Cosmos request failed');
      if (!res.headersSent) {
        sendJson(res, 500, { code: 'InternalServerError', message: 'The embedded Cosmos server failed.' });
      } else {
        res.destroy();
      }
    }
  }

  /** Stops listening, lets in-flight writes become durable, then closes the journal. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.periodicCompaction);
      clearTimeout(this.erasureCompaction);
      const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.server.closeIdleConnections();
      // A barrier in the write queue: writes queued before it complete, later ones are refused.
      await this.exclusive(() => {
        this.writesClosed = true;
        return Promise.resolve();
      });
      try {
        await this.journal.flush();
      } catch {
        // Already reported to the writers concerned; the lock must still be released below.
      }
      // Lets the responses of just-durable writes reach their sockets before those are cut.
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.server.closeAllConnections();
      await stopped;
      await this.journal.close();
    })();
    return this.closing;
  }

  private async write(request: BufferedRequestInit, parsedBody: unknown): Promise<CapturedResponse> {
    const outcome = await this.exclusive(async () => {
      if (this.failure !== undefined || this.writesClosed) {
        return {
          response: unavailable(this.failure === undefined ? CLOSED_MESSAGE : FAILED_MESSAGE),
          durable: undefined,
        };
      }
      const response = await this.dispatch(request);
      if (!isSuccess(response.statusCode)) {
        return { response, durable: undefined };
      }
      let durable: Promise<void> | undefined;
      try {
        const record = toJournalRecord(request, parsedBody, response);
        durable = record === undefined ? undefined : this.journal.append(record);
      } catch (error) {
        // The write is in memory but not in the journal: serving on would show state a restart loses.
        this.failure ??= error instanceof Error ? error : new Error(String(error));
        return { response: unavailable(FAILED_MESSAGE), durable: undefined };
      }
      // Observed at once, because the rejection may arrive before the caller gets to await it.
      durable?.catch(() => undefined);
      return { response, durable };
    });
    if (outcome.durable === undefined) {
      return outcome.response;
    }
    try {
      await outcome.durable;
    } catch (error) {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
      return unavailable(FAILED_MESSAGE);
    }
    if (request.method === 'DELETE') this.compactSoonAfterErasure();
    else this.compactIfWorthwhile();
    return outcome.response;
  }

  private compactIfWorthwhile(): void {
    if (this.journal.growthBytes >= Math.max(this.compactAfterBytes, this.journal.baseBytes)) this.compact();
  }

  /** One rewrite shortly after the last of a burst of deletions (erasing a screening deletes several documents). */
  private compactSoonAfterErasure(): void {
    clearTimeout(this.erasureCompaction);
    this.erasureCompaction = setTimeout(() => this.compact(), this.erasureCompactionDelayMs);
    this.erasureCompaction.unref();
  }

  /** Rewrites the journal as a snapshot of the live state, after the writes queued before it. */
  private compact(): void {
    if (this.compactionScheduled || this.closing !== undefined) {
      return;
    }
    this.compactionScheduled = true;
    void this.exclusive(async () => {
      if (this.closing === undefined && this.failure === undefined) {
        await this.journal.rewrite(await this.snapshot());
      }
    })
      .catch((error: unknown) => {
        // The old journal is still intact unless the journal itself reports a failure on the next write.
        this.compactAfterBytes *= 2;
        this.logger?.warn({ err: error, file: this.journal.filePath }, 'Compacting the embedded Cosmos journal failed');
      })
      .finally(() => {
        this.compactionScheduled = false;
      });
  }

  /** Reads the whole state back through the handler as the creates that rebuild it. */
  private async snapshot(): Promise<JournalRecord[]> {
    const records: JournalRecord[] = [];
    for (const database of await this.readFeed('/dbs', 'Databases')) {
      records.push({ m: 'POST', u: '/dbs', b: withoutProperties(database, isUnderscored) });
      const databasePath = `/dbs/${encodeURIComponent(String(database['id']))}`;
      for (const collection of await this.readFeed(`${databasePath}/colls`, 'DocumentCollections')) {
        records.push({ m: 'POST', u: `${databasePath}/colls`, b: withoutProperties(collection, isUnderscored) });
        const collectionPath = `${databasePath}/colls/${encodeURIComponent(String(collection['id']))}`;
        for (const udf of await this.readFeed(`${collectionPath}/udfs`, 'UserDefinedFunctions')) {
          records.push({ m: 'POST', u: `${collectionPath}/udfs`, b: withoutProperties(udf, isUnderscored) });
        }
        for (const document of await this.readFeed(`${collectionPath}/docs`, 'Documents')) {
          const b = withoutProperties(document, (key) => DOCUMENT_SYSTEM_PROPERTIES.has(key));
          records.push({ m: 'POST', u: `${collectionPath}/docs`, b });
        }
      }
    }
    return records;
  }

  /**
   * Reads a feed in as few pages as the handler allows: every page re-runs the package's query engine
   * over the whole container, and that engine is quadratic in the container's size.
   */
  private async readFeed(url: string, itemsName: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let continuation: string | undefined;
    do {
      const headers: IncomingHttpHeaders = continuation === undefined ? {} : { 'x-ms-continuation': continuation };
      const response = await this.dispatch({ method: 'GET', url, headers, body: Buffer.alloc(0) });
      const page: unknown = response.statusCode === 200 ? JSON.parse(response.body) : undefined;
      const pageItems = isRecord(page) ? page[itemsName] : undefined;
      if (!Array.isArray(pageItems)) {
        throw new Error(`Reading ${itemsName} for a snapshot returned status ${response.statusCode}`);
      }
      items.push(...pageItems.filter(isRecord));
      const next = response.headers['x-ms-continuation'];
      continuation = typeof next === 'string' && next.length > 0 ? next : undefined;
    } while (continuation !== undefined);
    return items;
  }

  private dispatch(init: BufferedRequestInit): Promise<CapturedResponse> {
    return new Promise<CapturedResponse>((resolve) => {
      const request = new BufferedRequest(init);
      const response = new CapturedResponse(resolve);
      // The package's handler touches only method, url, headers and the body stream of the request,
      // and statusCode, setHeader, end and finished of the response, which these stand-ins provide.
      this.inner(request as unknown as IncomingMessage, response as unknown as ServerResponse);
    });
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.exclusiveTail.then(task);
    this.exclusiveTail = run.catch(() => undefined);
    return run;
  }
}

/** An in-memory request carrying an already-read body. */
class BufferedRequest extends Readable {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  private body: Buffer | undefined;

  constructor(init: BufferedRequestInit) {
    super();
    this.method = init.method;
    this.url = init.url;
    this.headers = init.headers;
    this.body = init.body;
  }

  override _read(): void {
    if (this.body !== undefined && this.body.length > 0) {
      this.push(this.body);
    }
    this.body = undefined;
    this.push(null);
  }
}

/** An in-memory response that hands over status, headers and body once the handler ends it. */
class CapturedResponse {
  statusCode = 200;
  finished = false;
  body = '';
  readonly headers: Record<string, string | number | readonly string[]> = {};
  private readonly onEnd: (response: CapturedResponse) => void;

  constructor(onEnd: (response: CapturedResponse) => void) {
    this.onEnd = onEnd;
  }

  setHeader(name: string, value: string | number | readonly string[]): this {
    this.headers[name.toLowerCase()] = value;
    return this;
  }

  getHeader(name: string): string | number | readonly string[] | undefined {
    return this.headers[name.toLowerCase()];
  }

  end(chunk?: string | Buffer): this {
    if (!this.finished) {
      this.finished = true;
      this.body = chunk === undefined ? '' : chunk.toString();
      this.onEnd(this);
    }
    return this;
  }
}

/** Mirrors the package's router: a POST is a query when flagged as one, otherwise it changes state. */
function isWrite(request: BufferedRequestInit): boolean {
  switch (request.method) {
    case 'PUT':
    case 'PATCH':
    case 'DELETE':
      return true;
    case 'POST':
      return !(
        isTrueHeader(request.headers, 'x-ms-documentdb-isquery') ||
        request.headers['content-type'] === 'application/query+json'
      );
    default:
      return false;
  }
}

/**
 * Builds the replayable form of a successful write. Preconditions are dropped because the write
 * already passed them and they refer to etags and timestamps that replay regenerates; for the same
 * reason a batch keeps only the operations that succeeded (the package does not roll batches back).
 */
function toJournalRecord(
  request: BufferedRequestInit,
  parsedBody: unknown,
  response: CapturedResponse,
): JournalRecord | undefined {
  let body = parsedBody;
  if (request.method === 'PATCH' && isRecord(body) && 'condition' in body) {
    body = withoutProperties(body, (key) => key === 'condition');
  }
  if (isTrueHeader(request.headers, 'x-ms-cosmos-is-batch-request')) {
    const results: unknown = JSON.parse(response.body);
    if (!Array.isArray(body) || !Array.isArray(results) || results.length !== body.length) {
      throw new Error('A batch response does not match its request, so it cannot be journaled');
    }
    const applied = body.filter((operation: unknown, index) => {
      const result: unknown = results[index];
      return (
        isRecord(operation) &&
        operation['operationType'] !== 'Read' &&
        isRecord(result) &&
        typeof result['statusCode'] === 'number' &&
        isSuccess(result['statusCode'])
      );
    }) as Record<string, unknown>[];
    if (applied.length === 0) {
      return undefined;
    }
    body = applied.map((operation) =>
      withoutProperties(operation, (key) => key === 'ifMatch' || key === 'ifNoneMatch'),
    );
  }
  const headers: Record<string, string | string[]> = {};
  for (const name of REPLAY_HEADERS) {
    const value = request.headers[name];
    if (value !== undefined) {
      headers[name] = value;
    }
  }
  return {
    m: request.method,
    u: request.url,
    ...(Object.keys(headers).length === 0 ? {} : { h: headers }),
    ...(body === undefined ? {} : { b: body }),
  };
}

function fromJournalRecord(record: JournalRecord): BufferedRequestInit {
  return {
    method: record.m,
    url: record.u,
    headers: { 'content-type': 'application/json', ...record.h },
    body: record.b === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(record.b), 'utf8'),
  };
}

function asJournalRecord(value: unknown): JournalRecord | undefined {
  if (!isRecord(value) || typeof value['m'] !== 'string' || typeof value['u'] !== 'string') {
    return undefined;
  }
  const headers = value['h'];
  if (
    headers !== undefined &&
    !(
      isRecord(headers) &&
      Object.values(headers).every(
        (header) =>
          typeof header === 'string' || (Array.isArray(header) && header.every((item) => typeof item === 'string')),
      )
    )
  ) {
    return undefined;
  }
  return value as unknown as JournalRecord;
}

/** Names the operation without document ids, which may identify a person. */
function describeRequest(method: string, url: string): string {
  return `${method} ${url.replace(/\/(docs|udfs)\/[^/?]+/, '/$1/…')}`;
}

function forward(res: ServerResponse, response: CapturedResponse): void {
  for (const [name, value] of Object.entries(response.headers)) {
    // The package asks to close every connection; Node's own keep-alive handling is the better judge.
    if (name !== 'connection') {
      res.setHeader(name, value);
    }
  }
  res.statusCode = response.statusCode;
  res.end(response.body);
}

function sendJson(res: ServerResponse, statusCode: number, body: object): void {
  res.statusCode = statusCode;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

function unavailable(message: string): CapturedResponse {
  const response = new CapturedResponse(() => undefined);
  response.statusCode = 503;
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ code: 'ServiceUnavailable', message }));
  return response;
}

/** Resolves to undefined when the body exceeds {@link MAX_BODY_BYTES}. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    length += buffer.length;
    if (length > MAX_BODY_BYTES) {
      return undefined;
    }
    chunks.push(buffer);
  }
  return chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function isTrueHeader(headers: IncomingHttpHeaders, name: string): boolean {
  const value = headers[name];
  const values = Array.isArray(value) ? value : [value];
  return values.some((item) => typeof item === 'string' && item.toLowerCase() === 'true');
}

function isSuccess(statusCode: number): boolean {
  return statusCode >= 200 && statusCode < 300;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isUnderscored(key: string): boolean {
  return key.startsWith('_');
}

function withoutProperties(value: Record<string, unknown>, drop: (key: string) => boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !drop(key)));
}
