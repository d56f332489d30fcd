import { errorMessage } from '@arrears/shared/errors/messages';
import { DIALER_BODY_LIMIT } from '@arrears/shared/schemas/dialer';
import { TRPCError } from '@trpc/server';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { AppError, invalidInput } from '../../errors.ts';
import { sendError } from '../../http/errors.ts';
import { readBody } from '../../http/limits.ts';
import { logger } from '../../logger.ts';
import { enforceRate, type RatePolicy } from '../limits/limits.service.ts';
import { checkDial, recordDialResult } from './dialer.service.ts';
import { auditKeyUse, authenticateKey, type KeyCheck } from './keys.service.ts';
import { DIALER_ROUTES, type DialerRoute, dialerOpenApi } from './openapi.ts';

/**
 * Per key: a burst of 200 requests, then one per millisecond (1000/s), well above a dialer's pace (the bench's goal
 * is 500 checks per second) and far below what would starve the other users of the database.
 */
export const KEY_RATE: RatePolicy = { burst: 200, intervalMs: 1 };

type Served = { output: unknown; outcome: string; replayed?: boolean };

/**
 * The dialer's door, `/api/dialer/v1` beside tRPC: `POST /checks`, `POST /results` and the generated
 * `GET /openapi.json`. Each call: the body (JSON, at most DIALER_BODY_LIMIT), the key (`Authorization: Bearer`,
 * 401 when missing, unknown or revoked), the key's rate, the schema (unknown fields refused), the service, and one
 * audit event of the use, whatever came of it. Refusals answer the dashboard's JSON error contract.
 */
export function dialerRouter(options: {
  db: Database;
  now: () => Date;
  /** Each key's rate (KEY_RATE unless a test names a smaller one). */
  rate?: RatePolicy;
}): express.Router {
  const { db, now, rate = KEY_RATE } = options;
  const router = express.Router();
  const openApi = dialerOpenApi();
  router.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  router.use(readBody({ default: DIALER_BODY_LIMIT, larger: {}, mayUpload: async () => false }));

  const serve =
    <I extends z.ZodType>(
      route: DialerRoute & { input: I },
      name: string,
      handle: (request: { actor: KeyCheck & { ok: true }; input: z.output<I>; at: Date }) => Promise<Served>,
    ) =>
    async (req: Request, res: Response, next: NextFunction) => {
      const at = now();
      const ip = req.ip ?? null;
      let keyId: string | null = null;
      let caseId: string | null = null;
      try {
        const auth = await authenticateKey(db, req.headers.authorization, at);
        if (!auth.ok) {
          keyId = auth.keyId;
          throw new AppError('UNAUTHENTICATED', errorMessage('integration.keyRefused'));
        }
        keyId = auth.key.id;
        await enforceRate(db, `dialer:${auth.key.id}`, rate, at, 'integration.tooOften');
        const parsed = route.input.safeParse(parseJson(req.body));
        if (!parsed.success) throw invalidInput(parsed.error);
        caseId = (parsed.data as { caseId: string }).caseId;
        const served = await handle({ actor: auth, input: parsed.data, at });
        await auditKeyUse(db, { keyId, route: name, caseId, outcome: served.outcome, ip, now: at });
        if (served.replayed) res.set('idempotent-replayed', 'true');
        res.json(served.output);
      } catch (error) {
        if (!(error instanceof TRPCError)) return next(error);
        if (keyId !== null) {
          const outcome = error instanceof AppError ? error.appCode : error.code;
          await auditKeyUse(db, { keyId, route: name, caseId, outcome, ip, now: at }).catch((err: unknown) =>
            logger.error({ err }, 'dialer: the refused use of a key could not be audited'),
          );
        }
        sendError(res, error);
      }
    };

  router.post(
    DIALER_ROUTES.checks.path,
    serve(DIALER_ROUTES.checks, 'dialCheck', async ({ actor, input, at }) => {
      const output = await checkDial(db, { actor: actor.actor, keyId: actor.key.id, input, now: at });
      return { output, outcome: output.allowed ? 'allowed' : 'refused' };
    }),
  );
  router.post(
    DIALER_ROUTES.results.path,
    serve(DIALER_ROUTES.results, 'dialResult', async ({ actor, input, at }) => {
      const { output, replayed } = await recordDialResult(db, {
        actor: actor.actor,
        keyId: actor.key.id,
        input,
        now: at,
      });
      const outcome = replayed
        ? 'replayed'
        : output.violations.length > 0
          ? 'recorded in violation'
          : 'recorded';
      return { output, outcome, replayed };
    }),
  );
  return router;
}

function parseJson(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' });
  }
}
