import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { can } from '@arrears/shared/auth/roles';
import { PLACEMENT_FILE_MAX_CHARS } from '@arrears/shared/schemas/placements';
import { MAX_BATCH_CALLS } from '@arrears/shared/schemas/transport';
import { TRPCError } from '@trpc/server';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import cookieParser from 'cookie-parser';
import { sql } from 'drizzle-orm';
import express, { type Request, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Database } from './db/client.ts';
import { AppError, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './errors.ts';
import { serveClient } from './http/client-assets.ts';
import { errorHandler, notFound, sendError } from './http/errors.ts';
import { allowMethods, capBatch, DEFAULT_BODY_LIMIT, readBody } from './http/limits.ts';
import { logger } from './logger.ts';
import { hashToken, resolveSession, SESSION_COOKIE } from './modules/auth/session.ts';
import { channelsHttp } from './modules/channels/channels.http.ts';
import { dialerRouter } from './modules/integrations/dialer.http.ts';
import { DIALER_BASE } from './modules/integrations/openapi.ts';
import type { Context } from './trpc/context.ts';
import { appRouter } from './trpc/router.ts';

export interface AppOptions {
  db: Database;
  sessionTtlHours: number;
  cookieSecure: boolean;
  /** Folder of the built dashboard; served from the same port when it exists. */
  clientDist?: string;
  now?: () => Date;
  /** Express's `trust proxy`: whose `X-Forwarded-For` gives the client address (config `TRUST_PROXY`). */
  trustProxy?: boolean | number | string[];
}

export const DEFAULT_CLIENT_DIST = fileURLToPath(new URL('../../client/dist', import.meta.url));

export function createApp(options: AppOptions) {
  const now = options.now ?? (() => new Date());
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? ['loopback']);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'connect-src': ["'self'"],
        },
      },
      // Local http deployments must work too; HSTS is the proxy's job where TLS ends.
      strictTransportSecurity: false,
    }),
  );
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      quietReqLogger: true,
      // One compact line per request: method, path, status, time and who. Never the headers: they carry the
      // session cookie, and a line per request must stay readable.
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, path: pathOf(req.url) }),
        res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
      },
      customSuccessObject: (_req, res, line: Record<string, unknown>) => ({ ...line, userId: userIdOf(res) }),
      customErrorObject: (_req, res, _error, line: Record<string, unknown>) => ({
        ...line,
        userId: userIdOf(res),
      }),
    }),
  );
  app.use(cookieParser());

  // Liveness: the process is up and serving HTTP; no database round trip, so a database outage never gets the
  // process restarted. Readiness: the database answers within a second; a load balancer sends traffic only then.
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    if (await databaseAnswers(options.db, READY_TIMEOUT_MS)) {
      res.json({ ok: true, database: 'up' });
      return;
    }
    res.set('retry-after', String(RETRY_AFTER_SECONDS));
    res.status(503).json({ ok: false, database: 'down' });
  });

  app.use('/trpc', allowMethods);

  // A mutation from another site's page is refused: the session cookie is SameSite, and this checks Origin too.
  // An Origin that is not a URL (`null` from a sandboxed page or a file) is another site too.
  app.use('/trpc', (req, res, next) => {
    const origin = req.headers.origin;
    if (req.method === 'POST' && origin !== undefined && hostOf(origin) !== req.headers.host) {
      sendError(res, new TRPCError({ code: 'FORBIDDEN', message: 'Cross-site request refused.' }));
      return;
    }
    next();
  });

  app.use('/trpc', capBatch(MAX_BATCH_CALLS));
  app.use(
    '/trpc',
    readBody({
      default: DEFAULT_BODY_LIMIT,
      larger: {
        'placements.preview': {
          bytes: PLACEMENT_UPLOAD_LIMIT,
          tooLarge: 'The file is too big for the dashboard: import it with pnpm placements:import.',
        },
      },
      // Every larger body today is a placement file, which only 'admin:manage' imports (placements.preview).
      mayUpload: async (req) => {
        const user = await sessionUser(req, options, now);
        return user ? can(user, 'admin:manage') : false;
      },
    }),
  );

  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req, res }) => createRequestContext(req, res, options, now),
      // Both already held above; tRPC's own checks stay as a second line.
      maxBatchSize: MAX_BATCH_CALLS,
      maxBodySize: DEFAULT_BODY_LIMIT,
      responseMeta: ({ errors, eagerGeneration }) => {
        const headers: Record<string, string> = {};
        // tRPC sends errors found before any procedure runs (a malformed query) as text/plain: they are JSON.
        if (errors.length > 0 && !eagerGeneration) headers['content-type'] = 'application/json';
        const limited = errors.find(
          (error) => error instanceof AppError && error.appCode === 'TOO_MANY_ATTEMPTS',
        );
        const seconds = limited instanceof AppError ? limited.details?.retryAfterSeconds : undefined;
        if (typeof seconds === 'number') headers['retry-after'] = String(seconds);
        // The database is down or restarting (decision record 016): the client may retry shortly.
        if (errors.some(isDatabaseUnavailable)) headers['retry-after'] = String(RETRY_AFTER_SECONDS);
        return { headers };
      },
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error, path }, 'tRPC internal error');
      },
    }),
  );
  app.use(DIALER_BASE, dialerRouter({ db: options.db, now }));
  // The channels' public doors (opt-out links, the bounce webhook): no session, each checks its own signature.
  app.use(channelsHttp(options.db, now));
  app.use('/api', notFound);

  const dist = options.clientDist ?? DEFAULT_CLIENT_DIST;
  if (existsSync(path.join(dist, 'index.html'))) {
    serveClient(app, dist);
  }
  app.use(notFound);
  app.use(errorHandler);
  return app;
}

