import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { AuditEvent, AuditTrail } from '../../rules/shared/audit-trail';
import { queryAll } from './cosmos-query';

/** The audit trail in Cosmos: append-only, one document per event, partitioned by team. */
export class CosmosAuditTrail implements AuditTrail {
  constructor(private readonly container: Container) {}

  async record(event: AuditEvent): Promise<void> {
    await this.container.items.create({ id: randomUUID(), ...event });
  }

  async listFor(teamId: string, entityId: string): Promise<AuditEvent[]> {
    return queryAll<AuditEvent>(this.container, {
      query:
        'SELECT c.teamId, c.at, c.actorId, c.action, c.entity, c.entityId, c.detail FROM c WHERE c.teamId = @teamId AND c.entityId = @entityId ORDER BY c.at ASC',
      parameters: [
        { name: '@teamId', value: teamId },
        { name: '@entityId', value: entityId },
      ],
    });
  }
}
