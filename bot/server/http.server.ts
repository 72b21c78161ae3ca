import type { CloudAdapter, TurnContext } from 'botbuilder';
import restify, { type Next, type Request, type Response, type Server } from 'restify';
import type { HealthCheck } from '../../rules/shared/health-check';
import type { Logger } from '../logging/logger';
import { checkIncomingActivity } from './incoming-activity.guard';

export interface HttpServerDeps {
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  healthChecks: readonly HealthCheck[];
  /** Lower-case tenant ids accepted; empty accepts any (local mode only). */
  allowedTenantIds: readonly string[];
  logger: Logger;
}

export interface BotHttpServer {
  readonly server: Server;
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting requests and waits (up to `graceMs`) for turns in flight to finish. */
  close(graceMs: number): Promise<void>;
}

/**
 * Largest activity accepted. Teams messages are limited to ~28 KB; card submits are far smaller. Bodies
 * arrive unencoded (see refuseEncodedBodies), so this bounds the parsed size too.
 */
const MAX_BODY_BYTES = 256 * 1024;

/** Where App Service's health check (and anyone) asks whether the bot and its storage answer. */
export const HEALTH_PATH = '/healthz';

/** The restify server: `POST /api/messages` through the botbuilder adapter, and `GET /healthz`. */
export function createHttpServer(deps: HttpServerDeps): BotHttpServer {
  const server = restify.createServer({ name: 'jobcenter-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let drained: (() => void) | undefined;

  server.use(refuseEncodedBodies);
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    const verdict = checkIncomingActivity(req.body, deps.allowedTenantIds);
    if (verdict.kind === 'rejected') {
      deps.logger.warn({ status: verdict.status, reason: verdict.reason }, 'activity refused');
      res.send(verdict.status, { error: verdict.reason });
      return;
    }
    inFlight += 1;
    try {
      await deps.adapter.process(req, res, deps.logic);
    } catch (error) {
      // The adapter throws when it cannot read the activity (it validates it with zod) or when
      // authentication fails; neither must take the server down.
      const status = isValidationError(error) ? 400 : isAuthError(error) ? 401 : 500;
      deps.logger.warn({ status, errorType: (error as Error).name }, 'activity not processed');
      if (!res.headersSent) res.send(status, { error: status === 400 ? 'invalid activity' : 'not processed' });
    } finally {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    }
  });

  server.get(HEALTH_PATH, async (_req: Request, res: Response) => {
    const results = await Promise.allSettled(deps.healthChecks.map((check) => check.check()));
    const failed = results.flatMap((result, index) =>
      result.status === 'rejected' ? [deps.healthChecks[index]?.name ?? 'unknown'] : [],
    );
    if (failed.length === 0) {
      res.send(200, { status: 'ok' });
    } else {
      deps.logger.warn({ failed }, 'health check failed');
      res.send(503, { status: 'unhealthy', failed });
    }
  });

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address !== null ? address.port : port);
        });
      });
    },
    async close(graceMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => {
            drained = resolve;
          }),
          new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
      }
      // Idle keep-alive connections would otherwise hold close() open.
      server.server.closeIdleConnections();
      await Promise.race([closed, new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref())]);
    },
  };
}

/**
 * Answers 415 to a body with a Content-Encoding (other than identity), before anything reads it.
 * restify's bodyParser would unpack gzip with no limit on the unpacked size (its maxBodySize counts the
 * bytes received): a 250 KB gzip bomb, before any token is checked, became 255 MB in memory. The Bot
 * Framework channels post activities as plain JSON (ASP.NET Core, the SDK's main host, does not unpack
 * request bodies unless told to), so nothing legitimate is turned away.
 */
function refuseEncodedBodies(req: Request, res: Response, next: Next): void {
  const encoding = req.headers['content-encoding'];
  if (encoding === undefined) {
    next();
  } else if (encoding.trim().toLowerCase() === 'identity') {
    // restify's body reader takes any Content-Encoding but gzip for an unsupported one.
    delete req.headers['content-encoding'];
    next();
  } else {
    res.header('Accept-Encoding', 'identity');
    res.send(415, { error: 'content encoding not supported' });
    next(false);
  }
}

function isValidationError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ZodError' || error instanceof TypeError);
}

function isAuthError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AuthenticationError';
}
