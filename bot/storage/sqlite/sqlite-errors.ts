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

/**
 * The disk is full: nothing of the failed write is kept (SQLite rolled it back), and the next write
 * succeeds once there is space again. The turn's user is told (turn-error handler, STORAGE_FULL).
 */
export class StorageFullError extends Error {
  readonly code = 'STORAGE_FULL';
  constructor(cause: unknown) {
    super('The data file could not grow: the disk is full', { cause });
    this.name = 'StorageFullError';
  }
}

/** Another process held the file's write lock for longer than the busy timeout (STORAGE_BUSY). */
export class StorageBusyError extends Error {
  readonly code = 'STORAGE_BUSY';
  constructor(cause: unknown) {
    super('The data file stayed locked by another process', { cause });
    this.name = 'StorageBusyError';
  }
}

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_NOTADB = 26;
/** Extended result code: the disk ran out of space while writing (SQLITE_IOERR_WRITE with ENOSPC shows as FULL). */
const ERRNO_ENOSPC = /database or disk is full|no space left/i;

/** The primary SQLite result code of a node:sqlite error, or undefined for anything else. */
export function sqliteCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const errcode = (error as { errcode?: unknown }).errcode;
  return typeof errcode === 'number' ? errcode & 0xff : undefined;
}

/** What a failed statement means to the bot: full disk, a lock held too long, or the error itself. */
export function translateSqliteError(error: unknown): unknown {
  const code = sqliteCode(error);
  if (code === SQLITE_FULL) return new StorageFullError(error);
  if (code === SQLITE_IOERR && ERRNO_ENOSPC.test(String((error as Error).message))) return new StorageFullError(error);
  if (code === SQLITE_BUSY || code === SQLITE_LOCKED) return new StorageBusyError(error);
  return error;
}

/** Whether the error says the file is not a (readable) database. */
export function isCorruptionError(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}
