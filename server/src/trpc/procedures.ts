import { type Permission, type RoleWith, rolesWith } from '@arrears/shared/auth/roles';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { middlewareMarker } from '@trpc/server/unstable-core-do-not-import';
import { ZodError, z } from 'zod';
import type { Database } from '../db/client.ts';
import { AppError, invalidInput } from '../errors.ts';
import {
  claimKey,
  completeKey,
  type KeyedRequest,
  releaseKey,
  requestHash,
} from '../modules/idempotency/idempotency-keys.ts';
import { enforceRate, type RatePolicy, type RateRefusal } from '../modules/limits/limits.service.ts';
import { t } from './init.ts';

/**
 * The ladder of procedure bases. Each one narrows the context, so a handler below it never checks for a
 * signed-out caller or a wrong role: the middleware already refused.
 */

/**
 * Every procedure starts here: a failed input validation becomes INVALID_INPUT with a readable message naming
 * the field ("pageSize: Too big…") and the field errors, for HTTP and server-side callers alike.
 */
const baseProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'BAD_REQUEST' && result.error.cause instanceof ZodError) {
    throw invalidInput(result.error.cause);
  }
  return result;
});

/** Anyone, signed in or not (sign-in, `auth.me`). */
export const publicProcedure = baseProcedure;

/** A signed-in user of any role; `ctx.user` is non-null. */
export const protectedProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED', errorMessage('auth.signInRequired'));
  return next({ ctx: { ...ctx, user: ctx.user as SessionUser } });
});

/**
 * A signed-in user whose role holds `permission` in the shared table (shared/src/auth/roles.ts), the one list the
 * dashboard hides its pages by too; others get FORBIDDEN naming the roles that may. The permission is kept in the
 * procedure's meta, so a test can walk the table against the router.
 */
export function permissionProcedure<const P extends Permission>(permission: P) {
  const roles = rolesWith(permission);
  return protectedProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new AppError('FORBIDDEN', errorMessage('auth.roleRequired', { roles: roles.join(',') }));
    }
    return next({ ctx: { ...ctx, user: ctx.user as SessionUser & { role: RoleWith<P> } } });
  });
}

/**
 * Limits how often one user calls a procedure, across server instances (decision 018): beyond `policy` the call
 * answers TOO_MANY_ATTEMPTS with `refusal`, a message saying in how many `seconds` to try again. Only requests over
 * HTTP are limited.
 */
export function perUserRate(action: string, policy: RatePolicy, refusal: RateRefusal) {
  return t.middleware(async ({ ctx, next }) => {
    if (ctx.rateLimited && ctx.user) {
      await enforceRate(ctx.db, `${action}:${ctx.user.id}`, policy, ctx.now(), refusal);
    }
    return next();
  });
}

/**
 * A create procedure: `.input(schema).use(idempotent)`, the schema carrying `idempotencyKey` (decision 022). The
 * key is claimed, the procedure run on the same transaction (services' own transactions become savepoints) and its
 * response stored, all in one commit: a retry with the same key and request answers the stored response and
 * writes nothing (one sent while the first runs waits for it), the same key with another request is CONFLICT, and
 * a crash can never leave a write without its key. A failed request frees its key (what it kept on purpose, e.g. a
 * blocked attempt, stays).
 */
export const idempotent = t.middleware(async ({ ctx, path, input, next }) => {
  const fields = input as Record<string, unknown>;
  if (!ctx.user || typeof fields?.idempotencyKey !== 'string') {
    throw new Error(`${path} is keyed but its input has no idempotencyKey or it runs signed out`);
  }
  const request: KeyedRequest = {
    userId: ctx.user.id,
    key: fields.idempotencyKey,
    procedure: path,
    requestHash: requestHash(fields),
    now: ctx.now(),
  };
  let failed: Awaited<ReturnType<typeof next>> | null = null;
  try {
    return await ctx.db.transaction(async (tx) => {
      const claim = await claimKey(tx, request);
      // tRPC has no public way for a middleware to answer without calling next(); this is its own result shape.
      if (!claim.fresh) return { ok: true as const, data: claim.response, marker: middlewareMarker };
      const result = await next({ ctx: { db: tx as unknown as Database } });
      if (result.ok) await completeKey(tx, request, result.data);
      else {
        failed = result;
        await releaseKey(tx, request);
      }
      return result;
    });
  } catch (error) {
    // The failed procedure left the transaction unable to commit: its own error is the answer.
    if (failed) return failed;
    throw error;
  }
});

