import type { LegacyTeamData } from '../../../rules/teams/legacy-team-data';
import { TEAM_OWNED } from '../container.definitions';
import type { SqliteDocumentStore } from './sqlite-document.store';

/**
 * Moves a team's rows to another team's partition in one transaction. A row whose id the team has
 * already stays where it was: nothing is overwritten.
 */
export class SqliteLegacyTeamData implements LegacyTeamData {
  constructor(private readonly store: SqliteDocumentStore) {}

  async count(fromTeamId: string): Promise<number> {
    let total = 0;
    for (const table of TEAM_OWNED) total += this.store.list(table, fromTeamId).length;
    return total;
  }

  async move(fromTeamId: string, toTeamId: string): Promise<{ moved: number; kept: number }> {
    return this.store.transaction(() => {
      let moved = 0;
      let kept = 0;
      for (const table of TEAM_OWNED) {
        for (const row of this.store.list<Record<string, unknown>>(table, fromTeamId)) {
          if (this.store.create(table, toTeamId, row.id, { ...row.value, teamId: toTeamId }) === 'conflict') {
            kept += 1;
            continue;
          }
          this.store.delete(table, fromTeamId, row.id);
          moved += 1;
        }
      }
      return { moved, kept };
    });
  }
}
