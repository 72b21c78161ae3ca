import type { ScreeningService } from '../rules/screening/screening.service';
import type { Logger } from './logging/logger';

const DAY_MS = 24 * 3600 * 1000;
/** First run shortly after start, so a bot restarted daily still erases on time. */
const FIRST_RUN_MS = 60 * 1000;
/**
 * The follow-ups' catch-up looks this far back on the first run after a start: every screening whose
 * week-39 follow-up has not fallen due yet (also those decided before follow-ups existed)…
 */
const FIRST_CATCH_UP_DAYS = 39 * 7;
/** …and on the daily runs since, back past a long weekend of storage trouble. */
const DAILY_CATCH_UP_DAYS = 7;

export interface RetentionWork {
  service: ScreeningService;
  teams: () => Promise<string[]>;
  /** Schedules the missing follow-ups of the team's screenings decided in the last `days` days. */
  catchUpFollowUps: (teamId: string, days: number) => Promise<number>;
}

/**
 * The daily job that reduces screenings older than each team's retention to what the statistics need
 * (spec §5; see ScreeningService.applyRetention). It then schedules any follow-ups a decided screening is missing (scheduling at the
 * decision failed, or the screening predates follow-ups). Runs on every instance: erasing is idempotent
 * and conditional on the etag, and a follow-up is created once whoever tries.
 */
export function startRetentionJob(
  retention: RetentionWork,
  logger: Logger,
): { stop(): void; runOnce(catchUpDays?: number): Promise<number> } {
  const runOnce = async (catchUpDays = DAILY_CATCH_UP_DAYS): Promise<number> => {
    let retained = 0;
    let scheduled = 0;
    for (const teamId of await retention.teams()) {
      retained += await retention.service.applyRetention(teamId);
      scheduled += await retention.catchUpFollowUps(teamId, catchUpDays);
    }
    if (retained > 0) logger.info({ retained }, 'retention reduced or deleted screenings');
    if (scheduled > 0) logger.info({ scheduled }, 'missing follow-ups scheduled');
    return retained;
  };
  const run = (catchUpDays?: number) => {
    runOnce(catchUpDays).catch((error: unknown) =>
      logger.warn({ errorType: (error as Error).name }, 'retention job failed'),
    );
  };
  const first = setTimeout(() => run(FIRST_CATCH_UP_DAYS), FIRST_RUN_MS);
  const daily = setInterval(() => run(), DAY_MS);
  first.unref();
  daily.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(daily);
    },
    runOnce,
  };
}
