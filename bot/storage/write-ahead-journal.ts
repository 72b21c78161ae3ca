import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

/** The subset of a pino logger the journal needs; it never receives record contents. */
export interface JournalLogger {
  warn(obj: object, msg: string): void;
}

/** Where and how a {@link WriteAheadJournal} keeps its files. */
export interface WriteAheadJournalOptions {
  /** Folder holding the journal and its lock; created if missing. */
  dir: string;
  /** Base name of the journal file and its lock (`<name>.jsonl`, `<name>.lock`). */
  name: string;
  logger?: JournalLogger;
  /**
   * Average `fdatasync` time (ms) up to which syncs are made on the event loop; defaults to
   * {@link INLINE_SYNC_LIMIT_MS}. 0 makes every sync in the thread pool.
   */
  inlineSyncLimitMs?: number;
}

/** One record read back from the journal, with the 1-based line it came from (for error messages). */
export interface RecoveredRecord {
  readonly lineNumber: number;
  readonly value: unknown;
}

/** Thrown when a line other than the last cannot be parsed: that is damage, not a torn final write. */
export class JournalCorruptError extends Error {
  constructor(
    readonly filePath: string,
    readonly lineNumber: number,
    detail: string,
  ) {
    super(`Journal ${filePath} is corrupt at line ${lineNumber}: ${detail}. Restore it from a backup or remove it.`);
    this.name = 'JournalCorruptError';
  }
}

/** Thrown when another live process (or this one) already has the folder open. */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number | undefined,
    detail: string,
  ) {
    super(`Data folder is in use: ${detail} (lock file ${lockPath}).`);
    this.name = 'DataDirLockedError';
  }
}

interface SyncWaiter {
  seq: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

interface LockContent {
  pid: number;
  hostname: string;
}

const NEWLINE = 0x0a;
/** Snapshot lines are gathered into writes of about this size, to keep syscalls few without holding it all twice. */
const REWRITE_CHUNK_BYTES = 1 << 20;
const LOCK_ATTEMPTS = 5;
/** The journal holds personal data: readable by its owner only (where the platform has such modes). */
const JOURNAL_FILE_MODE = 0o600;
/** An unreadable lock this young may belong to a process between creating and filling it. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;
/**
 * While `fdatasync` takes at most this long (a moving average), it is made on the event loop; slower
 * disks get it in the thread pool. Handing a sync to the thread pool and waking the loop when it is
 * done costs ~50 µs of CPU per write more than the sync itself, and on a fast disk the loop would be
 * idle waiting for it anyway; a slow disk (or one that becomes slow) must not stall every turn.
 */
const INLINE_SYNC_LIMIT_MS = 1;
/** Weight of the newest measurement in the moving average of sync times. */
const SYNC_TIME_WEIGHT = 0.25;

/**
 * An append-only file of JSON lines whose appends resolve only once they are on disk.
 *
 * Each append is written to the file at once (so a killed process loses nothing the kernel has), and
 * the appends of one turn of the event loop share one `fdatasync` (group commit). While the disk
 * syncs fast (see {@link INLINE_SYNC_LIMIT_MS}) that sync is made on the event loop, after the turn's
 * appends; when it is slow, in the thread pool, where appends arriving meanwhile share the next one,
 * so the event loop never waits long for the disk. The folder is locked for the journal's lifetime
 * because two writers would interleave lines and each would replay only its own view.
 */
export class WriteAheadJournal {
  readonly filePath: string;
  private readonly lockPath: string;
  private readonly dir: string;
  private readonly logger: JournalLogger | undefined;
  private fd: number | undefined;
  private appendedSeq = 0;
  private syncedSeq = 0;
  private syncing = false;
  private inlineSyncScheduled = false;
  /** Moving average of recent `fdatasync` times (ms); starts from the lock file's sync at open. */
  private syncMs = 0;
  private inlineSyncLimitMs = INLINE_SYNC_LIMIT_MS;
  private readonly waiters: SyncWaiter[] = [];
  private failure: Error | undefined;
  private bytesSinceRewrite = 0;
  private lastRewriteBytes = 0;
  private closing: Promise<void> | undefined;

