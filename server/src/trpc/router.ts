import { authRouter } from '../modules/auth/auth.router.ts';
import { casesRouter } from '../modules/cases/cases.router.ts';
import { createCallerFactory, router } from './init.ts';

/** The root router: one sub-router per domain module. */
export const appRouter = router({
  auth: authRouter,
  cases: casesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
