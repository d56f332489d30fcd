import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { auditEvents, cases, payments } from '../../server/src/db/schema/index.ts';
import {
  IDEMPOTENCY_KEY_TTL_MS,
  pruneIdempotencyKeys,
} from '../../server/src/modules/idempotency/idempotency-keys.ts';
import { isUniqueViolation } from '../../server/src/modules/payments/idempotency.ts';
import { buildWorkedCase } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase, usingServer } from './support/db.ts';

/**
 * One payment per idempotency key: a retry answers the original and writes nothing, a reused key is refused.
 * On the PostgreSQL server the racing submits run on separate connections at once; on PGlite they serialize,
 * and the same assertions hold.
 */
const NOW = new Date('2026-11-11T17:00:00Z');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase({ poolSize: 10 });
});
afterAll(() => handle.close());

async function world() {
  const w = await buildWorkedCase(handle.db, { case: { principalMinor: 50_000, balanceMinor: 50_000 } });
  return { ...w, caller: callerFor(handle.db, w.agent, { now: NOW }).caller };
}

let keys = 0;
const payment = (caseId: string, amountMinor = 10_000) => ({
  caseId,
  amountMinor,
  currency: 'USD',
  method: 'bank_transfer' as const,
  receivedAt: '2026-11-11T16:00:00Z',
  idempotencyKey: `5a7e${++keys}-idem-${Date.now().toString(36)}`,
});

async function ledger(caseId: string) {
  const [paid] = await handle.db.select({ n: count() }).from(payments).where(eq(payments.caseId, caseId));
  const [audits] = await handle.db
    .select({ n: count() })
    .from(auditEvents)
    .where(eq(auditEvents.caseId, caseId));
  const [row] = await handle.db.select().from(cases).where(eq(cases.id, caseId));
  return { payments: paid!.n, audits: audits!.n, version: row!.version, balanceMinor: row!.balanceMinor };
}

describe('a retried payment', () => {
  it("recognises this driver's unique violation on the key, and only that one", async () => {
    const { caseRow } = await world();
    const row = {
      caseId: caseRow.id,
      amountMinor: 100,
      currency: 'USD',
      method: 'cash' as const,
      idempotencyKey: `dup-${caseRow.id}`,
      receivedAt: NOW,
    };
    await handle.db.insert(payments).values(row);
    const error = await handle.db
      .insert(payments)
      .values(row)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(error, 'payments_idempotency_key')).toBe(true);
    expect(isUniqueViolation(error, 'cases_portfolio_account_key')).toBe(false);
    expect(isUniqueViolation(new Error('boom'), 'payments_idempotency_key')).toBe(false);
  });

  it('answers a retry exactly as the first time and writes nothing, even with the version it had before', async () => {
    const { caller, caseRow } = await world();
    const input = { ...payment(caseRow.id), expectedVersion: 1 };
    const original = await caller.payments.recordPayment(input);
    const after = await ledger(caseRow.id);
    const retry = await caller.payments.recordPayment(input);
    expect(retry).toEqual(original);
    expect(retry.case).toMatchObject({ balanceMinor: 40_000, version: 2 });
    expect(await ledger(caseRow.id)).toEqual(after);
    expect(after).toEqual({ payments: 1, audits: 1, version: 2, balanceMinor: 40_000 });
  });

  it('answers the original even after it paid the case in full and closed it', async () => {
    const { caller, caseRow } = await world();
    const input = payment(caseRow.id, 50_000);
    const original = await caller.payments.recordPayment(input);
    expect(original.case.status).toBe('paid');
    const retry = await caller.payments.recordPayment(input);
    expect(retry).toEqual(original);
  });

  it('answers a payment whose key is past its 24 hours from the payments table, as a replay', async () => {
    const { caller, caseRow } = await world();
    const input = payment(caseRow.id);
    const original = await caller.payments.recordPayment(input);
    await pruneIdempotencyKeys(handle.db, new Date(NOW.getTime() + 2 * IDEMPOTENCY_KEY_TTL_MS));
    const retry = await caller.payments.recordPayment(input);
    expect(retry).toMatchObject({ replayed: true, payment: original.payment, keptPromiseIds: [] });
  });

  it('refuses the key reused with another amount or on another case, writing nothing', async () => {
    const { caller, caseRow, agent } = await world();
    const other = await buildWorkedCase(handle.db, { case: { teamId: null, assignedAgentId: agent.id } });
    const input = payment(caseRow.id);
    await caller.payments.recordPayment(input);
    const before = [await ledger(caseRow.id), await ledger(other.caseRow.id)];
    const conflict = {
      code: 'CONFLICT',
      message:
        'idempotencyKey: this key was already used for a different request; a new request needs a new key',
    };
    await expect(caller.payments.recordPayment({ ...input, amountMinor: 9_999 })).rejects.toMatchObject(
      conflict,
    );
    await expect(caller.payments.recordPayment({ ...input, caseId: other.caseRow.id })).rejects.toMatchObject(
      conflict,
    );
    await expect(caller.payments.recordPayment({ ...input, method: 'cash' })).rejects.toMatchObject(conflict);
    await expect(
      caller.payments.recordPayment({ ...input, receivedAt: '2026-11-11T16:00:01Z' }),
    ).rejects.toMatchObject(conflict);
    expect([await ledger(caseRow.id), await ledger(other.caseRow.id)]).toEqual(before);
  });

  it("compares the whole payment once the 24-hour key is gone, and keeps another user's key apart", async () => {
    const { caller, caseRow, supervisor } = await world();
    const input = payment(caseRow.id);
    await caller.payments.recordPayment(input);
    await pruneIdempotencyKeys(handle.db, new Date(NOW.getTime() + 2 * IDEMPOTENCY_KEY_TTL_MS));
    const before = await ledger(caseRow.id);
    const conflict = {
      code: 'CONFLICT',
      message:
        'idempotencyKey: this key was already used for a different payment; a new payment needs a new key',
    };
    await expect(
      caller.payments.recordPayment({ ...input, receivedAt: '2026-11-11T15:59:00Z' }),
    ).rejects.toMatchObject(conflict);
    await expect(
      callerFor(handle.db, supervisor, { now: NOW }).caller.payments.recordPayment(input),
    ).rejects.toMatchObject(conflict);
    expect(await caller.payments.recordPayment(input)).toMatchObject({ replayed: true });
    expect(await ledger(caseRow.id)).toEqual(before);
  });
});

