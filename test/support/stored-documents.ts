import path from 'node:path';
import { SqliteDocumentStore } from '../../bot/storage/sqlite/sqlite-document.store';
import { TABLES, type TableName } from '../../bot/storage/sqlite/sqlite-schema';
import { SQLITE_FILE } from '../../bot/storage/storage';

export type StoredDocument = Record<string, unknown>;

/**
 * Every document a running bot has stored in its SQLite file, read through a connection of the test's
 * own (as another process would), per collection: for tests that check what was stored, and where.
 */
export class StoredDocuments {
  private readonly store: SqliteDocumentStore;

  constructor(dataDir: string) {
    this.store = new SqliteDocumentStore(path.join(dataDir, SQLITE_FILE), { checkpointDelayMs: 0 });
  }

  readonly collections: readonly TableName[] = TABLES;

  all(collection: TableName): StoredDocument[] {
    return this.store
      .rows<{ body: string }>(`SELECT body FROM ${collection}`)
      .map((row) => JSON.parse(row.body) as StoredDocument);
  }

  close(): void {
    this.store.close();
  }
}
