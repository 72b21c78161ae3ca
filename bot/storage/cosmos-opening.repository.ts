import type { Container, ItemDefinition } from '@azure/cosmos';
import type { Opening } from '../../rules/openings/opening';
import { toOpening } from './stored-documents';
import type { OpeningRepository } from '../../rules/openings/opening.repository';
import type { Versioned } from '../../rules/shared/versioned';
import { cosmosStatus } from './cosmos-errors';
import { queryAll } from './cosmos-query';
import { isDocumentId } from './document-id';

type OpeningDocument = Opening & ItemDefinition;

function versioned(document: OpeningDocument | undefined, etag: string | undefined): Versioned<Opening> {
  if (document === undefined || etag === undefined) throw new Error('Cosmos returned no document or etag');
  return { value: toOpening(document), etag };
}

/** Openings in Cosmos, partitioned by team; the team is always in the WHERE clause. */
export class CosmosOpeningRepository implements OpeningRepository {
  constructor(private readonly container: Container) {}

  async create(opening: Opening): Promise<Versioned<Opening>> {
    const { resource, etag } = await this.container.items.create<OpeningDocument>(opening);
    return versioned(resource, etag);
  }

  async get(teamId: string, id: string): Promise<Versioned<Opening> | undefined> {
    // The id comes from a card: one that cannot name a document must not reach the request path.
    if (!isDocumentId(id)) return undefined;
    const { resource, etag } = await this.container.item(id, teamId).read<OpeningDocument>();
    return resource === undefined ? undefined : versioned(resource, etag);
  }

  async replace(opening: Opening, etag: string): Promise<Versioned<Opening> | 'conflict'> {
    try {
      const response = await this.container
        .item(opening.id, opening.teamId)
        .replace<OpeningDocument>(opening, { accessCondition: { type: 'IfMatch', condition: etag } });
      return versioned(response.resource, response.etag);
    } catch (error) {
      if (cosmosStatus(error) === 412) return 'conflict';
      throw error;
    }
  }

  async listForBoard(teamId: string, since: string): Promise<Opening[]> {
    const documents = await queryAll<OpeningDocument>(this.container, {
      query:
        'SELECT * FROM c WHERE c.teamId = @teamId AND (c.date >= @since OR (c.filled < c.seats AND NOT IS_DEFINED(c.closed)))',
      parameters: [
        { name: '@teamId', value: teamId },
        { name: '@since', value: since },
      ],
    });
    return documents.map(toOpening);
  }

  async listRegisteredBetween(teamId: string, from: string, to: string): Promise<Opening[]> {
    const documents = await queryAll<OpeningDocument>(this.container, {
      query: 'SELECT * FROM c WHERE c.teamId = @teamId AND c.date >= @from AND c.date < @to',
      parameters: [
        { name: '@teamId', value: teamId },
        { name: '@from', value: from },
        { name: '@to', value: to },
      ],
    });
    return documents.map(toOpening);
  }
}
