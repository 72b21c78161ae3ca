import type { Container, ItemDefinition, SqlParameter } from '@azure/cosmos';
import type { FollowUp, FollowUpWeek } from '../../rules/follow-ups/follow-up';
import type { FollowUpRepository } from '../../rules/follow-ups/follow-up.repository';
import type { Versioned } from '../../rules/shared/versioned';
import { cosmosStatus } from './cosmos-errors';
import { domainValue, readVersioned, saveConditionally } from './cosmos-documents';
import { queryAll } from './cosmos-query';

const toFollowUp = (document: ItemDefinition) => domainValue<FollowUp>(document, true);
/** Optional fields are absent (never stored as null), but treat a null as absent too. */
const ABSENT = (field: string) => `(NOT IS_DEFINED(c.${field}) OR IS_NULL(c.${field}))`;
const byDueDate = (a: FollowUp, b: FollowUp) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id);

/** Screening follow-ups in the team's partition; the id is `<screeningId>:<weeks>`. */
export class CosmosFollowUpRepository implements FollowUpRepository {
  constructor(private readonly container: Container) {}

  async create(followUp: FollowUp): Promise<Versioned<FollowUp> | 'exists'> {
    const saved = await saveConditionally(this.container, followUp, followUp.teamId, undefined, toFollowUp);
    return saved === 'conflict' ? 'exists' : saved;
  }

  get(teamId: string, id: string): Promise<Versioned<FollowUp> | undefined> {
    return readVersioned(this.container, id, teamId, toFollowUp);
  }

  replace(followUp: FollowUp, etag: string): Promise<Versioned<FollowUp> | 'conflict'> {
    return saveConditionally(this.container, followUp, followUp.teamId, etag, toFollowUp);
  }

  async listAwaitingReminder(date: string): Promise<FollowUp[]> {
    // Across teams on purpose: the reminder job's work list.
    const found = await this.query(
      `SELECT * FROM c WHERE c.dueDate <= @date AND ${ABSENT('remindedAt')} AND ${ABSENT('outcome')}`,
      [{ name: '@date', value: date }],
    );
    return found.sort(byDueDate);
  }

  listDueBetween(teamId: string, from: string, to: string, weeks?: FollowUpWeek): Promise<FollowUp[]> {
    return this.query(
      `SELECT * FROM c WHERE c.teamId = @teamId AND c.dueDate >= @from AND c.dueDate <= @to${weeks === undefined ? '' : ' AND c.weeks = @weeks'}`,
      [
        { name: '@teamId', value: teamId },
        { name: '@from', value: from },
        { name: '@to', value: to },
        ...(weeks === undefined ? [] : [{ name: '@weeks', value: weeks }]),
      ],
    );
  }

  async listAwaitingOutcome(teamId: string, caseworkerId: string, date: string): Promise<FollowUp[]> {
    const found = await this.query(
      `SELECT * FROM c WHERE c.teamId = @teamId AND c.caseworkerId = @caseworkerId AND c.dueDate <= @date AND ${ABSENT('outcome')}`,
      [
        { name: '@teamId', value: teamId },
        { name: '@caseworkerId', value: caseworkerId },
        { name: '@date', value: date },
      ],
    );
    return found.sort(byDueDate);
  }

  async deleteForScreening(teamId: string, screeningId: string): Promise<number> {
    const found = await this.query('SELECT * FROM c WHERE c.teamId = @teamId AND c.screeningId = @screeningId', [
      { name: '@teamId', value: teamId },
      { name: '@screeningId', value: screeningId },
    ]);
    let deleted = 0;
    for (const followUp of found) {
      try {
        await this.container.item(followUp.id, teamId).delete();
        deleted += 1;
      } catch (error) {
        if (cosmosStatus(error) !== 404) throw error;
      }
    }
    return deleted;
  }

  private async query(query: string, parameters: SqlParameter[]): Promise<FollowUp[]> {
    return (await queryAll<ItemDefinition>(this.container, { query, parameters })).map(toFollowUp);
  }
}
