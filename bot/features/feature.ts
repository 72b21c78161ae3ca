import type { CardRenderer } from '../../cards/rendering/card.renderer';
import type { CommandId } from '../../rules/commands/command.catalog';
import type { IndicatorCatalog } from '../../rules/goals/indicator';
import type { ReferenceKeyer } from '../../rules/screening/case-reference';
import type { ScreeningRuleset } from '../../rules/screening/screening.types';
import type { TeamMembershipService } from '../../rules/teams/team-membership.service';
import type { Clock } from '../../rules/shared/clock';
import type { Logger } from '../logging/logger';
import type { MinuteJob } from '../scheduling/minute.scheduler';
import type { HttpRoute } from '../server/http.server';
import type { Repositories } from '../storage/repositories';
import type { CardAction } from '../teams/card-action.router';
import type { CommandHandler } from '../teams/jobcenter.bot';
import type { ProactiveSender } from '../teams/proactive.sender';
import type { ExportLinks } from './goals/report-export.handlers';

/** What one area adds to the bot: its text commands, its card actions and its scheduled jobs. */
export interface Feature {
  commands?: Partial<Record<CommandId, CommandHandler>>;
  actions?: readonly CardAction[];
  /** Jobs the minute scheduler runs on every instance; one that sends claims a job-run lease first. */
  minuteJobs?: readonly MinuteJob[];
  /** GET routes on the bot's own server (the weekly report's file). */
  httpRoutes?: readonly HttpRoute[];
}

/** What every area's wiring may use. */
export interface AreaDeps {
  repositories: Repositories;
  /** The teams, their members and leaders (built in the composition root: it needs the adapter and Graph). */
  membership: TeamMembershipService;
  ruleset: ScreeningRuleset;
  indicators: IndicatorCatalog;
  renderer: CardRenderer;
  clock: Clock;
  sender: ProactiveSender;
  logger: Logger;
  /** This instance's name in job leases. */
  instanceId: string;
  /** Keys case references for the audit trail (with the configured secret). */
  referenceKeyer: ReferenceKeyer;
  /** Signs the links to the weekly report's file and knows the address a browser reaches the bot at. */
  exportLinks: ExportLinks;
}

/** How long a scheduled send's lease lasts before another instance may take it over. */
export const SEND_LEASE_MS = 10 * 60_000;

/** Logs a failure that must not fail the turn or job that caused it. */
export function logFailure(logger: Logger, what: string): (error: unknown) => void {
  return (error) => logger.warn({ errorType: (error as Error).name }, what);
}
