import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { AuditEvent, AuditTrail } from '../../rules/shared/audit-trail';
import { cosmosStatus } from './cosmos-errors';
import { queryAll } from './cosmos-query';

const FIELDS = 'c.teamId, c.at, c.actorId, c.action, c.entity, c.entityId, c.detail, c.subjectKey';

/** The audit trail in Cosmos: append-only (only ever created), one document per event, partitioned by team. */
export class CosmosAuditTrail implements AuditTrail {
  constructor(private readonly container: Container) {}

  async record(event: AuditEvent, options: { eventId?: string } = {}): Promise<void> {
    try {
      await this.container.items.create({ id: options.eventId ?? randomUUID(), ...event });
    } catch (error) {
      // An event recorded once by its id: a second recording changes nothing.
      if (!(options.eventId !== undefined && cosmosStatus(error) === 409)) throw error;
    }
  }

  listFor(teamId: string, entityId: string): Promise<AuditEvent[]> {
    return this.list(teamId, 'c.entityId = @value', entityId);
  }

  listBySubject(teamId: string, subjectKey: string): Promise<AuditEvent[]> {
    return this.list(teamId, 'c.subjectKey = @value', subjectKey);
  }

  private async list(teamId: string, condition: string, value: string): Promise<AuditEvent[]> {
    const rows = await queryAll<AuditEvent>(this.container, {
      query: `SELECT ${FIELDS} FROM c WHERE c.teamId = @teamId AND ${condition} ORDER BY c.at ASC`,
      parameters: [
        { name: '@teamId', value: teamId },
        { name: '@value', value },
      ],
    });
    // Events recorded before subject keys existed have none; the domain has no nulls.
    return rows.map(({ subjectKey, ...event }) => (subjectKey == null ? event : { ...event, subjectKey }));
  }
}
