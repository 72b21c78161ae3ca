import type { Container, ItemDefinition } from '@azure/cosmos';
import type { ScreeningRepository } from '../../rules/screening/screening.repository';
import type { ScreeningStatisticsRepository } from '../../rules/screening/screening-statistics.repository';
import { caseReferenceKey } from '../../rules/screening/case-reference';
import { decidedScreeningOf, type DecidedScreening } from '../../rules/screening/decided-screening';
import type { DecidedScreeningFacts } from '../../rules/screening/intensive-share';
import type { ScreeningRecord } from '../../rules/screening/screening-record';
import { toScreeningRecord as toRecord } from './stored-documents';
import type { Versioned } from '../../rules/shared/versioned';
import { cosmosStatus } from './cosmos-errors';
import { queryAll } from './cosmos-query';
import { isDocumentId } from './document-id';
import { deepFreeze } from './deep-freeze';

type ScreeningDocument = ScreeningRecord & ItemDefinition;

/** A screening retention has not reduced yet: it holds a case reference or answers (see listToRetainCreatedBefore). */
const TO_RETAIN =
  '((IS_DEFINED(c.caseReference) AND NOT IS_NULL(c.caseReference)) OR (IS_DEFINED(c.answers) AND NOT IS_NULL(c.answers)))';

function versioned(document: ScreeningDocument | undefined, etag: string | undefined): Versioned<ScreeningRecord> {
  if (document === undefined || etag === undefined) throw new Error('Cosmos returned no document or etag');
  return { value: toRecord(document), etag };
}

/**
 * Screenings in Cosmos, partitioned by team. Every query names the team in its WHERE clause (the
 * Cosmos emulator the tests use ignores the partition-key option), and changes are conditional on the etag.
 * Records read or written one at a time come back frozen: the copy this instance remembers is the
 * one it hands out, so nobody can change it behind the others' backs, and no turn pays for a copy.
 */
export class CosmosScreeningRepository implements ScreeningRepository, ScreeningStatisticsRepository {
  /** What this instance last wrote or read per screening (frozen), bounded; see {@link getForChange}. */
  private readonly recent = new Map<string, Versioned<ScreeningRecord>>();

  constructor(
    private readonly container: Container,
    private readonly recentCapacity = 2000,
  ) {}

  async create(record: ScreeningRecord): Promise<Versioned<ScreeningRecord>> {
    const { resource, etag } = await this.container.items.create<ScreeningDocument>(record);
    return this.remember(versioned(resource, etag));
  }

  async getForChange(teamId: string, id: string): Promise<Versioned<ScreeningRecord> | undefined> {
    const known = this.recent.get(cacheKey(teamId, id));
    return known ?? this.get(teamId, id);
  }

  async get(teamId: string, id: string): Promise<Versioned<ScreeningRecord> | undefined> {
    // The id comes from a card: one that cannot name a document must not reach the request path.
    if (!isDocumentId(id)) return undefined;
    const { resource, etag } = await this.container.item(id, teamId).read<ScreeningDocument>();
    if (resource === undefined) {
      this.recent.delete(cacheKey(teamId, id));
      return undefined;
    }
    return this.remember(versioned(resource, etag));
  }

  async replace(record: ScreeningRecord, etag: string): Promise<Versioned<ScreeningRecord> | 'conflict'> {
    try {
      const response = await this.container
        .item(record.id, record.teamId)
        .replace<ScreeningDocument>(record, { accessCondition: { type: 'IfMatch', condition: etag } });
      return this.remember(versioned(response.resource, response.etag));
    } catch (error) {
      if (cosmosStatus(error) === 412 || cosmosStatus(error) === 404) {
        this.recent.delete(cacheKey(record.teamId, record.id));
        return 'conflict';
      }
      throw error;
    }
  }

  async listUnfinished(teamId: string, caseworkerId: string): Promise<ScreeningRecord[]> {
    const documents = await queryAll<ScreeningDocument>(this.container, {
      query:
        "SELECT * FROM c WHERE c.teamId = @teamId AND c.caseworkerId = @caseworkerId AND c.status != 'decided' ORDER BY c.updatedAt DESC",
      parameters: [
        { name: '@teamId', value: teamId },
        { name: '@caseworkerId', value: caseworkerId },
      ],
    });
    return documents.map(toRecord);
  }

