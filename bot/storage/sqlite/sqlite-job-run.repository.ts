import type { ClaimOutcome, JobRun, JobRunRepository } from '../../../rules/shared/job-run.repository';
import { documentIdFor } from '../document-id';
import type { SqliteDocumentStore } from './sqlite-document.store';

const TABLE = 'jobRuns';
type JobRunDocument = Omit<JobRun, 'doneAt'> & { id: string; doneAt?: string | null };

/**
 * Job runs (leases and done-marks). Claiming and completing each run in one transaction holding the
 * file's write lock, so two processes can never both hold a run.
 */
export class SqliteJobRunRepository implements JobRunRepository {
  constructor(private readonly store: SqliteDocumentStore) {}

  async claim(teamId: string, key: string, holder: string, now: string, leaseUntil: string): Promise<ClaimOutcome> {
    const id = documentIdFor(key);
    return this.store.transaction(() => {
      const stored = this.store.get<JobRunDocument>(TABLE, teamId, id);
      if (stored === undefined) {
        this.store.create(TABLE, teamId, id, { id, key, teamId, holder, leaseUntil });
        return 'claimed';
      }
      const run = stored.value;
      if (run.doneAt != null) return 'done';
      if (run.holder !== holder && run.leaseUntil > now) return 'held-by-other';
      this.store.replace(TABLE, teamId, id, { ...run, holder, leaseUntil }, stored.etag);
      return 'claimed';
    });
  }

  async complete(teamId: string, key: string, holder: string, at: string): Promise<boolean> {
    const id = documentIdFor(key);
    return this.store.transaction(() => {
      const stored = this.store.get<JobRunDocument>(TABLE, teamId, id);
      if (stored === undefined || stored.value.holder !== holder) return false;
      return this.store.replace(TABLE, teamId, id, { ...stored.value, doneAt: at }, stored.etag) !== 'conflict';
    });
  }

  async get(teamId: string, key: string): Promise<JobRun | undefined> {
    const stored = this.store.get<JobRunDocument>(TABLE, teamId, documentIdFor(key));
    if (stored === undefined) return undefined;
    const { holder, leaseUntil, doneAt } = stored.value;
    return { key: stored.value.key, teamId: stored.value.teamId, holder, leaseUntil, doneAt: doneAt ?? undefined };
  }
}
