import type { SettingsVersion, TeamSettingsRepository } from '../../../rules/teams/team-settings.repository';
import type { SqliteDocumentStore } from './sqlite-document.store';

const TABLE = 'teamSettings';

function toVersion<T>(document: SettingsVersion<T>): SettingsVersion<T> {
  const { teamId, version, settings, changedBy, changedAt } = document;
  return { teamId, version, settings, changedBy, changedAt };
}

/** Team settings, one immutable row per version ("v<version>"): two leaders saving at once collide on the id. */
export class SqliteTeamSettingsRepository<T> implements TeamSettingsRepository<T> {
  constructor(private readonly store: SqliteDocumentStore) {}

  async current(teamId: string): Promise<SettingsVersion<T> | undefined> {
    const [latest] = this.store.documents<SettingsVersion<T>>(
      `SELECT id, etag, body FROM ${TABLE} WHERE partition = ? ORDER BY version DESC LIMIT 1`,
      teamId,
    );
    return latest === undefined ? undefined : toVersion(latest.value);
  }

  async get(teamId: string, version: number): Promise<SettingsVersion<T> | undefined> {
    const found = this.store.get<SettingsVersion<T>>(TABLE, teamId, `v${version}`);
    return found === undefined ? undefined : toVersion(found.value);
  }

  async add(next: SettingsVersion<T>): Promise<'added' | 'conflict'> {
    const id = `v${next.version}`;
    return this.store.create(TABLE, next.teamId, id, { id, ...next }) === 'conflict' ? 'conflict' : 'added';
  }
}
