import type { Container } from '@azure/cosmos';
import type { ProcessedActivityRepository } from '../../rules/shared/processed-activity.repository';
import { cosmosStatus } from './cosmos-errors';
import { queryAll } from './cosmos-query';
import { documentIdFor } from './document-id';

interface ClaimDocument {
  id: string;
  conversationId: string;
  claimedAt: string;
}

/**
 * Claims in Cosmos. A claim is a create, which the store makes atomic: of two deliveries racing on
 * two instances exactly one gets 201 and the other 409.
 */
export class CosmosProcessedActivityRepository implements ProcessedActivityRepository {
  constructor(private readonly container: Container) {}

  async claim(conversationId: string, activityId: string, at: Date): Promise<boolean> {
    try {
      await this.container.items.create<ClaimDocument>({
        id: documentIdFor(activityId),
        conversationId,
        claimedAt: at.toISOString(),
      });
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 409) return false;
      throw error;
    }
  }

  async purgeOlderThan(before: Date): Promise<number> {
    const claims = await queryAll<Pick<ClaimDocument, 'id' | 'conversationId'>>(this.container, {
      query: 'SELECT c.id, c.conversationId FROM c WHERE c.claimedAt < @before',
      parameters: [{ name: '@before', value: before.toISOString() }],
    });
    for (const claim of claims) {
      try {
        await this.container.item(claim.id, claim.conversationId).delete();
      } catch (error) {
        if (cosmosStatus(error) !== 404) throw error;
      }
    }
    return claims.length;
  }
}
