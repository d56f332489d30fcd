import {
  listPaymentsInput,
  listPaymentsOutput,
  recordPaymentInput,
  recordPaymentOutput,
  recordPlanInput,
  recordPlanOutput,
  recordPromiseInput,
  recordPromiseOutput,
} from '@arrears/shared/schemas/payments';
import { router } from '../../trpc/init.ts';
import { keyedMutation, permissionProcedure } from '../../trpc/procedures.ts';
import { findCaseInScope } from '../case-core/case-core.service.ts';
import { recordPayment } from './payment.service.ts';
import { caseLedger } from './payments.queries.ts';
import { recordPlan } from './plans.service.ts';
import { recordPromise } from './promises.service.ts';

/**
 * The money side of a case: promises to pay, payment plans and payments (decision 006). Agents and
 * supervisors, on cases in their scope; a case out of scope answers NOT_FOUND. Every write bumps the case's
 * version and accepts `expectedVersion`.
 */
export const paymentsRouter = router({
  /** A promise to pay an amount by a day of the debtor's calendar; replaces the pending standalone one. */
  recordPromise: keyedMutation('case:work', recordPromiseInput, recordPromiseOutput, recordPromise),

  /** A plan of 2–36 installments, each a promise; replaces the active plan and pending promises. */
  recordPlan: keyedMutation('case:work', recordPlanInput, recordPlanOutput, recordPlan),

  /** Money received, once per idempotency key; allocated fees → interest → principal. */
  recordPayment: keyedMutation('case:work', recordPaymentInput, recordPaymentOutput, recordPayment),

  /** The case's promises (with their plan), plans and payments. */
  list: permissionProcedure('case:work')
    .input(listPaymentsInput)
    .output(listPaymentsOutput)
    .query(async ({ ctx, input }) => {
      const caseRow = await findCaseInScope(ctx.db, ctx.user, input.caseId);
      return { caseId: caseRow.id, currency: caseRow.currency, ...(await caseLedger(ctx.db, caseRow.id)) };
    }),
});