/**
 * A placement file's body: the zod contract allows PLACEMENT_FILE_MAX_CHARS characters, at most 3 bytes each in
 * UTF-8 and JSON, so every file the contract accepts fits; the rest of the input is small.
 */
const PLACEMENT_UPLOAD_LIMIT = PLACEMENT_FILE_MAX_CHARS * 3 + 64 * 1024;

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function sessionUser(req: Request, options: AppOptions, now: () => Date) {
  const token: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof token === 'string' && token.length > 0 ? resolveSession(options.db, token, now()) : null;
}

const READY_TIMEOUT_MS = 1_000;

/** Whether `select 1` comes back within `timeoutMs`; a restarting server refuses or stalls, both count as no. */
async function databaseAnswers(db: Database, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = db.execute(sql`select 1`).then(
    () => true,
    (err: unknown) => {
      logger.warn({ err }, 'readiness check: database did not answer');
      return false;
    },
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** The request line's path without its query: a tRPC query string carries the input, which stays out of logs. */
function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

function userIdOf(res: { locals?: Record<string, unknown> }): string | null {
  return typeof res.locals?.userId === 'string' ? res.locals.userId : null;
}

async function createRequestContext(
  req: Request,
  res: Response,
  options: AppOptions,
  now: () => Date,
): Promise<Context> {
  const token: unknown = req.cookies?.[SESSION_COOKIE];
  const user = await sessionUser(req, options, now);
  res.locals.userId = user?.id ?? null;
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: options.cookieSecure, path: '/' };
  return {
    db: options.db,
    user,
    sessionTokenHash: user && typeof token === 'string' ? hashToken(token) : null,
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    sessionTtlHours: options.sessionTtlHours,
    now,
    rateLimited: true,
    cookies: {
      set: (value, expiresAt) => res.cookie(SESSION_COOKIE, value, { ...cookieOptions, expires: expiresAt }),
      clear: () => res.clearCookie(SESSION_COOKIE, cookieOptions),
    },
  };
}
