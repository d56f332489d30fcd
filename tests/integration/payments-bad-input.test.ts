import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { auditEvents, cases, paymentPlans, payments, promises } from '../../server/src/db/schema/index.ts';
import { buildTeam, buildUser, buildWorkedCase, key } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Issue 4 item 6 for money: every bad amount, currency, date and version gets a clear 4xx and writes nothing. */
const NOW = new Date('2026-11-11T17:00:00Z'); // 12:00 on Nov 11 in New York

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** $1,051.50 owed: $39.00 fees, $12.50 interest, $1,000.00 principal. */
async function world() {
  const w = await buildWorkedCase(handle.db, {
    case: { principalMinor: 100_000, interestMinor: 1_250, feesMinor: 3_900, balanceMinor: 105_150 },
  });
  return { ...w, caller: callerFor(handle.db, w.agent, { now: NOW }).caller };
}

async function moneyState(caseId: string) {
  const rows = async (
    table: typeof promises | typeof paymentPlans | typeof payments | typeof auditEvents,
  ) => {
    const [row] = await handle.db.select({ n: count() }).from(table).where(eq(table.caseId, caseId));
    return row!.n;
  };
  const [caseRow] = await handle.db.select().from(cases).where(eq(cases.id, caseId));
  return {
    promises: await rows(promises),
    plans: await rows(paymentPlans),
    payments: await rows(payments),
    audits: await rows(auditEvents),
    version: caseRow!.version,
    balanceMinor: caseRow!.balanceMinor,
    paidMinor: caseRow!.paidMinor,
    status: caseRow!.status,
  };
}

/** Runs each attempt, expects each refusal, and then that the case's money and history did not move. */
async function refusedWithoutTrace(
  caseId: string,
  attempts: Array<[Promise<unknown>, { code: string; message: string | RegExp; appCode?: string }]>,
) {
  // The calls are already running: settle them all at once so no refusal is left without a handler.
  const outcomes = await Promise.allSettled(attempts.map(([attempt]) => attempt));
  const before = await moneyState(caseId);
  for (const [index, [, expected]] of attempts.entries()) {
    const { message, ...codes } = expected;
    const outcome = outcomes[index]!;
    expect(outcome.status).toBe('rejected');
    expect((outcome as PromiseRejectedResult).reason).toMatchObject({
      ...codes,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    });
  }
  expect(await moneyState(caseId)).toEqual(before);
  expect(before).toMatchObject({ promises: 0, plans: 0, payments: 0, audits: 0, version: 1 });
}

const BAD = 'BAD_REQUEST';

