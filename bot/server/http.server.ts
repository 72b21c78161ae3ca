import type { Activity, TurnContext } from 'botbuilder';
// What CloudAdapter.process does to a parsed body before the turn (timestamps become Dates); not exported.
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import restify, { type Next, type Request, type Response, type Server } from 'restify';
import type { HealthCheck } from '../../rules/shared/health-check';
import type { Logger } from '../logging/logger';
import { checkIncomingActivity, checkTenant, type IncomingVerdict } from './incoming-activity.guard';
import type { AuthenticatedRequest, StepwiseCloudAdapter } from './stepwise-cloud.adapter';

export interface HttpServerDeps {
  adapter: StepwiseCloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  healthChecks: readonly HealthCheck[];
  /** Lower-case tenant ids accepted; empty accepts any (local mode only). */
  allowedTenantIds: readonly string[];
  logger: Logger;
  /** Further GET routes the features serve (e.g. the weekly report's file, `/exports/<token>`). */
  routes?: readonly HttpRoute[];
}

/** A GET route a feature adds; its handler answers every request itself, also when something fails. */
export interface HttpRoute {
  /** A restify path, e.g. `/exports/*`. */
  path: string;
  handle(req: Request, res: Response): Promise<void>;
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

/** The whole answer to a request that failed inside: never the error's own text. */
const INTERNAL_ERROR_TEXT = 'internal error';

/** What jsonwebtoken throws for a token it does not accept (botbuilder passes them on). */
const JWT_ERRORS: ReadonlySet<string> = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** Where App Service's health check (and anyone) asks whether the bot and its storage answer. */
export const HEALTH_PATH = '/healthz';

/**
 * The restify server: `POST /api/messages` through the botbuilder adapter, `GET /healthz`, and the
 * features' GET routes.
 */
export function createHttpServer(deps: HttpServerDeps): BotHttpServer {
  const server = restify.createServer({ name: 'jobcenter-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let drained: (() => void) | undefined;

  server.use(refuseEncodedBodies);
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    const verdict = checkIncomingActivity(req.body);
    if (verdict.kind === 'rejected') {
      refuse(res, verdict, deps.logger);
      return;
    }
    inFlight += 1;
    try {
      const activity = validateAndFixActivity(req.body as Activity);
      // Who sent it first: the allow-list is no one else's business (an unauthenticated caller gets 401
      // whatever its tenant).
      let authenticated: AuthenticatedRequest;
      try {
        authenticated = await deps.adapter.authenticate(activity, authorizationOf(req));
      } catch (error) {
        if (!isRefusedToken(error)) throw error;
        deps.logger.warn({ status: 401, errorType: (error as Error).name }, 'activity not authenticated');
        res.send(401, { error: 'not authenticated' });
        return;
      }
      const tenant = checkTenant(activity, deps.allowedTenantIds);
      if (tenant.kind === 'rejected') {
        refuse(res, tenant, deps.logger);
        return;
      }
      const invokeResponse = await deps.adapter.runTurn(authenticated, activity, deps.logic);
      // As CloudAdapter.process answers.
      res.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body) res.send(invokeResponse.body);
      res.end();
    } catch (error) {
      // The turn's own errors are answered by onTurnError; these are the adapter's (an activity it cannot
      // handle, a failure while authenticating or setting up the turn). Neither must take the server down,
      // nor may the answer carry the error's text (a host name, a stack): only its type is logged.
      const status = isValidationError(error) ? 400 : 500;
      deps.logger.warn({ status, errorType: (error as Error).name }, 'activity not processed');
      if (!res.headersSent) res.send(status, { error: status === 400 ? 'invalid activity' : INTERNAL_ERROR_TEXT });
    } finally {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    }
  });

  // Whatever restify itself answers with a 5xx (a handler that throws, a failing formatter) would
  // carry the error's message: it gets the fixed text instead.
  server.on('restifyError', (_req: Request, res: Response, error: Error, callback: () => void) => {
    const statusCode = (error as { statusCode?: unknown }).statusCode;
    const status = typeof statusCode === 'number' ? statusCode : 500;
    if (status >= 500 && !res.headersSent) {
      deps.logger.warn({ status, errorType: error.name }, 'request failed');
      res.send(500, { error: INTERNAL_ERROR_TEXT });
    }
    callback();
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

  for (const route of deps.routes ?? []) {
    server.get(route.path, async (req: Request, res: Response) => route.handle(req, res));
  }

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

function refuse(res: Response, verdict: IncomingVerdict & { kind: 'rejected' }, logger: Logger): void {
  logger.warn({ status: verdict.status, reason: verdict.reason }, 'activity refused');
  res.send(verdict.status, { error: verdict.reason });
}

function authorizationOf(req: Request): string {
  const header = req.headers.authorization;
  return typeof header === 'string' ? header : '';
}

/**
 * Whether authenticating failed because of the token: botbuilder's AuthenticationError (not exported by
 * botbuilder; it carries the HTTP status it means, 500 when the signing keys could not be loaded) or an
 * error of the JWT library it lets through (a bad signature, a token not yet valid).
 */
function isRefusedToken(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  if (typeof statusCode === 'number') return statusCode < 500;
  return JWT_ERRORS.has(error.name);
}

function isValidationError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ZodError' || error instanceof TypeError);
}