  private constructor(dir: string, filePath: string, lockPath: string, logger: JournalLogger | undefined) {
    this.dir = dir;
    this.filePath = filePath;
    this.lockPath = lockPath;
    this.logger = logger;
  }

  /**
   * Locks the folder, reads back every complete record and opens the file for appending.
   *
   * A last line that is unparsable or lacks its newline is a write cut short by a crash: it was never
   * acknowledged, so it is dropped and cut off the file (or later appends would be glued onto it).
   * Any other unparsable line throws {@link JournalCorruptError}.
   */
  static open(options: WriteAheadJournalOptions): { journal: WriteAheadJournal; recovered: RecoveredRecord[] } {
    fs.mkdirSync(options.dir, { recursive: true });
    const filePath = path.join(options.dir, `${options.name}.jsonl`);
    const lockPath = path.join(options.dir, `${options.name}.lock`);
    const lockSyncMs = acquireLock(lockPath);
    const journal = new WriteAheadJournal(options.dir, filePath, lockPath, options.logger);
    journal.inlineSyncLimitMs = options.inlineSyncLimitMs ?? INLINE_SYNC_LIMIT_MS;
    // Creating the lock file durably is a sync on the same disk (a heavier one than an append's).
    journal.syncMs = lockSyncMs;
    try {
      const recovered = journal.recover();
      journal.fd = fs.openSync(filePath, 'a', JOURNAL_FILE_MODE);
      return { journal, recovered };
    } catch (error) {
      releaseLock(lockPath);
      throw error;
    }
  }

  /** Bytes appended since the file was last rewritten, to decide when a compaction pays off. */
  get growthBytes(): number {
    return this.bytesSinceRewrite;
  }

  /** Size of the file right after the last rewrite, i.e. of the live state. */
  get baseBytes(): number {
    return this.lastRewriteBytes;
  }