  async listByReference(teamId: string, caseReference: string): Promise<ScreeningRecord[]> {
    const documents = await queryAll<ScreeningDocument>(this.container, {
      // Lower-cased in the query, and the one found kept only if it folds as the domain's key does.
      query: 'SELECT * FROM c WHERE c.teamId = @teamId AND LOWER(c.caseReference) = LOWER(@caseReference)',
      parameters: [
        { name: '@teamId', value: teamId },
        { name: '@caseReference', value: caseReference },
      ],
    });
    const key = caseReferenceKey(caseReference);
    return documents
      .map(toRecord)
      .filter((record) => record.caseReference !== undefined && caseReferenceKey(record.caseReference) === key);
  }

  async listByCaseworker(teamId: string, caseworkerId: string, since: string): Promise<ScreeningRecord[]> {
    const documents = await queryAll<ScreeningDocument>(this.container, {
      query:
        'SELECT * FROM c WHERE c.teamId = @teamId AND c.caseworkerId = @caseworkerId AND c.createdAt >= @since ORDER BY c.createdAt DESC',
      parameters: [
        { name: '@teamId', value: teamId },
        { name: '@caseworkerId', value: caseworkerId },
        { name: '@since', value: since },
      ],
    });
    return documents.map(toRecord);
  }

  listDecidedSince(teamId: string, since: string): Promise<DecidedScreeningFacts[]> {
    return queryAll<DecidedScreeningFacts>(this.container, {
      query:
        "SELECT c.summary.strategy AS strategy, c.decision.finalTrack AS finalTrack FROM c WHERE c.teamId = @teamId AND c.status = 'decided' AND c.decision.decidedAt >= @since",
      parameters: [
        { name: '@teamId', value: teamId },
        { name: '@since', value: since },
      ],
    });
  }

  async listDecidedBetween(teamId: string, from: string, to: string): Promise<DecidedScreening[]> {
    const documents = await queryAll<ScreeningDocument>(this.container, {
      query:
        "SELECT * FROM c WHERE c.teamId = @teamId AND c.status = 'decided' AND c.decision.decidedAt >= @from AND c.decision.decidedAt < @to",
      parameters: [
        { name: '@teamId', value: teamId },
        { name: '@from', value: from },
        { name: '@to', value: to },
      ],
    });
    return documents
      .flatMap((document) => decidedScreeningOf(toRecord(document)) ?? [])
      .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
  }

  async listToRetainCreatedBefore(teamId: string, before: string): Promise<string[]> {
    const rows = await queryAll<{ id: string }>(this.container, {
      query: `SELECT c.id FROM c WHERE c.teamId = @teamId AND c.createdAt < @before AND ${TO_RETAIN}`,
      parameters: [
        { name: '@teamId', value: teamId },
        { name: '@before', value: before },
      ],
    });
    return rows.map((row) => row.id);
  }

  async listTeamsToRetain(): Promise<string[]> {
    // Cross-partition on purpose: the job visits every team. DISTINCT is avoided (the emulator
    // lacks it), so teams are de-duplicated here.
    const rows = await queryAll<{ teamId: string }>(this.container, `SELECT c.teamId FROM c WHERE ${TO_RETAIN}`);
    return [...new Set(rows.map((row) => row.teamId))];
  }

  async delete(teamId: string, id: string, etag?: string): Promise<'deleted' | 'absent' | 'conflict'> {
    this.recent.delete(cacheKey(teamId, id));
    if (!isDocumentId(id)) return 'absent';
    try {
      await this.container
        .item(id, teamId)
        .delete(etag === undefined ? {} : { accessCondition: { type: 'IfMatch', condition: etag } });
      return 'deleted';
    } catch (error) {
      if (cosmosStatus(error) === 404) return 'absent';
      if (cosmosStatus(error) === 412) return 'conflict';
      throw error;
    }
  }

  private remember(entry: Versioned<ScreeningRecord>): Versioned<ScreeningRecord> {
    deepFreeze(entry);
    const key = cacheKey(entry.value.teamId, entry.value.id);
    this.recent.delete(key);
    this.recent.set(key, entry);
    if (this.recent.size > this.recentCapacity) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    return entry;
  }
}

function cacheKey(teamId: string, id: string): string {
  return `${teamId}\u0000${id}`;
}
