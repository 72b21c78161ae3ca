import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { CardRenderer } from '../cards/rendering/card.renderer';
import { InstallationService } from '../rules/teams/installation.service';
import type { Clock } from '../rules/shared/clock';
import type { AppConfig } from './config/app-config';
import { createLogger, type Logger } from './logging/logger';
import { assertRuleFolderValid } from './cli/rules-check.command';
import { createFeatures } from './features/features';
import { ExportLinkSigner, exportLinkKey } from './features/goals/export-link.signer';
import { loadIndicatorCatalogFile } from './indicator-catalog.loader';
import { startRetentionJob } from './retention.job';
import { MinuteScheduler } from './scheduling/minute.scheduler';
import { ClientReusingAuthentication } from './teams/client-reusing.authentication';
import { ProactiveSender } from './teams/proactive.sender';
import { loadDefaultScreeningRuleset } from './screening-ruleset.loader';
import { rulesDataDir } from './project-paths';
import { createHttpServer } from './server/http.server';
import { StepwiseCloudAdapter } from './server/stepwise-cloud.adapter';
import { openStorage } from './storage/storage';
import { HmacReferenceKeyer } from './storage/hmac-reference.keyer';
import { renderStaticCards } from '../cards/shared/static.cards';
import { TeamChoiceCards } from '../cards/teams/team-choice.cards';
import { DedupeMiddleware } from './teams/dedupe.middleware';
import { JobcenterBot } from './teams/jobcenter.bot';
import { createTurnErrorHandler } from './teams/turn-error.handler';
import { ConnectorRosterSource } from './teams/connector-roster.source';
import { GraphOwnerSource } from './teams/graph-owner.source';
import { graphTokenProvider } from './teams/graph-token';
import { LocalOwnerSource } from './teams/local-owner.source';
import type { TeamOwnerSource, TeamRosterSource } from '../rules/teams/team-directory.repository';

export interface RunningApp {
  port: number;
  messagesUrl: string;
  /** Finishes turns in flight, then closes storage. */
  stop(): Promise<void>;
  /** Runs the scheduled jobs once now, as the minute scheduler does (also used by tests). */
  runScheduledJobs(): Promise<void>;
  /** Runs the daily retention job once now (also used by tests); resolves how many screenings it reduced or deleted. */
  runRetention(): Promise<number>;
}

export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  /** Folder of the rule files validated at start (default: the project's rules/data). */
  rulesDir?: string;
  /** false: do not start the minute scheduler (tests that drive time themselves). */
  scheduler?: boolean;
  /** Stand-ins for the team roster (Bot Connector) and owners (Graph), for tests in this process. */
  rosterSource?: TeamRosterSource;
  ownerSource?: TeamOwnerSource;
}

const SHUTDOWN_GRACE_MS = 10_000;
const CLAIM_RETENTION_MS = 7 * 24 * 3600 * 1000;
const CLAIM_PURGE_INTERVAL_MS = 3600 * 1000;

export function createAdapter(config: AppConfig): StepwiseCloudAdapter {
  const identity = config.identity;
  // Without an app id the SDK turns authentication off, which is what local mode means.
  const auth = new ClientReusingAuthentication(
    identity === undefined
      ? {}
      : {
          MicrosoftAppId: identity.appId,
          MicrosoftAppPassword: identity.appPassword,
          MicrosoftAppType: identity.appType,
          MicrosoftAppTenantId: identity.tenantId,
        },
  );
  return new StepwiseCloudAdapter(auth);
}

/** Leaders are the team's owners: from Graph with the app's token, or locally configured (spec §0). */
function ownerSourceFor(config: AppConfig): TeamOwnerSource {
  if (config.identity === undefined) return new LocalOwnerSource(config.teams.localTeamOwners);
  const endpoint = config.teams.graphEndpoint;
  return new GraphOwnerSource({ endpoint, token: graphTokenProvider(config.identity, endpoint) });
}

