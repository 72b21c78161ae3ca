import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { backup, DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { MIGRATIONS, SCHEMA_VERSION, TABLE_TTL_SECONDS, type TableName } from './sqlite-schema';
import { isCorruptionError, StorageBusyError, SqliteStoreError, translateSqliteError } from './sqlite-errors';

export { SCHEMA_VERSION } from './sqlite-schema';
export { SqliteStoreError } from './sqlite-errors';

/** Stamped in the file's header, so a file of another program is refused instead of changed. */
const APPLICATION_ID = 0x4a_43_42_31; // "JCB1"
const DEFAULT_BUSY_TIMEOUT_MS = 5000;
/** How soon after a write the WAL is emptied into the database (erased data leaves the WAL file). */
const DEFAULT_CHECKPOINT_DELAY_MS = 2000;

export interface StoredDocument<T> {
  value: T;
  etag: string;
}

export interface SqliteDocumentStoreOptions {
  /** How long a writer waits for another process's write lock before giving up (ms). */
  busyTimeoutMs?: number;
  /** Milliseconds since the epoch, for expiry (injected, so tests control time). */
  now?: () => number;
  /** Milliseconds after a write until the WAL is checkpointed and truncated; 0 disables the timer. */
  checkpointDelayMs?: number;
}

type Row = Record<string, SQLInputValue>;

/**
 * The embedded store: one SQLite file (node:sqlite, built into Node 24) with a table per Cosmos
 * container, documents by partition (the team) and id, each with an etag for conditional writes as
 * the Cosmos adapter has them. Every write is durable before it returns (WAL, synchronous=FULL);
 * deleted content is overwritten (secure_delete) and leaves the WAL at the next checkpoint, which
 * follows a write within seconds. Several processes may open one file: SQLite locks it, and a writer
 * waits up to the busy timeout for another's write to end.
 */
export class SqliteDocumentStore {
  private readonly db: DatabaseSync;
  private readonly now: () => number;
  private readonly statements = new Map<string, StatementSync>();
  private readonly checkpointDelayMs: number;
  private checkpointTimer: NodeJS.Timeout | undefined;
  private transactionDepth = 0;
  private closed = false;
  /** The asynchronous work (a use case) whose transaction is open, see {@link atomically}. */
  private readonly owners = new AsyncLocalStorage<object>();
  private openWork: object | undefined;

  constructor(
    readonly file: string,
    options: SqliteDocumentStoreOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now());
    this.checkpointDelayMs = options.checkpointDelayMs ?? DEFAULT_CHECKPOINT_DELAY_MS;
    this.db = new DatabaseSync(file);
    try {
      this.db.exec(
        `PRAGMA busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`,
      );
      this.checkAndMigrate();
      this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;');
      // Statistics for the query planner where they are missing or stale (SQLite's advice for a connection
      // that stays open); the repositories' queries name their index anyway where it matters.
      this.db.exec('PRAGMA optimize = 0x10002;');
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  get<T>(table: TableName, partition: string, id: string): StoredDocument<T> | undefined {
    const row = this.run(
      (s) => s.get(partition, id, this.now()),
      `SELECT etag, body FROM ${table} WHERE partition = ? AND id = ? AND (expires_at IS NULL OR expires_at > ?)`,
    ) as { etag: string; body: string } | undefined;
    return row === undefined ? undefined : { value: JSON.parse(row.body) as T, etag: row.etag };
  }

  /** Creates the document; 'conflict' when one with this id exists in the partition. */
  create<T>(table: TableName, partition: string, id: string, value: T): string | 'conflict' {
    return this.write(() => {
      const etag = newEtag();
      // An expired document with this id no longer exists: the create takes its place.
      const { changes } = this.run(
        (s) => s.run(partition, id, etag, JSON.stringify(value), this.expiry(table), this.now()),
        `INSERT INTO ${table} (partition, id, etag, body, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (partition, id) DO UPDATE SET etag = excluded.etag, body = excluded.body, expires_at = excluded.expires_at
         WHERE ${table}.expires_at IS NOT NULL AND ${table}.expires_at <= ?`,
      );
      return Number(changes) === 1 ? etag : 'conflict';
    });
  }

  /** Replaces the document only if it is unchanged since `etag`; 'conflict' otherwise (or if it is gone). */
  replace<T>(table: TableName, partition: string, id: string, value: T, etag: string): string | 'conflict' {
    return this.write(() => {
      const next = newEtag();
      const { changes } = this.run(
        (s) => s.run(next, JSON.stringify(value), this.expiry(table), partition, id, etag, this.now()),
        `UPDATE ${table} SET etag = ?, body = ?, expires_at = ? WHERE partition = ? AND id = ? AND etag = ? AND (expires_at IS NULL OR expires_at > ?)`,
      );
      return Number(changes) === 1 ? next : 'conflict';
    });
  }

  /** Creates or overwrites the document, whatever its etag. */
  upsert<T>(table: TableName, partition: string, id: string, value: T): string {
    return this.write(() => {
      const etag = newEtag();
      this.run(
        (s) => s.run(partition, id, etag, JSON.stringify(value), this.expiry(table)),
        `INSERT INTO ${table} (partition, id, etag, body, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (partition, id) DO UPDATE SET etag = excluded.etag, body = excluded.body, expires_at = excluded.expires_at`,
      );
      return etag;
    });
  }

  /** Deletes the document (only if unchanged since `etag`, when given); its bytes are overwritten. */
  delete(table: TableName, partition: string, id: string, etag?: string): 'deleted' | 'absent' | 'conflict' {
    return this.write(() => {
      const { changes } = this.run(
        (s) => s.run(partition, id, etag ?? null, etag ?? null),
        `DELETE FROM ${table} WHERE partition = ? AND id = ? AND (? IS NULL OR etag = ?)`,
      );
      if (Number(changes) === 1) return 'deleted';
      return this.get(table, partition, id) === undefined ? 'absent' : 'conflict';
    });
  }

  /** Documents a query selects; the query must select `id`, `etag` and `body`. */
  documents<T>(sql: string, ...parameters: SQLInputValue[]): (StoredDocument<T> & { id: string })[] {
    return this.rows<{ id: string; etag: string; body: string }>(sql, ...parameters).map((row) => ({
      id: row.id,
      etag: row.etag,
      value: JSON.parse(row.body) as T,
    }));
  }

  /** Rows a query selects, as they come. */
  rows<T>(sql: string, ...parameters: SQLInputValue[]): T[] {
    return this.run((s) => s.all(...parameters), sql) as T[];
  }

  /** Every live document of a partition, by id. */
  list<T>(table: TableName, partition: string): (StoredDocument<T> & { id: string })[] {
    return this.documents<T>(
      `SELECT id, etag, body FROM ${table} WHERE partition = ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY id`,
      partition,
      this.now(),
    );
  }

  /**
   * Runs `work` as one transaction holding the write lock from the start (BEGIN IMMEDIATE), so what it
   * reads cannot change before it writes; everything or nothing of it is kept. Nested calls join the
   * outer transaction.
   */
  transaction<T>(work: () => T): T {
    if (this.transactionDepth > 0) return work();
    this.exec('BEGIN IMMEDIATE');
    this.transactionDepth += 1;
    try {
      const result = work();
      this.exec('COMMIT');
      this.afterWrite();
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    } finally {
      this.transactionDepth -= 1;
    }
  }

  /**
   * Runs asynchronous `work` (a use case's several changes) as one transaction: everything it writes
   * is kept, or nothing. The file's write lock is held until `work` settles, so `work` must not wait
   * for anything but this store (the repositories answer at once). Statements from any other work
   * while it is open are refused as busy rather than joining it, so nobody else's write could be
   * rolled back with it after being acknowledged.
   */
  async atomically<T>(work: () => Promise<T>): Promise<T> {
    if (this.openWork !== undefined && this.owners.getStore() === this.openWork) return work();
    this.exec('BEGIN IMMEDIATE');
    const owner = {};
    this.openWork = owner;
    this.transactionDepth += 1;
    let result: T;
    try {
      result = await this.owners.run(owner, work);
    } catch (error) {
      this.endWork(owner);
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    // Ended before the commit, which runs outside the work's context (synchronously, nothing between).
    this.endWork(owner);
    try {
      this.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    this.afterWrite();
    return result;
  }

  private endWork(owner: object): void {
    if (this.openWork !== owner) return;
    this.openWork = undefined;
    this.transactionDepth -= 1;
  }

  /** Refreshes the query planner's statistics where they have gone stale (run now and then). */
  optimize(): void {
    this.exec('PRAGMA optimize');
  }

  /** Removes what has expired (what Cosmos would remove by TTL); resolves how many. */
  sweepExpired(): number {
    let removed = 0;
    for (const table of Object.keys(TABLE_TTL_SECONDS) as TableName[]) {
      removed += this.write(() =>
        Number(
          this.run(
            (s) => s.run(this.now()).changes,
            `DELETE FROM ${table} WHERE expires_at IS NOT NULL AND expires_at <= ?`,
          ),
        ),
      );
    }
    return removed;
  }

  /**
   * Moves the WAL's contents into the main file and empties the WAL, so erased data (overwritten in
   * the database by secure_delete) leaves the WAL file too. False when another process's reader kept
   * it from finishing (the next checkpoint catches up).
   */
  checkpoint(): boolean {
    if (this.closed) return false;
    clearTimeout(this.checkpointTimer);
    this.checkpointTimer = undefined;
    const result = this.run((s) => s.get(), 'PRAGMA wal_checkpoint(TRUNCATE)') as { busy: number } | undefined;
    return Number(result?.busy ?? 0) === 0;
  }

  /** Copies the live database to `destination` while the bot runs (SQLite's online backup). */
  async backupTo(destination: string): Promise<void> {
    await backup(this.db, destination);
  }

  close(): void {
    if (this.closed) return;
    clearTimeout(this.checkpointTimer);
    try {
      this.checkpoint();
    } catch {
      // Another process may hold the file; its own close checkpoints.
    }
    try {
      // Lets SQLite refresh the statistics its query planner uses, where they are out of date.
      this.db.exec('PRAGMA optimize');
    } catch {
      // Busy: the next close does it.
    }
    this.closed = true;
    this.db.close();
  }

  /** A write outside a transaction is its own transaction; inside one it waits for the commit. */
  private write<T>(work: () => T): T {
    if (this.transactionDepth > 0) return work();
    const result = work();
    this.afterWrite();
    return result;
  }

  private afterWrite(): void {
    if (this.checkpointDelayMs <= 0 || this.checkpointTimer !== undefined || this.closed) return;
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = undefined;
      try {
        this.checkpoint();
      } catch {
        // Busy or closed: the next write schedules another.
      }
    }, this.checkpointDelayMs);
    this.checkpointTimer.unref();
  }

  /** Runs one statement (prepared once per SQL text), turning SQLite's errors into the bot's. */
  private run<T>(use: (statement: StatementSync) => T, sql: string): T {
    this.refuseOutsiders();
    try {
      let statement = this.statements.get(sql);
      if (statement === undefined) {
        statement = this.db.prepare(sql);
        this.statements.set(sql, statement);
      }
      return use(statement);
    } catch (error) {
      throw translateSqliteError(error);
    }
  }

  private exec(sql: string): void {
    this.refuseOutsiders();
    try {
      this.db.exec(sql);
    } catch (error) {
      throw translateSqliteError(error);
    }
  }

  /** While some work's transaction is open, only that work may use the connection (see {@link atomically}). */
  private refuseOutsiders(): void {
    if (this.openWork !== undefined && this.owners.getStore() !== this.openWork)
      throw new StorageBusyError(new Error('another use case holds this process’s transaction'));
  }

  private expiry(table: TableName): number | null {
    const ttl = TABLE_TTL_SECONDS[table];
    return ttl === undefined ? null : this.now() + ttl * 1000;
  }

  private checkAndMigrate(): void {
    let applicationId: number;
    let version: number;
    try {
      applicationId = Number((this.db.prepare('PRAGMA application_id').get() as Row).application_id);
      version = Number((this.db.prepare('PRAGMA user_version').get() as Row).user_version);
    } catch (error) {
      if (!isCorruptionError(error)) throw translateSqliteError(error);
      throw new SqliteStoreError(
        'STORE_CORRUPT',
        `Datafilen ${this.file} kan ikke læses (den er beskadiget eller ikke en SQLite-fil). Botten starter ikke og ændrer intet i filen. Gendan den seneste backup (lavet med: npm run cli -- backup <fil>), se README under "Backup og gendannelse".`,
      );
    }
    const empty = version === 0 && applicationId === 0 && this.tableCount() === 0;
    if (!empty && applicationId !== APPLICATION_ID) {
      throw new SqliteStoreError(
        'STORE_FOREIGN_FILE',
        `Datafilen ${this.file} tilhører et andet program. Botten starter ikke og ændrer intet i den. Peg DATA_DIR på bottens egen mappe, eller gendan en backup (lavet med: npm run cli -- backup <fil>).`,
      );
    }
    if (version > SCHEMA_VERSION) {
      throw new SqliteStoreError(
        'STORE_NEWER_SCHEMA',
        `Datafilen ${this.file} er skrevet af en nyere version af botten (skema ${version}, denne kender ${SCHEMA_VERSION}). Opdatér botten; filen ændres ikke.`,
      );
    }
    if (version === SCHEMA_VERSION) return;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      // Read again under the write lock: another process may have migrated meanwhile.
      const current = Number((this.db.prepare('PRAGMA user_version').get() as Row).user_version);
      for (let from = current; from < SCHEMA_VERSION; from += 1) {
        this.db.exec(MIGRATIONS[from] ?? '');
        this.db.exec(`PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = ${from + 1};`);
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw translateSqliteError(error);
    }
  }

  private tableCount(): number {
    return Number((this.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as Row).n);
  }
}

function newEtag(): string {
  return `"${randomUUID()}"`;
}
