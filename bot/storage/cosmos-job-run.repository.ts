import type { Container } from '@azure/cosmos';
import type { ClaimOutcome, JobRun, JobRunRepository } from '../../rules/shared/job-run.repository';
import { cosmosStatus } from './cosmos-errors';
import { documentIdFor } from './document-id';

type JobRunDocument = JobRun & { id: string };

/**
 * Job runs in Cosmos. The first claim is a create (atomic: one instance gets 201, the others 409);
 * taking over an expired lease and completing are replaces conditional on the etag, so two instances
 * can never both hold a run.
 */
export class CosmosJobRunRepository implements JobRunRepository {
  constructor(private readonly container: Container) {}

  async claim(teamId: string, key: string, holder: string, now: string, leaseUntil: string): Promise<ClaimOutcome> {
    const id = documentIdFor(key);
    try {
      await this.container.items.create<JobRunDocument>({ id, key, teamId, holder, leaseUntil, doneAt: undefined });
      return 'claimed';
    } catch (error) {
      if (cosmosStatus(error) !== 409) throw error;
    }
    const { resource, etag } = await this.container.item(id, teamId).read<JobRunDocument>();
    if (resource === undefined) return this.claim(teamId, key, holder, now, leaseUntil);
    if (resource.doneAt !== undefined && resource.doneAt !== null) return 'done';
    if (resource.holder !== holder && resource.leaseUntil > now) return 'held-by-other';
    try {
      await this.container
        .item(id, teamId)
        .replace<JobRunDocument>(
          { ...resource, holder, leaseUntil },
          { accessCondition: { type: 'IfMatch', condition: etag ?? '' } },
        );
      return 'claimed';
    } catch (error) {
      if (cosmosStatus(error) === 412) return 'held-by-other';
      throw error;
    }
  }

  async complete(teamId: string, key: string, holder: string, at: string): Promise<boolean> {
    const item = this.container.item(documentIdFor(key), teamId);
    const { resource, etag } = await item.read<JobRunDocument>();
    if (resource === undefined || resource.holder !== holder) return false;
    try {
      await item.replace<JobRunDocument>(
        { ...resource, doneAt: at },
        { accessCondition: { type: 'IfMatch', condition: etag ?? '' } },
      );
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 412) return false;
      throw error;
    }
  }

  async get(teamId: string, key: string): Promise<JobRun | undefined> {
    const { resource } = await this.container.item(documentIdFor(key), teamId).read<JobRunDocument>();
    if (resource === undefined) return undefined;
    return {
      key: resource.key,
      teamId: resource.teamId,
      holder: resource.holder,
      leaseUntil: resource.leaseUntil,
      doneAt: resource.doneAt ?? undefined,
    };
  }
}
