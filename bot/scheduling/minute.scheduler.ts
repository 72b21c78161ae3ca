import { Cron } from 'croner';
import type { Clock } from '../../rules/shared/clock';
import type { Logger } from '../logging/logger';

/** Something the scheduler runs every minute; it decides itself whether anything is due. */
export interface MinuteJob {
  readonly name: string;
  run(now: Date): Promise<unknown>;
}

/**
 * Runs the jobs at the start of every minute, Europe/Copenhagen (croner knows the time zone, so
 * summer time changes need no care here). Overlapping ticks are skipped, and one job's failure never
 * stops the others or the process.
 */
export class MinuteScheduler {
  private cron: Cron | undefined;

  constructor(
    private readonly jobs: readonly MinuteJob[],
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.cron ??= new Cron('* * * * *', { timezone: 'Europe/Copenhagen', protect: true, unref: true }, () =>
      this.tick(),
    );
  }

  stop(): void {
    this.cron?.stop();
    this.cron = undefined;
  }

  /** One tick (also used by tests and at start-up, so a late start catches up at once). */
  async tick(): Promise<void> {
    const now = this.clock.now();
    for (const job of this.jobs) {
      try {
        await job.run(now);
      } catch (error) {
        this.logger.warn(
          { job: job.name, errorType: (error as Error).name, code: (error as { code?: unknown }).code },
          'scheduled job failed',
        );
      }
    }
  }
}
