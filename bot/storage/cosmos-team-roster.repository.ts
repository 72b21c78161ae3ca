import type { Container } from '@azure/cosmos';
import type { TeamRosterRepository } from '../../rules/teams/team-roster.repository';
import { cosmosStatus } from './cosmos-errors';

interface RosterDocument {
  id: 'roster';
  teamId: string;
  leaders: string[];
  updatedAt: string;
}

/** A team's leaders in one document; additions are conditional on the etag (or a create for the first). */
export class CosmosTeamRosterRepository implements TeamRosterRepository {
  constructor(private readonly container: Container) {}

  async leaders(teamId: string): Promise<string[]> {
    const { resource } = await this.container.item('roster', teamId).read<RosterDocument>();
    return resource?.leaders ?? [];
  }

  async addLeader(teamId: string, userId: string, at: string): Promise<boolean> {
    const item = this.container.item('roster', teamId);
    const { resource, etag } = await item.read<RosterDocument>();
    try {
      if (resource === undefined) {
        await this.container.items.create<RosterDocument>({ id: 'roster', teamId, leaders: [userId], updatedAt: at });
      } else if (!resource.leaders.includes(userId)) {
        await item.replace<RosterDocument>(
          { id: 'roster', teamId, leaders: [...resource.leaders, userId], updatedAt: at },
          { accessCondition: { type: 'IfMatch', condition: etag ?? '' } },
        );
      }
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 409 || cosmosStatus(error) === 412) return false;
      throw error;
    }
  }
}
