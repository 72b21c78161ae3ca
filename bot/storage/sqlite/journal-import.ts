import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { SqliteDocumentStore } from './sqlite-document.store';
import { PARTITION_FIELD, TABLES, type TableName } from './sqlite-schema';

/** The journal the embedded Cosmos server of earlier versions kept in DATA_DIR. */
export const OLD_JOURNAL = 'embedded-cosmos.jsonl';
const IMPORTING_SUFFIX = '.importing';
const IMPORTED_SUFFIX = '.imported';

/** The old journal cannot be read to the end; nothing is imported and the file is left as it was. */
export class JournalImportError extends Error {
  readonly code = 'JOURNAL_IMPORT_FAILED';
  constructor(file: string, line: number, detail: string) {
    super(
      `Den gamle datafil ${file} kan ikke læses ved linje ${line} (${detail}). Botten starter ikke, og intet er ændret. Gendan filen fra en backup, eller flyt den væk, hvis dens data ikke skal med.`,
    );
    this.name = 'JournalImportError';
  }
}

/** A write as the old embedded server journaled it: an HTTP request to its Cosmos-compatible API. */
interface JournalRecord {
  m: string;
  u: string;
  h?: Record<string, string | string[]>;
  b?: unknown;
}

type Documents = Map<string, { table: TableName; partition: string; id: string; body: Record<string, unknown> }>;

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_ts', '_attachments'];
const TABLE_NAMES = new Set<string>(TABLES);

/**
 * Imports the old embedded server's journal (`.data/embedded-cosmos.jsonl`) into the SQLite file
 * once: the journal is renamed to `…jsonl.importing`, its writes are replayed in memory (the snapshot
 * at its head, then every create, upsert, replace, patch and delete after it), the resulting documents
 * are written in one transaction, and the file is renamed to `…jsonl.imported`. A crash in between
 * leaves `.importing`, which the next start imports again (the transaction kept nothing, or all).
 * A torn last line (a write that was never acknowledged) is left out; any other unreadable line stops
 * the import with the file and line named. Resolves how many documents were imported, or undefined
 * when there was no journal.
 */
export function importOldJournal(
  store: SqliteDocumentStore,
  dataDir: string,
  database: string,
): { documents: number; file: string } | undefined {
  const journal = path.join(dataDir, OLD_JOURNAL);
  const importing = journal + IMPORTING_SUFFIX;
  if (existsSync(journal) && !existsSync(importing)) renameSync(journal, importing);
  if (!existsSync(importing)) return undefined;
  const documents = replay(readFileSync(importing), importing, database);
  store.transaction(() => {
    for (const document of documents.values()) {
      store.upsert(document.table, document.partition, document.id, document.body);
    }
  });
  renameSync(importing, journal + IMPORTED_SUFFIX);
  return { documents: documents.size, file: journal + IMPORTED_SUFFIX };
}

function replay(content: Buffer, file: string, database: string): Documents {
  const documents: Documents = new Map();
  let start = 0;
  let line = 0;
  while (start < content.length) {
    line += 1;
    const newline = content.indexOf(0x0a, start);
    if (newline === -1) break; // torn last write: never acknowledged
    let record: JournalRecord;
    try {
      record = JSON.parse(content.subarray(start, newline).toString('utf8')) as JournalRecord;
    } catch {
      throw new JournalImportError(file, line, 'linjen er ikke gyldig JSON');
    }
    if (typeof record !== 'object' || record === null || typeof record.m !== 'string' || typeof record.u !== 'string')
      throw new JournalImportError(file, line, 'linjen er ikke en gemt skrivning');
    apply(documents, record, database, () => new JournalImportError(file, line, 'skrivningen kan ikke genskabes'));
    start = newline + 1;
  }
  return documents;
}

function apply(documents: Documents, record: JournalRecord, database: string, invalid: () => Error): void {
  const segments = record.u.split('?')[0]?.split('/').filter(Boolean).map(decodeURIComponent) ?? [];
  // Only documents: /dbs/{db}/colls/{coll}/docs[/{id}] of the bot's database and its known containers.
  if (segments.length < 5 || segments[0] !== 'dbs' || segments[2] !== 'colls' || segments[4] !== 'docs') return;
  const [, db, , collection] = segments;
  if (db !== database || collection === undefined || !TABLE_NAMES.has(collection)) return;
  const table = collection as TableName;
  if (header(record, 'x-ms-cosmos-is-batch-request') === 'true') throw invalid();
  const id = segments[5];
  const body = record.b as Record<string, unknown> | undefined;
  if (record.m === 'POST' && id === undefined) {
    if (body === undefined || typeof body.id !== 'string') throw invalid();
    put(documents, table, body);
    return;
  }
  if (id === undefined) throw invalid();
  const partition = partitionFromHeader(record) ?? undefined;
  const existing = [...documentsWithId(documents, table, id, partition)];
  if (record.m === 'PUT') {
    if (body === undefined) throw invalid();
    put(documents, table, body);
  } else if (record.m === 'DELETE') {
    for (const key of existing) documents.delete(key);
  } else if (record.m === 'PATCH') {
    // The SDK sends a patch as its list of operations (or, with a condition, inside `operations`).
    type Operation = { op: string; path: string; value?: unknown };
    const operations: unknown = Array.isArray(body)
      ? body
      : (body as { operations?: Operation[] } | undefined)?.operations;
    if (!Array.isArray(operations)) throw invalid();
    for (const key of existing) {
      const document = documents.get(key);
      if (document === undefined) continue;
      for (const operation of operations as Operation[]) {
        const field = operation.path.replace(/^\//, '');
        if (field.includes('/')) throw invalid();
        if (operation.op === 'remove') delete document.body[field];
        else document.body[field] = operation.value;
      }
    }
  } else {
    throw invalid();
  }
}

function put(documents: Documents, table: TableName, stored: Record<string, unknown>): void {
  const body = { ...stored };
  for (const field of SYSTEM_FIELDS) delete body[field];
  const partition = String(body[PARTITION_FIELD[table]]);
  const id = String(body.id);
  documents.set(keyOf(table, partition, id), { table, partition, id, body });
}

function* documentsWithId(documents: Documents, table: TableName, id: string, partition: string | undefined) {
  if (partition !== undefined) {
    const key = keyOf(table, partition, id);
    if (documents.has(key)) yield key;
    return;
  }
  for (const [key, document] of documents) if (document.table === table && document.id === id) yield key;
}

function partitionFromHeader(record: JournalRecord): string | undefined {
  const value = header(record, 'x-ms-documentdb-partitionkey');
  if (value === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.length === 1 ? String(parsed[0]) : undefined;
  } catch {
    return undefined;
  }
}

function header(record: JournalRecord, name: string): string | undefined {
  const value = record.h?.[name];
  return Array.isArray(value) ? value[0] : value;
}

function keyOf(table: string, partition: string, id: string): string {
  return `${table}\u0000${partition}\u0000${id}`;
}