describe('payments.recordPromise refuses', () => {
  it('negative, zero, fractional, over-the-balance and wrong-currency amounts', async () => {
    const { caller, caseRow } = await world();
    const promise = {
      caseId: caseRow.id,
      amountMinor: 5_000,
      currency: 'USD',
      dueDate: '2026-11-20',
      idempotencyKey: key(),
    };
    await refusedWithoutTrace(caseRow.id, [
      [
        caller.payments.recordPromise({ ...promise, idempotencyKey: key(), amountMinor: -100 }),
        { code: BAD, message: 'amountMinor: amountMinor must be more than zero' },
      ],
      [
        caller.payments.recordPromise({ ...promise, idempotencyKey: key(), amountMinor: 0 }),
        { code: BAD, message: /must be more than zero/ },
      ],
      [
        caller.payments.recordPromise({ ...promise, idempotencyKey: key(), amountMinor: 10.5 }),
        { code: BAD, message: /minor units \(a whole number/ },
      ],
      [
        caller.payments.recordPromise({ ...promise, idempotencyKey: key(), amountMinor: 105_151 }),
        { code: BAD, message: 'amountMinor: $1,051.51 is more than the $1,051.50 owed on this case' },
      ],
      [
        caller.payments.recordPromise({ ...promise, idempotencyKey: key(), currency: 'EUR' }),
        { code: BAD, message: 'currency: this case is in USD; an amount in EUR cannot be recorded on it' },
      ],
      [
        caller.payments.recordPromise({ ...promise, idempotencyKey: key(), currency: 'usd' }),
        { code: BAD, message: /ISO 4217/ },
      ],
    ]);
  });

  it("a due date in the past or more than 90 days out on the debtor's calendar, and a malformed date", async () => {
    const { caller, caseRow } = await world();
    const promise = { caseId: caseRow.id, amountMinor: 5_000, currency: 'USD' };
    await refusedWithoutTrace(caseRow.id, [
      [
        caller.payments.recordPromise({ ...promise, idempotencyKey: key(), dueDate: '2026-11-10' }),
        {
          code: BAD,
          message:
            'dueDate: 2026-11-10 is in the past for the debtor (today is 2026-11-11 in America/New_York)',
        },
      ],
      [
        caller.payments.recordPromise({ ...promise, idempotencyKey: key(), dueDate: '2027-02-10' }),
        {
          code: BAD,
          message: 'dueDate: 2027-02-10 is more than 90 days out; the latest allowed is 2027-02-09',
        },
      ],
      [
        caller.payments.recordPromise({ ...promise, idempotencyKey: key(), dueDate: '2026-02-30' }),
        { code: BAD, message: /dueDate must be a date/ },
      ],
      [
        caller.payments.recordPromise({ ...promise, idempotencyKey: key(), dueDate: '11/20/2026' }),
        { code: BAD, message: /dueDate must be a date/ },
      ],
    ]);
  });

  it('a date already past for a debtor in Shanghai, though still today in New York and in UTC', async () => {
    const shanghai = await buildWorkedCase(handle.db, {
      debtor: { explicitTimeZone: 'Asia/Shanghai', jurisdictionCountry: 'CN', jurisdictionRegion: null },
      portfolio: { currency: 'CNY', country: 'CN', region: null },
      case: { currency: 'CNY' },
    });
    // 17:00Z on Nov 11 is already 01:00 on Nov 12 in Shanghai.
    const caller = callerFor(handle.db, shanghai.agent, { now: NOW }).caller;
    const promise = {
      caseId: shanghai.caseRow.id,
      amountMinor: 5_000,
      currency: 'CNY',
      dueDate: '2026-11-11',
      idempotencyKey: key(),
    };
    await expect(caller.payments.recordPromise(promise)).rejects.toMatchObject({
      code: BAD,
      message: 'dueDate: 2026-11-11 is in the past for the debtor (today is 2026-11-12 in Asia/Shanghai)',
    });
    expect(await moneyState(shanghai.caseRow.id)).toMatchObject({ promises: 0, audits: 0, version: 1 });
  });

  it('a stale case version, a case out of scope and a closed case', async () => {
    const { caller, caseRow } = await world();
    const outsider = await buildUser(handle.db, 'agent', { teamId: (await buildTeam(handle.db)).id });
    const closed = await world();
    await handle.db.update(cases).set({ status: 'returned' }).where(eq(cases.id, closed.caseRow.id));
    const promise = { caseId: caseRow.id, amountMinor: 5_000, currency: 'USD', dueDate: '2026-11-20' };
    await refusedWithoutTrace(caseRow.id, [
      [
        caller.payments.recordPromise({ ...promise, idempotencyKey: key(), expectedVersion: 2 }),
        {
          code: 'CONFLICT',
          appCode: 'STALE_VERSION',
          message: /changed since you opened it \(version 2, now 1\)/,
        },
      ],
      [
        callerFor(handle.db, outsider, { now: NOW }).caller.payments.recordPromise({
          ...promise,
          idempotencyKey: key(),
        }),
        { code: 'NOT_FOUND', message: 'Case not found' },
      ],
    ]);
    await expect(
      closed.caller.payments.recordPromise({ ...promise, idempotencyKey: key(), caseId: closed.caseRow.id }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'The case is closed (returned); a promise cannot be recorded on it.',
    });
    expect((await moneyState(closed.caseRow.id)).promises).toBe(0);
  });
});

describe('payments.recordPlan refuses', () => {
  it('bad totals, counts, start dates, currencies and versions', async () => {
    const { caller, caseRow } = await world();
    const plan = {
      caseId: caseRow.id,
      totalMinor: 60_000,
      currency: 'USD',
      installmentCount: 6,
      frequency: 'monthly' as const,
      startDate: '2026-11-30',
    };
    await refusedWithoutTrace(caseRow.id, [
      [
        caller.payments.recordPlan({ ...plan, idempotencyKey: key(), totalMinor: -1 }),
        { code: BAD, message: /totalMinor must be more than zero/ },
      ],
      [
        caller.payments.recordPlan({ ...plan, idempotencyKey: key(), totalMinor: 0 }),
        { code: BAD, message: /totalMinor must be more than zero/ },
      ],
      [
        caller.payments.recordPlan({ ...plan, idempotencyKey: key(), totalMinor: 200_000 }),
        { code: BAD, message: 'totalMinor: $2,000.00 is more than the $1,051.50 owed on this case' },
      ],
      [
        caller.payments.recordPlan({ ...plan, idempotencyKey: key(), totalMinor: 5 }),
        { code: BAD, message: 'totalMinor: $0.05 cannot be split into 6 installments' },
      ],
      [
        caller.payments.recordPlan({ ...plan, idempotencyKey: key(), installmentCount: 1 }),
        { code: BAD, message: /at least 2 installments/ },
      ],
      [
        caller.payments.recordPlan({ ...plan, idempotencyKey: key(), installmentCount: 37 }),
        { code: BAD, message: /at most 36 installments/ },
      ],
      [
        caller.payments.recordPlan({ ...plan, idempotencyKey: key(), currency: 'CNY' }),
        { code: BAD, message: /this case is in USD/ },
      ],
      [
        caller.payments.recordPlan({ ...plan, idempotencyKey: key(), startDate: '2026-11-01' }),
        { code: BAD, message: /startDate: 2026-11-01 is in the past/ },
      ],
      [
        caller.payments.recordPlan({ ...plan, idempotencyKey: key(), startDate: '2027-03-01' }),
        { code: BAD, message: /more than 90 days out/ },
      ],
      [
        caller.payments.recordPlan({ ...plan, idempotencyKey: key(), expectedVersion: 7 }),
        { code: 'CONFLICT', appCode: 'STALE_VERSION', message: /Reload it/ },
      ],
    ]);
  });
});

describe('payments.recordPayment refuses', () => {
  it('negative, zero and over-the-balance amounts, wrong currencies, future instants, bad keys and stale versions', async () => {
    const { caller, caseRow } = await world();
    const payment = {
      caseId: caseRow.id,
      amountMinor: 5_000,
      currency: 'USD',
      method: 'card' as const,
      receivedAt: '2026-11-11T16:00:00Z',
      idempotencyKey: 'c0ffee00-0000-4000-8000-000000000001',
    };
    await refusedWithoutTrace(caseRow.id, [
      [
        caller.payments.recordPayment({ ...payment, amountMinor: -500 }),
        { code: BAD, message: /amountMinor must be more than zero/ },
      ],
      [
        caller.payments.recordPayment({ ...payment, amountMinor: 0 }),
        { code: BAD, message: /amountMinor must be more than zero/ },
      ],
      [
        caller.payments.recordPayment({ ...payment, amountMinor: 105_151 }),
        { code: BAD, message: 'amountMinor: $1,051.51 is more than the $1,051.50 owed on this case' },
      ],
      [
        caller.payments.recordPayment({ ...payment, currency: 'CNY' }),
        { code: BAD, message: /this case is in USD; an amount in CNY/ },
      ],
      [
        // Beyond the two minutes of clock skew a browser may have (decision record 020).
        caller.payments.recordPayment({ ...payment, receivedAt: '2026-11-11T17:02:01Z' }),
        {
          code: BAD,
          message: /^receivedAt: 2026-11-11T17:02:01Z is in the future; the latest allowed is now/,
        },
      ],
      [
        caller.payments.recordPayment({ ...payment, receivedAt: '2026-09-30T12:00:00Z' }),
        {
          code: BAD,
          message:
            'receivedAt: 2026-09-30T12:00:00Z is too far back; allowed from 2026-10-01T00:00:00Z (when the case was placed) to now',
        },
      ],
      [
        caller.payments.recordPayment({ ...payment, receivedAt: 'yesterday' }),
        { code: BAD, message: /ISO-8601 instant/ },
      ],
      [
        caller.payments.recordPayment({ ...payment, idempotencyKey: 'short' }),
        { code: BAD, message: /8 to 100 characters/ },
      ],
      [
        caller.payments.recordPayment({ ...payment, idempotencyKey: 'has a space in it' }),
        { code: BAD, message: /without spaces/ },
      ],
      [
        caller.payments.recordPayment({ ...payment, method: 'bitcoin' as 'card' }),
        { code: BAD, message: /method must be one of card/ },
      ],
      [
        caller.payments.recordPayment({ ...payment, expectedVersion: 3 }),
        { code: 'CONFLICT', appCode: 'STALE_VERSION', message: /version 3, now 1/ },
      ],
    ]);
  });

  it('a payment on a case that is already paid', async () => {
    const { caller, caseRow } = await world();
    await handle.db
      .update(cases)
      .set({ status: 'paid', balanceMinor: 0, paidMinor: 105_150 })
      .where(eq(cases.id, caseRow.id));
    await expect(
      caller.payments.recordPayment({
        caseId: caseRow.id,
        amountMinor: 100,
        currency: 'USD',
        method: 'cash',
        receivedAt: '2026-11-11T16:00:00Z',
        idempotencyKey: 'c0ffee00-0000-4000-8000-000000000002',
      }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: /closed \(paid\); a payment cannot be recorded/,
    });
    expect(await moneyState(caseRow.id)).toMatchObject({ payments: 0, audits: 0, version: 1 });
  });
});
