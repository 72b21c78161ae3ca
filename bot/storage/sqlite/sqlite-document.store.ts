import { randomUUID } from 'node:crypto';
import { DatabaseSync, type StatementSync } from 'node:sqlite';

/**
 * The embedded store (issue 14): one SQLite file (node:sqlite, built into Node 24) holding documents by
 * collection, partition (the team) and id, each with an etag for conditional writes, as the Cosmos
 * adapter has them. Not wired into the bot yet: the repositories still run on Cosmos.
 */

/** Stamped in the file's header, so a file of another program is refused instead of changed. */
const APPLICATION_ID = 0x4a_43_42_31; // "JCB1"
/** The schema this build writes; a file from a newer build is refused (never downgraded). */
export const SCHEMA_VERSION = 1;

/** Forward migrations: index i takes a file from version i to i + 1. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE documents (
     collection TEXT NOT NULL,
     partition  TEXT NOT NULL,
     id         TEXT NOT NULL,
     etag       TEXT NOT NULL,
     body       TEXT NOT NULL,
     expires_at INTEGER,
     PRIMARY KEY (collection, partition, id)
   ) WITHOUT ROWID;
   CREATE INDEX documents_expiry ON documents (expires_at) WHERE expires_at IS NOT NULL;`,
];

/** The file cannot be used as this bot's store; the message names the file and what to do (Danish). */
export class SqliteStoreError extends Error {
  constructor(
    readonly code: 'STORE_FOREIGN_FILE' | 'STORE_NEWER_SCHEMA' | 'STORE_CORRUPT',
    message: string,
  ) {
    super(message);
    this.name = 'SqliteStoreError';
  }
}

export interface StoredDocument<T> {
  value: T;
  etag: string;
}

export interface SqliteDocumentStoreOptions {
  /** How long a writer waits for another process's write lock before giving up (ms). */
  busyTimeoutMs?: number;
  /** Milliseconds since the epoch, for expiry (injected, so tests control time). */
  now?: () => number;
}

/** One SQLite file of documents; every write is durable (WAL, synchronous=FULL) before it returns. */
export class SqliteDocumentStore {
  private readonly db: DatabaseSync;
  private readonly now: () => number;
  private readonly statements: {
    get: StatementSync;
    insert: StatementSync;
    replace: StatementSync;
    remove: StatementSync;
    list: StatementSync;
    sweep: StatementSync;
  };

  constructor(
    private readonly file: string,
    options: SqliteDocumentStoreOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now());
    this.db = new DatabaseSync(file);
    try {
      this.db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
      this.checkAndMigrate();
      this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;');
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.statements = {
      get: this.db.prepare(
        'SELECT etag, body FROM documents WHERE collection = ? AND partition = ? AND id = ? AND (expires_at IS NULL OR expires_at > ?)',
      ),
      insert: this.db.prepare(
        'INSERT INTO documents (collection, partition, id, etag, body, expires_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      replace: this.db.prepare(
        'UPDATE documents SET etag = ?, body = ?, expires_at = ? WHERE collection = ? AND partition = ? AND id = ? AND etag = ?',
      ),
      remove: this.db.prepare('DELETE FROM documents WHERE collection = ? AND partition = ? AND id = ?'),
      list: this.db.prepare(
        'SELECT id, etag, body FROM documents WHERE collection = ? AND partition = ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY id',
      ),
      sweep: this.db.prepare('DELETE FROM documents WHERE expires_at IS NOT NULL AND expires_at <= ?'),
    };
  }

  get<T>(collection: string, partition: string, id: string): StoredDocument<T> | undefined {
    const row = this.statements.get.get(collection, partition, id, this.now()) as
      { etag: string; body: string } | undefined;
    return row === undefined ? undefined : { value: JSON.parse(row.body) as T, etag: row.etag };
  }

