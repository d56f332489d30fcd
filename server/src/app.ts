import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import cookieParser from 'cookie-parser';
import { sql } from 'drizzle-orm';
import express, { type Request, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Database } from './db/client.ts';
import { RETRY_AFTER_SECONDS } from './errors.ts';
import { logger } from './logger.ts';
import { hashToken, resolveSession, SESSION_COOKIE } from './modules/auth/session.ts';
import type { Context } from './trpc/context.ts';
import { retryAfterWhenUnavailable } from './trpc/init.ts';
import { appRouter } from './trpc/router.ts';

export interface AppOptions {
  db: Database;
  sessionTtlHours: number;
  cookieSecure: boolean;
  /** Folder of the built dashboard; served from the same port when it exists. */
  clientDist?: string;
  now?: () => Date;
}

export const DEFAULT_CLIENT_DIST = fileURLToPath(new URL('../../client/dist', import.meta.url));

export function createApp(options: AppOptions) {
  const now = options.now ?? (() => new Date());
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
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
    pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' } }),
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

  // A mutation from another site's page is refused: the session cookie is SameSite, and this checks Origin too.
  app.use('/trpc', (req, res, next) => {
    const origin = req.headers.origin;
    if (req.method === 'POST' && origin && new URL(origin).host !== req.headers.host) {
      res.status(403).json({ error: { message: 'Cross-site request refused' } });
      return;
    }
    next();
  });

  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req, res }) => createRequestContext(req, res, options, now),
      responseMeta: retryAfterWhenUnavailable,
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error, path }, 'tRPC internal error');
      },
    }),
  );

  const dist = options.clientDist ?? DEFAULT_CLIENT_DIST;
  if (existsSync(path.join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    app.get('/{*splat}', (_req, res) => res.sendFile(path.join(dist, 'index.html')));
  }
  return app;
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

async function createRequestContext(
  req: Request,
  res: Response,
  options: AppOptions,
  now: () => Date,
): Promise<Context> {
  const token: unknown = req.cookies?.[SESSION_COOKIE];
  const user =
    typeof token === 'string' && token.length > 0 ? await resolveSession(options.db, token, now()) : null;
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: options.cookieSecure, path: '/' };
  return {
    db: options.db,
    user,
    sessionTokenHash: user && typeof token === 'string' ? hashToken(token) : null,
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    sessionTtlHours: options.sessionTtlHours,
    now,
    cookies: {
      set: (value, expiresAt) => res.cookie(SESSION_COOKIE, value, { ...cookieOptions, expires: expiresAt }),
      clear: () => res.clearCookie(SESSION_COOKIE, cookieOptions),
    },
  };
}
