import type { Container, ItemDefinition } from '@azure/cosmos';
import { weekKey, type IsoWeek } from '../../rules/goals/iso-week';
import { weeklyLogId, type WeeklyLog } from '../../rules/goals/weekly-log';
import type { WeeklyLogRepository } from '../../rules/goals/weekly-log.repository';
import type { Versioned } from '../../rules/shared/versioned';
import { domainValue, readVersioned, saveConditionally } from './cosmos-documents';
import { queryAll } from './cosmos-query';
import { documentIdFor } from './document-id';

function toLog(document: ItemDefinition): WeeklyLog {
  const { logId, ...rest } = document;
  return domainValue<WeeklyLog>({ ...rest, id: logId as string }, true);
}

/**
 * Members' weekly logs in the team's partition. The document id is derived from the member and the
 * week (hashed: Teams user ids may hold characters Cosmos refuses), so a week is stored once.
 */
export class CosmosWeeklyLogRepository implements WeeklyLogRepository {
  constructor(private readonly container: Container) {}

  get(teamId: string, userId: string, week: IsoWeek): Promise<Versioned<WeeklyLog> | undefined> {
    return readVersioned(this.container, documentIdFor(weeklyLogId(userId, week)), teamId, toLog);
  }

  save(log: WeeklyLog, etag: string | undefined): Promise<Versioned<WeeklyLog> | 'conflict'> {
    const document = { ...log, logId: log.id, id: documentIdFor(log.id) };
    return saveConditionally(this.container, document, log.teamId, etag, toLog);
  }

  async listBetween(teamId: string, from: IsoWeek, to: IsoWeek): Promise<WeeklyLog[]> {
    const documents = await queryAll<ItemDefinition>(this.container, {
      query: 'SELECT * FROM c WHERE c.teamId = @teamId AND c.weekKey >= @from AND c.weekKey <= @to',
      parameters: [
        { name: '@teamId', value: teamId },
        { name: '@from', value: weekKey(from) },
        { name: '@to', value: weekKey(to) },
      ],
    });
    return documents.map(toLog).sort((a, b) => a.weekKey.localeCompare(b.weekKey) || a.userId.localeCompare(b.userId));
  }
}