  /** Creates the document; 'conflict' when one with this id exists in the partition. */
  create<T>(collection: string, partition: string, id: string, value: T, ttlSeconds?: number): string | 'conflict' {
    this.sweepExpiredOne(collection, partition, id);
    const etag = newEtag();
    const { changes } = this.statements.insert.run(
      collection,
      partition,
      id,
      etag,
      JSON.stringify(value),
      this.expiry(ttlSeconds),
    );
    return Number(changes) === 1 ? etag : 'conflict';
  }

  /** Replaces the document only if it is unchanged since `etag`; 'conflict' otherwise (or if it is gone). */
  replace<T>(
    collection: string,
    partition: string,
    id: string,
    value: T,
    etag: string,
    ttlSeconds?: number,
  ): string | 'conflict' {
    const next = newEtag();
    const { changes } = this.statements.replace.run(
      next,
      JSON.stringify(value),
      this.expiry(ttlSeconds),
      collection,
      partition,
      id,
      etag,
    );
    return Number(changes) === 1 ? next : 'conflict';
  }

  /** Deletes the document (absent: nothing happens); its bytes are overwritten (secure_delete). */
  delete(collection: string, partition: string, id: string): boolean {
    return Number(this.statements.remove.run(collection, partition, id).changes) === 1;
  }

  /** Every live document of a partition, by id. */
  list<T>(collection: string, partition: string): (StoredDocument<T> & { id: string })[] {
    return (
      this.statements.list.all(collection, partition, this.now()) as { id: string; etag: string; body: string }[]
    ).map((row) => ({ id: row.id, etag: row.etag, value: JSON.parse(row.body) as T }));
  }

  /** Removes what has expired (what Cosmos would remove by TTL); resolves how many. */
  sweepExpired(): number {
    return Number(this.statements.sweep.run(this.now()).changes);
  }

  /**
   * Moves the WAL's contents into the main file and empties the WAL, so erased data (overwritten in
   * the database by secure_delete) leaves the WAL file too.
   */
  checkpoint(): void {
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.db.close();
  }

  private expiry(ttlSeconds: number | undefined): number | null {
    return ttlSeconds === undefined ? null : this.now() + ttlSeconds * 1000;
  }

  /** An expired document with this id no longer exists: a create must not collide with it. */
  private sweepExpiredOne(collection: string, partition: string, id: string): void {
    this.db
      .prepare(
        'DELETE FROM documents WHERE collection = ? AND partition = ? AND id = ? AND expires_at IS NOT NULL AND expires_at <= ?',
      )
      .run(collection, partition, id, this.now());
  }

  private checkAndMigrate(): void {
    let applicationId: number;
    let version: number;
    try {
      applicationId = Number(
        (this.db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id,
      );
      version = Number((this.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    } catch {
      throw new SqliteStoreError(
        'STORE_CORRUPT',
        `Datafilen ${this.file} kan ikke læses (den er beskadiget eller ikke en SQLite-fil). Botten starter ikke. Gendan den seneste backup (npm run cli -- backup laver en).`,
      );
    }
    const empty = version === 0 && applicationId === 0 && this.tableCount() === 0;
    if (!empty && applicationId !== APPLICATION_ID) {
      throw new SqliteStoreError(
        'STORE_FOREIGN_FILE',
        `Datafilen ${this.file} tilhører et andet program. Botten starter ikke og ændrer intet i den. Peg DATA_DIR på bottens egen mappe, eller gendan en backup.`,
      );
    }
    if (version > SCHEMA_VERSION) {
      throw new SqliteStoreError(
        'STORE_NEWER_SCHEMA',
        `Datafilen ${this.file} er skrevet af en nyere version af botten (skema ${version}, denne kender ${SCHEMA_VERSION}). Opdatér botten; filen ændres ikke.`,
      );
    }
    for (let from = version; from < SCHEMA_VERSION; from += 1) {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        this.db.exec(MIGRATIONS[from] ?? '');
        this.db.exec(`PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = ${from + 1};`);
        this.db.exec('COMMIT');
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    }
  }

  private tableCount(): number {
    return Number(
      (this.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n,
    );
  }
}

function newEtag(): string {
  return `"${randomUUID()}"`;
}
