import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { buildWorkedCase, caseAndQueue, key } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Money changes a case's place in the queues at once: the queue reads the stored priority and workable instant. */
const NOW = new Date('2026-11-11T17:00:00Z'); // 12:00 in New York

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const stored = (caseId: string) => caseAndQueue(handle.db, caseId);

describe('money re-ranks the case in the queues', () => {
  it('a promise due today raises the stored priority in the same write', async () => {
    const { agent, caseRow } = await buildWorkedCase(handle.db, {
      case: { principalMinor: 100_000, balanceMinor: 100_000 },
    });
    const { caller } = callerFor(handle.db, agent, { now: NOW });
    await caller.queues.list({ queue: 'mine' });
    const before = (await stored(caseRow.id)).priority;
    await caller.payments.recordPromise({
      idempotencyKey: key(),
      caseId: caseRow.id,
      amountMinor: 5_000,
      currency: 'USD',
      dueDate: '2026-11-11',
    });
    const after = await stored(caseRow.id);
    expect(after.priority).toBeGreaterThan(before);
    expect(after.nextWorkableAt).not.toBeNull();
  });

  it('a payment that clears the balance takes the case out of the workable queue', async () => {
    const { agent, caseRow } = await buildWorkedCase(handle.db, {
      case: { principalMinor: 10_000, balanceMinor: 10_000 },
    });
    const { caller } = callerFor(handle.db, agent, { now: NOW });
    await caller.payments.recordPayment({
      caseId: caseRow.id,
      amountMinor: 10_000,
      currency: 'USD',
      method: 'card',
      receivedAt: NOW.toISOString(),
      idempotencyKey: 'queue-clears-0001',
    });
    const after = await stored(caseRow.id);
    expect(after.status).toBe('paid');
    expect(after.nextWorkableAt).toBeNull();
  });
});