/**
 * What a write's service is given by the request: who asks (a user whose role holds the procedure's permission),
 * the checked input, the clock's now and the caller's address.
 */
export interface MutationRequest<P extends Permission, Input> {
  user: SessionUser & { role: RoleWith<P> };
  input: Input;
  now: Date;
  ip: string | null;
}

/**
 * The shape most writes share: `permissionProcedure(permission)` with a keyed `input` (`idempotent`), an answer
 * checked against `output`, and the service handed the database and the request. A write of another shape (not
 * keyed, or given other options) spells its chain out.
 */
export function keyedMutation<const P extends Permission, I extends z.ZodType, O extends z.ZodType>(
  permission: P,
  input: I,
  output: O,
  service: (db: Database, request: MutationRequest<P, z.output<I>>) => Promise<z.input<O>>,
) {
  return permissionProcedure(permission)
    .input(input)
    .use(idempotent)
    .output(output)
    .mutation(handing<P, I, O>(service));
}

/**
 * The resolver that hands a write's service the database and the request. tRPC's types cannot see through the
 * schema parameters here; at each use they check the procedure itself, and the signatures of `keyedMutation` and
 * `plainMutation` tie the service to the schemas.
 */
function handing<P extends Permission, I extends z.ZodType, O extends z.ZodType>(
  service: (db: Database, request: MutationRequest<P, z.output<I>>) => Promise<z.input<O>>,
) {
  return ({ ctx, input }: { ctx: MutationContext<P>; input: unknown }) =>
    service(ctx.db, {
      user: ctx.user,
      input: input as z.output<I>,
      now: ctx.now(),
      ip: ctx.ip,
    }) as Promise<never>;
}

interface MutationContext<P extends Permission> {
  db: Database;
  user: SessionUser & { role: RoleWith<P> };
  now: () => Date;
  ip: string | null;
}

/**
 * A read with no input (`{}` or nothing): `permissionProcedure(permission)` answering `output` from the service
 * given the database and the user, who holds the permission.
 */
export function userQuery<const P extends Permission, O extends z.ZodType>(
  permission: P,
  output: O,
  service: (db: Database, user: SessionUser & { role: RoleWith<P> }) => Promise<z.input<O>>,
) {
  return permissionProcedure(permission)
    .input(z.object({}).optional())
    .output(output)
    .query(({ ctx }) => service(ctx.db, ctx.user) as Promise<never>);
}

/**
 * A read whose service is given the database, the user (who holds the permission) and the checked input; the
 * service keeps the user's scope.
 */
export function scopedQuery<const P extends Permission, I extends z.ZodType, O extends z.ZodType>(
  permission: P,
  input: I,
  output: O,
  service: (
    db: Database,
    user: SessionUser & { role: RoleWith<P> },
    input: z.output<I>,
  ) => Promise<z.input<O>>,
) {
  return permissionProcedure(permission)
    .input(input)
    .output(output)
    .query(({ ctx, input }) => service(ctx.db, ctx.user, input as z.output<I>) as Promise<never>);
}

/** A read whose service is given the database and the request (user, checked input, now) as a write's is. */
export function requestQuery<const P extends Permission, I extends z.ZodType, O extends z.ZodType>(
  permission: P,
  input: I,
  output: O,
  service: (db: Database, request: Omit<MutationRequest<P, z.output<I>>, 'ip'>) => Promise<z.input<O>>,
) {
  return permissionProcedure(permission)
    .input(input)
    .output(output)
    .query(
      ({ ctx, input }) =>
        service(ctx.db, { user: ctx.user, input: input as z.output<I>, now: ctx.now() }) as Promise<never>,
    );
}

/**
 * A write that is not keyed (an update or a revocation: doing it twice does no more than once), its service handed
 * the database and the request as in `keyedMutation`.
 */
export function plainMutation<const P extends Permission, I extends z.ZodType, O extends z.ZodType>(
  permission: P,
  input: I,
  output: O,
  service: (db: Database, request: MutationRequest<P, z.output<I>>) => Promise<z.input<O>>,
) {
  return permissionProcedure(permission).input(input).output(output).mutation(handing<P, I, O>(service));
}
