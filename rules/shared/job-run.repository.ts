/**
 * Runs of scheduled jobs ("the morning post of team T on 2026-02-03"), so that a job runs once however
 * many instances run and however often they restart. A run is claimed with a lease: the holder does
 * the work and marks the run done; if it dies first, the lease expires and another instance takes over.
 */
export interface JobRun {
  /** e.g. "morning-post:team:19abc:2026-02-03". */
  key: string;
  /** Partition (the team) the run belongs to. */
  teamId: string;
  holder: string;
  leaseUntil: string;
  doneAt: string | undefined;
}

export type ClaimOutcome = 'claimed' | 'held-by-other' | 'done';

export interface JobRunRepository {
  /**
   * Claims the run for `holder` until `leaseUntil`. 'claimed' means: do the work now, then call
   * `complete`. 'held-by-other': another instance holds a live lease. 'done': it has already run.
   */
  claim(teamId: string, key: string, holder: string, now: string, leaseUntil: string): Promise<ClaimOutcome>;
  /** Marks the run done; resolves false if the lease was lost meanwhile (another instance took over). */
  complete(teamId: string, key: string, holder: string, at: string): Promise<boolean>;
  get(teamId: string, key: string): Promise<JobRun | undefined>;
}
