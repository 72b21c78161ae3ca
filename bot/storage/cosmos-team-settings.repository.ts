import type { Container } from '@azure/cosmos';
import type { SettingsVersion, TeamSettingsRepository } from '../../rules/teams/team-settings.repository';
import { cosmosStatus } from './cosmos-errors';
import { queryAll } from './cosmos-query';

/**
 * Team settings in Cosmos: one immutable document per version, id "v<version>", so two leaders saving
 * at once collide on the id (409) instead of overwriting each other.
 */
export class CosmosTeamSettingsRepository<T> implements TeamSettingsRepository<T> {
  constructor(private readonly container: Container) {}

  async current(teamId: string): Promise<SettingsVersion<T> | undefined> {
    const [latest] = await queryAll<SettingsVersion<T>>(this.container, {
      query:
        'SELECT TOP 1 c.teamId, c.version, c.settings, c.changedBy, c.changedAt FROM c WHERE c.teamId = @teamId ORDER BY c.version DESC',
      parameters: [{ name: '@teamId', value: teamId }],
    });
    return latest;
  }

  async get(teamId: string, version: number): Promise<SettingsVersion<T> | undefined> {
    const { resource } = await this.container.item(`v${version}`, teamId).read<SettingsVersion<T>>();
    if (resource === undefined) return undefined;
    const { settings, changedBy, changedAt } = resource;
    return { teamId, version, settings, changedBy, changedAt };
  }

  async add(next: SettingsVersion<T>): Promise<'added' | 'conflict'> {
    try {
      await this.container.items.create({ id: `v${next.version}`, ...next });
      return 'added';
    } catch (error) {
      if (cosmosStatus(error) === 409) return 'conflict';
      throw error;
    }
  }
}
