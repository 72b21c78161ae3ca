import type { ScreeningService } from '../rules/screening-case/screening.service';
import type { Logger } from './logging/logger';

const DAY_MS = 24 * 3600 * 1000;
/** First run shortly after start, so a bot restarted daily still erases on time. */
const FIRST_RUN_MS = 60 * 1000;

/**
 * The daily job that deletes screening answers older than each team's retention (spec §5); the
 * aggregates stay. Runs on every instance: erasing is idempotent and conditional on the etag.
 */
export function startRetentionJob(
  retention: { service: ScreeningService; teams: () => Promise<string[]> },
  logger: Logger,
): { stop(): void; runOnce(): Promise<number> } {
  const runOnce = async (): Promise<number> => {
    let erased = 0;
    for (const teamId of await retention.teams()) erased += await retention.service.applyRetention(teamId);
    if (erased > 0) logger.info({ erased }, 'retention erased screening answers');
    return erased;
  };
  const run = () => {
    runOnce().catch((error: unknown) => logger.warn({ errorType: (error as Error).name }, 'retention job failed'));
  };
  const first = setTimeout(run, FIRST_RUN_MS);
  const daily = setInterval(run, DAY_MS);
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