  /**
   * Writes one record and resolves once it is durable. The write happens before this returns, so
   * records land in the order of the calls; only the wait for the disk is asynchronous.
   */
  append(value: unknown): Promise<void> {
    if (this.failure !== undefined) {
      return Promise.reject(this.failure);
    }
    if (this.fd === undefined || this.closing !== undefined) {
      return Promise.reject(new Error(`Journal ${this.filePath} is closed`));
    }
    const line = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
    try {
      writeFully(this.fd, line);
    } catch (error) {
      return Promise.reject(this.fail(error));
    }
    this.bytesSinceRewrite += line.length;
    this.appendedSeq += 1;
    const seq = this.appendedSeq;
    const durable = new Promise<void>((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
    this.scheduleSync();
    return durable;
  }

  /** Resolves once everything appended so far is durable. */
  flush(): Promise<void> {
    if (this.failure !== undefined) {
      return Promise.reject(this.failure);
    }
    if (this.syncedSeq >= this.appendedSeq) {
      return Promise.resolve();
    }
    const seq = this.appendedSeq;
    return new Promise<void>((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  /**
   * Replaces the whole file with `records` (a snapshot of the live state) atomically: temp file,
   * fsync, rename, fsync of the folder. The caller must not append meanwhile.
   */
  async rewrite(records: Iterable<unknown>): Promise<void> {
    await this.flush();
    if (this.fd === undefined || this.closing !== undefined) {
      throw new Error(`Journal ${this.filePath} is closed`);
    }
    const tempPath = `${this.filePath}.tmp`;
    let written = 0;
    const temp = await fs.promises.open(tempPath, 'w', JOURNAL_FILE_MODE);
    try {
      let chunk: string[] = [];
      let chunkLength = 0;
      for (const record of records) {
        const line = `${JSON.stringify(record)}\n`;
        chunk.push(line);
        chunkLength += line.length;
        if (chunkLength >= REWRITE_CHUNK_BYTES) {
          written += await writeFullyAsync(temp, Buffer.from(chunk.join(''), 'utf8'));
          chunk = [];
          chunkLength = 0;
        }
      }
      if (chunk.length > 0) {
        written += await writeFullyAsync(temp, Buffer.from(chunk.join(''), 'utf8'));
      }
      await temp.sync();
    } catch (error) {
      await temp.close();
      await fs.promises.rm(tempPath, { force: true });
      throw error;
    }
    await temp.close();
    try {
      // Closed before the rename because Windows refuses to replace a file that is open.
      fs.closeSync(this.fd);
      this.fd = undefined;
      fs.renameSync(tempPath, this.filePath);
      fsyncDir(this.dir);
      this.fd = fs.openSync(this.filePath, 'a');
    } catch (error) {
      throw this.fail(error);
    }
    this.bytesSinceRewrite = 0;
    this.lastRewriteBytes = written;
  }

  /** Waits for pending appends to be durable, closes the file and releases the folder. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.flush();
      } catch {
        // The failure was already reported to every waiting append; closing must still release the lock.
      }
      if (this.fd !== undefined) {
        fs.closeSync(this.fd);
        this.fd = undefined;
      }
      releaseLock(this.lockPath);
    })();
    return this.closing;
  }

  private recover(): RecoveredRecord[] {
    let content: Buffer;
    try {
      content = fs.readFileSync(this.filePath);
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') {
        return [];
      }
      throw error;
    }
    const recovered: RecoveredRecord[] = [];
    let start = 0;
    let lineNumber = 0;
    while (start < content.length) {
      lineNumber += 1;
      const newline = content.indexOf(NEWLINE, start);
      const end = newline === -1 ? content.length : newline;
      const isLast = newline === -1 || newline + 1 >= content.length;
      let value: unknown;
      let parsed = newline !== -1;
      if (parsed) {
        try {
          value = JSON.parse(content.subarray(start, end).toString('utf8'));
        } catch {
          parsed = false;
        }
      }
      if (!parsed) {
        if (!isLast) {
          throw new JournalCorruptError(this.filePath, lineNumber, 'the line is not valid JSON');
        }
        this.logger?.warn(
          { file: this.filePath, line: lineNumber, droppedBytes: content.length - start },
          'Dropping a torn last journal line left by an interrupted write',
        );
        fs.truncateSync(this.filePath, start);
        break;
      }
      recovered.push({ lineNumber, value });
      start = end + 1;
    }
    this.lastRewriteBytes = Math.min(start, content.length);
    return recovered;
  }

  private scheduleSync(): void {
    if (this.syncing || this.inlineSyncScheduled || this.fd === undefined || this.syncedSeq >= this.appendedSeq) {
      return;
    }
    if (this.syncMs <= this.inlineSyncLimitMs && this.inlineSyncLimitMs > 0) {
      // After the rest of this turn of the event loop, so that its other appends share the sync.
      this.inlineSyncScheduled = true;
      setImmediate(() => this.syncInline());
      return;
    }
    this.syncing = true;
    const target = this.appendedSeq;
    const started = performance.now();
    fs.fdatasync(this.fd, (error) => {
      this.syncing = false;
      if (error) {
        this.fail(error);
        return;
      }
      this.synced(target, performance.now() - started);
    });
  }

  private syncInline(): void {
    this.inlineSyncScheduled = false;
    if (this.fd === undefined || this.failure !== undefined || this.syncedSeq >= this.appendedSeq) {
      return;
    }
    const target = this.appendedSeq;
    const started = performance.now();
    try {
      fs.fdatasyncSync(this.fd);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.synced(target, performance.now() - started);
  }

  private synced(target: number, ms: number): void {
    this.syncMs += (ms - this.syncMs) * SYNC_TIME_WEIGHT;
    this.syncedSeq = target;
    while (this.waiters.length > 0 && (this.waiters[0]?.seq ?? Infinity) <= target) {
      this.waiters.shift()?.resolve();
    }
    this.scheduleSync();
  }

  /**
   * After a failed write or fsync the file's tail is unknown and, on Linux, a retried fsync may report
   * success for lost pages; the only safe course is to refuse everything from now on.
   */
  private fail(cause: unknown): Error {
    if (this.failure === undefined) {
      const message = cause instanceof Error ? cause.message : String(cause);
      this.failure = new Error(`Journal ${this.filePath} could not be written durably: ${message}`, { cause });
      this.logger?.warn({ file: this.filePath, err: this.failure }, 'Journal write failed; refusing further writes');
    }
    for (const waiter of this.waiters.splice(0)) {
      waiter.reject(this.failure);
    }
    return this.failure;
  }
}

function writeFully(fd: number, buffer: Buffer): void {
  let offset = 0;
  while (offset < buffer.length) {
    offset += fs.writeSync(fd, buffer, offset, buffer.length - offset);
  }
}

async function writeFullyAsync(handle: fs.promises.FileHandle, buffer: Buffer): Promise<number> {
  let offset = 0;
  while (offset < buffer.length) {
    offset += (await handle.write(buffer, offset, buffer.length - offset)).bytesWritten;
  }
  return offset;
}

/** Makes a rename durable; Windows cannot open folders for fsync, and NTFS journals renames itself. */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') {
    return;
  }
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Creates the lock file exclusively and resolves how long (ms) making it durable took. A lock left by
 * a dead process on this host is taken over; the stale file is first renamed aside so that two
 * processes racing to take it over cannot both win.
 */
function acquireLock(lockPath: string): number {
  const ownContent: LockContent = { pid: process.pid, hostname: os.hostname() };
  for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt += 1) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      try {
        fs.writeSync(fd, JSON.stringify(ownContent));
        const started = performance.now();
        fs.fsyncSync(fd);
        return performance.now() - started;
      } finally {
        fs.closeSync(fd);
      }
    } catch (error) {
      if (!isErrnoException(error) || error.code !== 'EEXIST') {
        throw error;
      }
    }
    const holder = readLock(lockPath);
    if (holder === 'missing') {
      continue;
    }
    if (holder === 'unreadable' && isYoungerThan(lockPath, UNREADABLE_LOCK_GRACE_MS)) {
      throw new DataDirLockedError(
        lockPath,
        undefined,
        'the lock file is being written by another process (or is damaged; delete it if no process uses the folder)',
      );
    }
    if (holder !== 'unreadable') {
      if (holder.hostname !== os.hostname()) {
        throw new DataDirLockedError(
          lockPath,
          holder.pid,
          `locked by pid ${holder.pid} on host ${holder.hostname}, whose liveness cannot be checked from here; delete the lock file if that process is gone`,
        );
      }
      if (holder.pid === process.pid) {
        throw new DataDirLockedError(lockPath, holder.pid, 'this process already has it open');
      }
      if (isProcessAlive(holder.pid)) {
        throw new DataDirLockedError(
          lockPath,
          holder.pid,
          `locked by the running process ${holder.pid}; stop it, or point this one at another data folder`,
        );
      }
    }
    const asidePath = `${lockPath}.stale-${process.pid}-${attempt}`;
    try {
      fs.renameSync(lockPath, asidePath);
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') {
        continue;
      }
      throw error;
    }
    const moved = readLock(asidePath);
    const movedTheStaleOne =
      holder === 'unreadable'
        ? moved === 'unreadable'
        : moved !== 'missing' && moved !== 'unreadable' && moved.pid === holder.pid;
    if (!movedTheStaleOne) {
      // Someone took the lock over between our read and our rename: give it back and look again.
      try {
        fs.linkSync(asidePath, lockPath);
      } catch {
        // A third process already holds a fresh lock; the next attempt will see it.
      }
    }
    fs.rmSync(asidePath, { force: true });
  }
  throw new DataDirLockedError(lockPath, undefined, `could not take the lock after ${LOCK_ATTEMPTS} attempts`);
}

/** An empty or half-written lock (crash between create and write) counts as stale: its owner never started. */
function readLock(lockPath: string): LockContent | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') {
      return 'missing';
    }
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'pid' in parsed &&
      'hostname' in parsed &&
      Number.isInteger(parsed.pid) &&
      typeof parsed.hostname === 'string'
    ) {
      return { pid: parsed.pid as number, hostname: parsed.hostname };
    }
  } catch {
    // Falls through to 'unreadable'.
  }
  return 'unreadable';
}

function releaseLock(lockPath: string): void {
  const holder = readLock(lockPath);
  if (holder !== 'missing' && holder !== 'unreadable' && holder.pid === process.pid) {
    fs.rmSync(lockPath, { force: true });
  }
}

function isYoungerThan(filePath: string, ageMs: number): boolean {
  try {
    return Date.now() - fs.statSync(filePath).mtimeMs < ageMs;
  } catch {
    return false;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means it exists but belongs to someone else.
    return isErrnoException(error) && error.code === 'EPERM';
  }
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
