import { randomUUID } from 'node:crypto';
import { localDate } from '@arrears/shared/domain/calendar';
import { key } from '../support/builders.ts';
import { freshPoolCase } from './compliance.ts';
import { type MatrixRow, only } from './types.ts';

/** Today in New York, where every pool case's debtor lives: a promise due then is never in the past. */
const todayInNewYork = () => localDate('America/New_York', new Date());

/** The people who work cases record and read promises, plans and payments; managers and admins do not. */
export const paymentsMatrix: Record<string, MatrixRow> = {
  'payments.recordPromise': {
    access: only('agent', 'supervisor'),
    call: async (c, world) => {
      const { caseRow } = await freshPoolCase(world);
      return c.payments.recordPromise({
        idempotencyKey: key(),
        caseId: caseRow.id,
        amountMinor: 5_000,
        currency: 'USD',
        dueDate: todayInNewYork(),
      });
    },
  },
  'payments.recordPlan': {
    access: only('agent', 'supervisor'),
    call: async (c, world) => {
      const { caseRow } = await freshPoolCase(world);
      return c.payments.recordPlan({
        idempotencyKey: key(),
        caseId: caseRow.id,
        totalMinor: 30_000,
        currency: 'USD',
        installmentCount: 3,
        frequency: 'monthly',
        startDate: todayInNewYork(),
      });
    },
  },
  'payments.recordPayment': {
    access: only('agent', 'supervisor'),
    call: async (c, world) => {
      const { caseRow } = await freshPoolCase(world);
      return c.payments.recordPayment({
        caseId: caseRow.id,
        amountMinor: 2_500,
        currency: 'USD',
        method: 'card',
        receivedAt: new Date(Date.now() - 60_000).toISOString(),
        idempotencyKey: randomUUID(),
      });
    },
  },
  'payments.list': {
    access: only('agent', 'supervisor'),
    call: (c, world) => c.payments.list({ caseId: world.caseId }),
  },
};
