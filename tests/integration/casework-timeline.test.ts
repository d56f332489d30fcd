import type { TimelineItem } from '@arrears/shared/schemas/casework';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { callbacks, caseNotes, complaints, paymentPlans } from '../../server/src/db/schema/index.ts';
import {
  buildCase,
  buildContact,
  buildContactPoint,
  buildDispute,
  buildEscalation,
  buildPayment,
  buildPromise,
  buildTeam,
  buildUser,
  buildWorkedCase,
  key,
  refusedAttempt,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** One history, newest first, merged from every table that holds part of it, paged by (at, type, id). */
const NOW = new Date('2026-11-11T17:00:00Z');
const at = (day: number, hour = 15) => new Date(Date.UTC(2026, 10, day, hour));

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** A case with one row of every kind the timeline merges, each on its own day of November. */
async function busyCase() {
  const db = handle.db;
  const w = await buildWorkedCase(db, { debtor: { fullName: 'Tim Line' } });
  const caller = callerFor(db, w.agent, { now: NOW }).caller;
  const { caseRow, agent, supervisor, mobile } = w;
  await buildContact(db, caseRow, {
    occurredAt: at(1),
    contactPointId: mobile.id,
    agentId: agent.id,
    outcome: 'conversation',
  });
  await db.insert(paymentPlans).values({
    caseId: caseRow.id,
    totalMinor: 30_000,
    currency: 'USD',
    installmentCount: 3,
    frequency: 'monthly',
    startDate: '2026-11-15',
    createdBy: agent.id,
    createdAt: at(2),
  });
  await buildPromise(db, caseRow.id, {
    amountMinor: 10_000,
    dueDate: '2026-11-15',
    createdBy: agent.id,
    createdAt: at(2, 16),
  });
  await buildPayment(db, caseRow.id, { amountMinor: 10_000, receivedAt: at(3), recordedBy: agent.id });
  await buildEscalation(db, {
    caseId: caseRow.id,
    kind: 'field_visit',
    requestedBy: agent.id,
    createdAt: at(4),
    status: 'rejected',
    decidedBy: supervisor.id,
    decidedAt: at(5),
    decisionReason: 'Not yet',
  });
  await db.insert(complaints).values({
    caseId: caseRow.id,
    agentId: agent.id,
    receivedAt: at(6),
    channel: 'letter',
    description: 'Too many calls',
    resolveBy: at(21),
  });
  await db
    .insert(callbacks)
    .values({ caseId: caseRow.id, agentId: agent.id, dueAt: at(20), createdAt: at(7) });
  await buildDispute(db, caseRow.id, { receivedAt: at(8), reason: 'Amount wrong', recordedBy: agent.id });
  await db
    .insert(caseNotes)
    .values({ caseId: caseRow.id, authorId: agent.id, body: 'Sent papers', createdAt: at(9) });
  await caller.casework.recordCease({
    idempotencyKey: key(),
    caseId: caseRow.id,
    receivedAt: at(10).toISOString(),
  }); // flag at NOW
  const call = caller.contacts.logCall({
    idempotencyKey: key(),
    caseId: caseRow.id,
    contactPointId: mobile.id,
    kind: 'call',
    outcome: 'no_answer',
  });
  await refusedAttempt(db, call); // a blocked decision at NOW
  return { ...w, caller };
}

async function allPages(caller: ReturnType<typeof callerFor>['caller'], caseId: string, limit: number) {
  const items: TimelineItem[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await caller.casework.timeline({ caseId, limit, ...(cursor ? { cursor } : {}) });
    items.push(...result.items);
    if (result.nextCursor === null) return items;
    cursor = result.nextCursor;
  }
  throw new Error('the timeline never ended');
}

describe('casework.timeline', () => {
  it('merges every kind of history into one list, newest first, with actors and details', async () => {
    const { caller, caseRow, agent, supervisor } = await busyCase();
    const { items, nextCursor } = await caller.casework.timeline({ caseId: caseRow.id });
    expect(nextCursor).toBeNull();
    expect(items.map((i) => i.type)).toEqual([
      'flag', // cease recorded at NOW; the blocked call is at NOW too and 'flag' > 'decision'
      'decision',
      'note',
      'dispute',
      'callback',
      'complaint',
      'escalation_decision',
      'escalation_request',
      'payment',
      'promise',
      'payment_plan',
      'contact',
    ]);
    const byType = Object.fromEntries(items.map((i) => [i.type, i]));
    expect(byType.decision).toMatchObject({
      at: NOW.toISOString(),
      actorName: agent.name,
      detail: { outcome: 'blocked', actionKind: 'call', ruleIds: ['US-FDCPA-CEASE', 'US-FDCPA-DISPUTE'] },
    });
    expect(byType.flag).toMatchObject({ detail: { event: 'cease', effectiveAt: at(10).toISOString() } });
    expect(byType.escalation_decision).toMatchObject({
      actorName: supervisor.name,
      detail: { kind: 'field_visit', status: 'rejected', reason: 'Not yet' },
    });
    expect(byType.payment?.detail).toMatchObject({
      amountMinor: 10_000,
      currency: 'USD',
      principalMinor: 10_000,
    });
    expect(byType.contact?.detail).toMatchObject({ kind: 'call', outcome: 'conversation' });
    const dates = items.map((i) => Date.parse(i.at));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it("words a stored decision's rule reasons in the reader's language", async () => {
    const { caller, caseRow, agent } = await busyCase();
    const reasonsAs = async (reader: typeof caller) => {
      const { items } = await reader.casework.timeline({ caseId: caseRow.id });
      const decision = items.find((i) => i.type === 'decision');
      return decision?.type === 'decision' ? decision.detail.reasons : [];
    };
    const chineseReader = callerFor(
      handle.db,
      { ...agent, locale: 'zh-CN', language: 'zh' },
      { now: NOW },
    ).caller;
    const [english, chinese] = [await reasonsAs(caller), await reasonsAs(chineseReader)];
    expect(english).toHaveLength(2);
    expect(english[0]).toMatch(/^The debtor asked in writing on /);
    expect(chinese).toHaveLength(2);
    expect(chinese[0]).toMatch(/^债务人已于.+书面要求停止催收/);
  });

  it('pages through the same list without repeats or gaps, whatever the page size', async () => {
    const { caller, caseRow } = await busyCase();
    const whole = await allPages(caller, caseRow.id, 100);
    for (const limit of [1, 3, 5]) {
      expect((await allPages(caller, caseRow.id, limit)).map((i) => `${i.type}:${i.id}`)).toEqual(
        whole.map((i) => `${i.type}:${i.id}`),
      );
    }
  });

  it('keeps rows recorded in the same millisecond apart, ordered by type then id', async () => {
    const db = handle.db;
    const { caller, caseRow, agent, mobile } = await buildWorkedCase(db).then((w) => ({
      ...w,
      caller: callerFor(db, w.agent, { now: NOW }).caller,
    }));
    const instant = '2026-11-05 10:00:00.123456+00';
    for (const body of ['first', 'second', 'third']) {
      await db.execute(
        sql`insert into case_notes (case_id, author_id, body, created_at) values (${caseRow.id}, ${agent.id}, ${body}, ${instant})`,
      );
    }
    await db.execute(
      sql`insert into case_notes (case_id, author_id, body, created_at) values (${caseRow.id}, ${agent.id}, 'micro-later', '2026-11-05 10:00:00.123457+00')`,
    );
    const first = await buildContact(db, caseRow, {
      occurredAt: new Date('2026-11-05T10:00:00.123Z'),
      contactPointId: mobile.id,
    });
    const second = await buildContact(db, caseRow, {
      occurredAt: new Date('2026-11-05T10:00:00.123Z'),
      contactPointId: mobile.id,
    });
    const paged = await allPages(caller, caseRow.id, 1);
    expect(paged).toHaveLength(6);
    expect(paged[0]?.detail).toEqual({ body: 'micro-later' });
    expect(paged.slice(1, 4).map((i) => i.type)).toEqual(['note', 'note', 'note']);
    expect(paged.slice(4).map((i) => i.id)).toEqual([String(second.id), String(first.id)]);
  });

  it("masks contact points and shows a debtor's flags on each of their cases", async () => {
    const db = handle.db;
    const w = await buildWorkedCase(db);
    const caller = callerFor(db, w.agent, { now: NOW }).caller;
    const email = await buildContactPoint(db, w.debtor.id, {
      kind: 'email',
      value: 'secret.person@hidden.org',
    });
    await buildContact(db, w.caseRow, {
      occurredAt: at(4),
      kind: 'email',
      outcome: 'sent',
      contactPointId: email.id,
    });
    const sibling = await buildCase(db, {
      portfolioId: w.portfolio.id,
      teamId: w.team.id,
      debtorId: w.debtor.id,
    });
    await caller.casework.recordOptOut({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      contactPointId: email.id,
    });
    const own = await caller.casework.timeline({ caseId: w.caseRow.id });
    expect(JSON.stringify(own)).not.toContain('secret.person');
    expect(own.items.find((i) => i.type === 'contact')?.detail).toMatchObject({
      contactPoint: 's•••@h•••.org',
    });
    const other = await caller.casework.timeline({ caseId: sibling.id });
    expect(other.items).toEqual([
      expect.objectContaining({
        type: 'flag',
        detail: expect.objectContaining({ event: 'opt_out', contactPoint: 's•••@h•••.org' }),
      }),
    ]);
  });

  it('refuses a cursor it did not hand out, and a case out of scope', async () => {
    const { caller, caseRow } = await buildWorkedCase(handle.db).then((w) => ({
      ...w,
      caller: callerFor(handle.db, w.agent, { now: NOW }).caller,
    }));
    // A case with no history yet is found and empty, not "not found".
    expect(await caller.casework.timeline({ caseId: caseRow.id })).toEqual({ items: [], nextCursor: null });
    await expect(caller.casework.timeline({ caseId: caseRow.id, cursor: 'bm9wZQ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('cursor'),
    });
    const stranger = await buildUser(handle.db, 'agent', { teamId: (await buildTeam(handle.db)).id });
    await expect(
      callerFor(handle.db, stranger, { now: NOW }).caller.casework.timeline({ caseId: caseRow.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