/** The composition root: the one place that creates the adapters and wires them together. */
export async function startApp(config: AppConfig, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? { now: () => new Date() };
  // A broken rule file stops the start, before anything listens.
  const rulesDir = overrides.rulesDir ?? rulesDataDir();
  await assertRuleFolderValid(rulesDir);
  const ruleset = await loadDefaultScreeningRuleset(rulesDir);
  const indicators = await loadIndicatorCatalogFile(rulesDir);
  const store = await openStorage({ cosmos: config.cosmos, dataDir: config.dataDir, logger });
  try {
    const { repositories } = store;
    const processedActivities = repositories.processedActivities;
    const renderer = new CardRenderer();
    const adapter = createAdapter(config);
    const sender = new ProactiveSender({ adapter, appId: config.identity?.appId ?? '', logger });
    const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const appId = config.identity?.appId ?? '';
    // Known once the server listens when it is the bot's own loopback address (tests listen on port 0).
    let publicBaseUrl = config.publicBaseUrl;
    const features = createFeatures({
      repositories,
      ruleset,
      indicators,
      renderer,
      clock,
      sender,
      logger,
      instanceId,
      referenceKeyer: new HmacReferenceKeyer(config.audit.referenceKey),
      exportLinks: {
        signer: new ExportLinkSigner(exportLinkKey(config.audit)),
        baseUrl: () => publicBaseUrl,
      },
      rosterSource: overrides.rosterSource ?? new ConnectorRosterSource({ adapter, appId }),
      ownerSource: overrides.ownerSource ?? ownerSourceFor(config),
    });
    const bot = new JobcenterBot({
      installations: new InstallationService(repositories.installations),
      teams: features.membership,
      teamCards: new TeamChoiceCards(renderer),
      renderer,
      cards: renderStaticCards(renderer),
      clock,
      logger,
      commands: features.commands,
      actions: features.actions,
      turnNotice: features.turnNotice,
    });
    adapter.use(new DedupeMiddleware(processedActivities, clock, logger, bot.cardActions.safeToRepeat()));
    adapter.onTurnError = createTurnErrorHandler(logger);

    const http = createHttpServer({
      adapter,
      logic: (context) => bot.run(context),
      healthChecks: [store.health],
      allowedTenantIds: config.allowedTenantIds,
      logger,
      routes: features.httpRoutes,
    });
    const port = await http.listen(config.port, config.host);
    // Locally the browser is on this machine: the links point at the bot itself.
    if (publicBaseUrl === undefined && config.identity === undefined) publicBaseUrl = `http://127.0.0.1:${port}`;

    // Old claims are purged here as well as expired by TTL (SQLite's sweep, Cosmos' container TTL).
    const purge = setInterval(() => {
      processedActivities
        .purgeOlderThan(new Date(clock.now().getTime() - CLAIM_RETENTION_MS))
        .catch((error: unknown) => logger.warn({ errorType: (error as Error).name }, 'claim purge failed'));
    }, CLAIM_PURGE_INTERVAL_MS);
    purge.unref();
    const retention = startRetentionJob(features.retention, logger);
    const scheduler = new MinuteScheduler(features.minuteJobs, clock, logger);
    if (overrides.scheduler !== false) scheduler.start();

    const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
    const messagesUrl = `http://${host}:${port}/api/messages`;
    logger.info(
      {
        port,
        host: config.host,
        storage: store.kind,
        auth: config.identity !== undefined,
        auditReferenceKey: config.audit.developmentKey ? 'development' : 'configured',
        reportExportLinks: publicBaseUrl === undefined ? 'off (PUBLIC_BASE_URL not set)' : 'on',
      },
      'bot listening',
    );
    let stopping: Promise<void> | undefined;
    return {
      port,
      messagesUrl,
      runScheduledJobs: () => scheduler.tick(),
      runRetention: () => retention.runOnce(),
      stop() {
        stopping ??= (async () => {
          clearInterval(purge);
          retention.stop();
          scheduler.stop();
          await http.close(SHUTDOWN_GRACE_MS);
          await store.close();
          logger.info('bot stopped');
        })();
        return stopping;
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
