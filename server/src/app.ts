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
import { AppError } from './errors.ts';
import { logger } from './logger.ts';
import { hashToken, resolveSession, SESSION_COOKIE } from './modules/auth/session.ts';
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
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  app.use(cookieParser());

  app.get('/healthz', async (_req, res) => {
    try {
      await options.db.execute(sql`select 1`);
      res.json({ ok: true, database: 'up' });
    } catch (err) {
      logger.error({ err }, 'health check failed');
      res.status(503).json({ ok: false, database: 'down' });
    }
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
      responseMeta: ({ errors }) => retryAfter(errors),
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

/** A throttled sign-in says in `Retry-After` when to try again. */
function retryAfter(errors: readonly Error[]): { headers?: Record<string, string> } {
  const throttled = errors.find((e) => e instanceof AppError && e.appCode === 'TOO_MANY_ATTEMPTS') as
    | AppError
    | undefined;
  const seconds = throttled?.details?.retryAfterSeconds;
  return typeof seconds === 'number' ? { headers: { 'retry-after': String(seconds) } } : {};
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
