import { chmodSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SCHEMA_VERSION, SqliteDocumentStore } from '../storage/sqlite/sqlite-document.store';
import { SQLITE_FILE } from '../storage/storage';
import { CliInputError } from './cli-input';

export const BACKUP_USAGE =
  'backup <fil>          Tag en backup af datafilen, mens botten kører (DATA_DIR, standard .data)';

export interface BackupReport {
  from: string;
  to: string;
  bytes: number;
  schemaVersion: number;
  integrity: 'ok';
}

/**
 * `npm run cli -- backup <file>`: SQLite's online backup of the data file to `file` while the bot may
 * be running (a consistent copy of the last committed state), then checks the copy. Refuses when
 * Cosmos is configured (Azure keeps its own backups), when there is no data file, or when `file`
 * exists (a backup never overwrites). The copy holds personal data: it is readable by its owner only.
 */
export async function backupCommand(target: string | undefined, env: NodeJS.ProcessEnv): Promise<BackupReport> {
  if (target === undefined || target === '') throw new CliInputError('Angiv filen, backuppen skal skrives til.');
  if ((env['COSMOS_ENDPOINT'] ?? '') !== '')
    throw new CliInputError(
      'COSMOS_ENDPOINT er sat: data ligger i Azure Cosmos DB, som tager sine egne backups (se deployment/README.md). Backup-kommandoen gælder den indlejrede datafil.',
    );
  const from = path.resolve(env['DATA_DIR'] ?? '.data', SQLITE_FILE);
  const to = path.resolve(target);
  if (!existsSync(from)) throw new CliInputError(`Der er ingen datafil at tage backup af: ${from}`);
  if (existsSync(to)) throw new CliInputError(`Filen findes allerede og overskrives ikke: ${to}`);
  // Opening it checks that it is the bot's file (and of a schema this version knows) before copying.
  const store = new SqliteDocumentStore(from, { checkpointDelayMs: 0 });
  try {
    await store.backupTo(to);
  } finally {
    store.close();
  }
  chmodSync(to, 0o600);
  const copy = new DatabaseSync(to, { readOnly: true });
  try {
    const { integrity_check: integrity } = copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    if (integrity !== 'ok') throw new Error(`the backup ${to} failed its integrity check: ${integrity}`);
  } finally {
    copy.close();
  }
  return { from, to, bytes: statSync(to).size, schemaVersion: SCHEMA_VERSION, integrity: 'ok' };
}