describe(`a double submit racing${usingServer() ? ' on the PostgreSQL server' : ''}`, () => {
  it('records one payment for eight concurrent submits with one key, every one answered with it', async () => {
    const { caseRow, agent } = await world();
    const input = payment(caseRow.id, 12_345);
    // A caller each, as separate browser tabs would be.
    const attempts = Array.from({ length: 8 }, () =>
      callerFor(handle.db, agent, { now: NOW }).caller.payments.recordPayment(input),
    );
    const results = await Promise.all(attempts);
    for (const result of results) expect(result).toEqual(results[0]);
    expect(await ledger(caseRow.id)).toEqual({ payments: 1, audits: 1, version: 2, balanceMinor: 37_655 });
  });

  it("keeps one row when one key races onto two debtors' cases, refusing the other", async () => {
    const { caller, caseRow, agent } = await world();
    const other = await buildWorkedCase(handle.db, { case: { teamId: null, assignedAgentId: agent.id } });
    const input = payment(caseRow.id);
    const results = await Promise.allSettled([
      caller.payments.recordPayment(input),
      caller.payments.recordPayment({ ...input, caseId: other.caseRow.id }),
    ]);
    const codes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code));
    expect(codes.sort()).toEqual(['CONFLICT', 'ok']);
    const rows = await handle.db
      .select()
      .from(payments)
      .where(eq(payments.idempotencyKey, input.idempotencyKey));
    expect(rows).toHaveLength(1);
    const loser = rows[0]!.caseId === caseRow.id ? other.caseRow.id : caseRow.id;
    expect(await ledger(loser)).toMatchObject({ payments: 0, audits: 0, version: 1 });
  });

  it('answers a submit that loses at the unique index with the payment that won', async () => {
    const { caller, caseRow, agent } = await world();
    const input = payment(caseRow.id);
    // The winner: the same payment inserted in a transaction held open, so the submit's lookup cannot see it
    // and (on the server) its insert waits on the unique index until the winner commits.
    let commit!: () => void;
    let inserted!: () => void;
    const winnerInserted = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const winner = handle.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(payments)
        .values({
          caseId: caseRow.id,
          amountMinor: input.amountMinor,
          currency: input.currency,
          method: input.method,
          idempotencyKey: input.idempotencyKey,
          allocatedPrincipalMinor: input.amountMinor,
          recordedBy: agent.id,
          receivedAt: new Date(input.receivedAt),
        })
        .returning();
      inserted();
      await new Promise<void>((resolve) => {
        commit = resolve;
      });
      return row!;
    });
    await winnerInserted;
    const submit = caller.payments.recordPayment(input);
    await new Promise((resolve) => setTimeout(resolve, 300));
    commit();
    const winnerRow = await winner;
    const result = await submit;
    expect(result).toMatchObject({ replayed: true, payment: { id: winnerRow.id } });
    expect(await ledger(caseRow.id)).toMatchObject({ payments: 1, audits: 0, version: 1 });
  });
});
