import { sessionUser, setLanguageInput, signInInput } from '@arrears/shared/schemas/auth';
import { z } from 'zod';
import { router } from '../../trpc/init.ts';
import { protectedProcedure, publicProcedure } from '../../trpc/procedures.ts';
import { signIn } from './auth.service.ts';
import { setOwnLanguage } from './language.service.ts';
import { destroySession } from './session.ts';

export const authRouter = router({
  /** The signed-in user, or null: the dashboard's auth gate. */
  me: publicProcedure.output(sessionUser.nullable()).query(({ ctx }) => ctx.user),

  signIn: publicProcedure
    .input(signInInput)
    .output(sessionUser)
    .mutation(async ({ ctx, input }) => {
      const result = await signIn(ctx.db, input, {
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        now: ctx.now(),
        ttlHours: ctx.sessionTtlHours,
      });
      ctx.cookies.set(result.token, result.expiresAt);
      return result.user;
    }),

  signOut: protectedProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    if (ctx.sessionTokenHash) await destroySession(ctx.db, ctx.sessionTokenHash);
    ctx.cookies.clear();
    return { ok: true as const };
  }),

  /** The caller's own dashboard language; answers the signed-in user as `me` would now. */
  setLanguage: protectedProcedure
    .input(setLanguageInput)
    .output(sessionUser)
    .mutation(({ ctx, input }) =>
      setOwnLanguage(ctx.db, { user: ctx.user, language: input.language, ip: ctx.ip }),
    ),
});
