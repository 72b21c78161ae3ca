import type { Container, ItemDefinition } from '@azure/cosmos';
import type { LegacyTeamData } from '../../rules/teams/legacy-team-data';
import { cosmosStatus } from './cosmos-errors';
import { queryAll } from './cosmos-query';
import { TEAM_OWNED, type ContainerName } from './container.definitions';

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts'];

/** Moves a team's documents to another team's partition, one by one: copied first, deleted after. */
export class CosmosLegacyTeamData implements LegacyTeamData {
  constructor(private readonly containers: Readonly<Record<ContainerName, Container>>) {}

  async count(fromTeamId: string): Promise<number> {
    let total = 0;
    for (const name of TEAM_OWNED) total += (await this.documentsOf(name, fromTeamId)).length;
    return total;
  }

  async move(fromTeamId: string, toTeamId: string): Promise<{ moved: number; kept: number }> {
    let moved = 0;
    let kept = 0;
    for (const name of TEAM_OWNED) {
      const container = this.containers[name];
      for (const document of await this.documentsOf(name, fromTeamId)) {
        const copy: Record<string, unknown> = { ...document, teamId: toTeamId };
        for (const field of SYSTEM_FIELDS) delete copy[field];
        try {
          await container.items.create(copy);
        } catch (error) {
          // The team has a document with this id already: both stay, nothing is overwritten.
          if (cosmosStatus(error) === 409) {
            kept += 1;
            continue;
          }
          throw error;
        }
        await container.item(String(document.id), fromTeamId).delete();
        moved += 1;
      }
    }
    return { moved, kept };
  }

  private documentsOf(name: ContainerName, teamId: string): Promise<ItemDefinition[]> {
    return queryAll<ItemDefinition>(
      this.containers[name],
      { query: 'SELECT * FROM c WHERE c.teamId = @teamId', parameters: [{ name: '@teamId', value: teamId }] },
      { partitionKey: teamId },
    );
  }
}
