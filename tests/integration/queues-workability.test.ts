import { displayReason } from '@arrears/shared/compliance/reasons/render';
import { priorityScore } from '@arrears/shared/domain/priority';
import { count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import * as s from '../../server/src/db/schema/index.ts';
import { loadCaseFacts, loadFactsForCases } from '../../server/src/modules/case-core/case-core.service.ts';
import { refreshWorkability } from '../../server/src/modules/queues/queues.service.ts';
import { refreshAllWorkability } from '../../server/src/modules/queues/workability-roll.ts';
import {
  buildCase,
  buildContact,
  buildContactPoint,
  buildDispute,
  buildEscalation,
  buildOptOut,
  buildThirdParty,
  buildWorkedCase,
  caseAndQueue,
  key,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Wednesday 2026-11-11, 12:00 in New York. */
const NOW = new Date('2026-11-11T17:00:00Z');
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 15)); // 10:00 in New York

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const stored = (caseId: string) => caseAndQueue(handle.db, caseId);

describe('the earliest workable instant', () => {
  it('moves to when the weekly cap frees once a logged call reaches it', async () => {
    const { agent, caseRow, mobile } = await buildWorkedCase(handle.db);
    for (const d of [5, 6, 7, 8, 9, 10]) {
      await buildContact(handle.db, caseRow, { occurredAt: day(d), contactPointId: mobile.id });
    }
    await refreshWorkability(handle.db, [caseRow.id], NOW);
    expect((await stored(caseRow.id)).nextWorkableAt).toEqual(NOW);

    const caller = callerFor(handle.db, agent, { now: NOW }).caller;
    await caller.contacts.logCall({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
      kind: 'call',
      outcome: 'no_answer',
    });

    // Seven calls on Nov 5–11: the cap frees when Nov 5 leaves the window, at the first allowed hour of Nov 12.
    expect((await stored(caseRow.id)).nextWorkableAt).toEqual(new Date('2026-11-12T13:00:00Z'));
    const page = await caller.queues.list({ queue: 'mine' });
    expect(page.rows[0]).toMatchObject({
      id: caseRow.id,
      workableNow: false,
      nextWorkableAt: '2026-11-12T13:00:00.000Z',
      blockedBy: { ruleId: 'US-REGF-7IN7', nextAllowedAt: '2026-11-12T13:00:00.000Z' },
    });
  });

  it('stores the reason as a code with its parameters, which render to the English sentence it had', async () => {
    const { agent, caseRow, mobile } = await buildWorkedCase(handle.db);
    for (const d of [5, 6, 7, 8, 9, 10, 11]) {
      await buildContact(handle.db, caseRow, { occurredAt: day(d), contactPointId: mobile.id });
    }
    await refreshWorkability(handle.db, [caseRow.id], NOW);
    const english =
      "7 calls already made about this debt in the 7 days ending today (Nov 5–Nov 11, debtor's time); the limit is 7.";
    const params = { made: 7, days: 7, day: 20768, max: 7 };
    expect(await stored(caseRow.id)).toMatchObject({
      blockedRuleId: 'US-REGF-7IN7',
      blockedReasonCode: 'callCapReached',
      blockedReasonParams: params,
    });
    const page = await callerFor(handle.db, agent, { now: NOW }).caller.queues.list({ queue: 'mine' });
    const { blockedBy } = page.rows.find((row) => row.id === caseRow.id)!;
    expect(blockedBy).toMatchObject({ reason: english, reasonCode: 'callCapReached', reasonParams: params });
    expect(displayReason(blockedBy!, 'en')).toBe(english);
    // The same stored facts, in the reader's language.
    expect(displayReason(blockedBy!, 'zh')).toBe(
      '截至今日的7天内（11月5日至11月11日，债务人当地时间）已就该笔债务拨打电话7次；上限为7次。',
    );
  });

  it('judges live a row stored without a reason code (never judged, or judged before codes), and shows it', async () => {
    const { agent, caseRow } = await buildWorkedCase(handle.db);
    await buildDispute(handle.db, caseRow.id, { receivedAt: day(3) });
    await refreshWorkability(handle.db, [caseRow.id], NOW);
    // As migration 0029 leaves a row judged before 0028 gave reasons codes: a rule id, no code.
    await handle.db.execute(
      sql`update case_queue_state set blocked_reason_code = null, blocked_reason_params = null where case_id = ${caseRow.id}`,
    );
    const page = await callerFor(handle.db, agent, { now: NOW }).caller.queues.list({ queue: 'mine' });
    const { blockedBy } = page.rows.find((row) => row.id === caseRow.id)!;
    expect(blockedBy).toMatchObject({ ruleId: 'US-FDCPA-DISPUTE', reasonCode: 'disputeOpen' });
    expect(displayReason(blockedBy!, 'en')).toBe(
      'The debtor disputed this debt on 2026-11-03 and verification has not been sent; collection is paused until it is.',
    );
  });

  it('is now when any phone may be called, even if another is blocked', async () => {
    const { caseRow, debtor, mobile } = await buildWorkedCase(handle.db);
    await buildContactPoint(handle.db, debtor.id, { kind: 'landline' });
    await buildOptOut(handle.db, debtor.id, { at: day(1), contactPointId: mobile.id });
    await refreshWorkability(handle.db, [caseRow.id], NOW);
    expect((await stored(caseRow.id)).nextWorkableAt).toEqual(NOW);
  });

  it('is null with the dispute as the reason while a dispute is open', async () => {
    const { agent, caseRow } = await buildWorkedCase(handle.db);
    await buildDispute(handle.db, caseRow.id, { receivedAt: day(3) });
    await refreshWorkability(handle.db, [caseRow.id], NOW);
    expect((await stored(caseRow.id)).nextWorkableAt).toBeNull();
    const page = await callerFor(handle.db, agent, { now: NOW }).caller.queues.list({ queue: 'mine' });
    expect(page.rows[0]).toMatchObject({
      workableNow: false,
      nextWorkableAt: null,
      blockedBy: { ruleId: 'US-FDCPA-DISPUTE', nextAllowedAt: null },
    });
  });

  it('is when a hold ends, at night the window after it, with the hold as the reason', async () => {
    const { agent, caseRow } = await buildWorkedCase(handle.db, {
      case: { holdUntil: new Date('2026-11-14T03:00:00Z'), holdReason: 'settlement pending' },
    });
    await refreshWorkability(handle.db, [caseRow.id], NOW);
    // The hold ends at 22:00 in New York, after calling hours: the case opens at 08:00 the next morning.
    expect((await stored(caseRow.id)).nextWorkableAt).toEqual(new Date('2026-11-14T13:00:00Z'));
    const page = await callerFor(handle.db, agent, { now: NOW }).caller.queues.list({ queue: 'mine' });
    expect(page.rows[0]).toMatchObject({
      workableNow: false,
      nextWorkableAt: '2026-11-14T13:00:00.000Z',
      blockedBy: { ruleId: 'POL-HOLD', nextAllowedAt: '2026-11-14T13:00:00.000Z' },
    });
  });

  it('is null when the debtor has no phone on file, and says so', async () => {
    const { agent, portfolio, team } = await buildWorkedCase(handle.db);
    const phoneless = await buildCase(handle.db, {
      portfolioId: portfolio.id,
      teamId: team.id,
      assignedAgentId: agent.id,
    });
    await refreshWorkability(handle.db, [phoneless.id], NOW);
    const page = await callerFor(handle.db, agent, { now: NOW }).caller.queues.list({ queue: 'mine' });
    expect(page.rows.find((row) => row.id === phoneless.id)).toMatchObject({
      nextWorkableAt: null,
      blockedBy: {
        ruleId: null,
        reason: 'No phone number on file.',
        reasonCode: 'noPhoneOnFile',
        reasonParams: {},
      },
    });
    // Stored as a code, so a Chinese reader reads it in Chinese.
    expect(await stored(phoneless.id)).toMatchObject({
      blockedReasonCode: 'noPhoneOnFile',
      blockedReasonParams: {},
    });
    const { blockedBy } = page.rows.find((row) => row.id === phoneless.id)!;
    expect(displayReason(blockedBy!, 'zh')).toBe('没有登记任何电话号码。');
  });

  it("refreshes the debtor's other cases too: an opt-out belongs to the person", async () => {
    const { caseRow, debtor, portfolio, team, agent } = await buildWorkedCase(handle.db);
    const sibling = await buildCase(handle.db, {
      portfolioId: portfolio.id,
      teamId: team.id,
      assignedAgentId: agent.id,
      debtorId: debtor.id,
    });
    await refreshWorkability(handle.db, [caseRow.id], NOW);
    expect((await stored(sibling.id)).nextWorkableAt).toEqual(NOW);
    await buildOptOut(handle.db, debtor.id, { at: day(10), channel: 'phone' });
    await refreshWorkability(handle.db, [caseRow.id], NOW);
    expect((await stored(sibling.id)).nextWorkableAt).toBeNull();
  });

  it('clears a closed case: no workable instant and priority 0', async () => {
    const { caseRow } = await buildWorkedCase(handle.db);
    await refreshWorkability(handle.db, [caseRow.id], NOW);
    await handle.db.update(s.cases).set({ status: 'paid' }).where(eq(s.cases.id, caseRow.id));
    await refreshWorkability(handle.db, [caseRow.id], NOW);
    expect(await stored(caseRow.id)).toMatchObject({ nextWorkableAt: null, priority: 0 });
  });
});

describe('the stored priority', () => {
  it('is the documented score of the case, with its promise due today and its workability', async () => {
    const { caseRow } = await buildWorkedCase(handle.db, {
      case: { balanceMinor: 250_000, daysPastDue: 64, lastContactAt: day(1) },
    });
    await handle.db
      .insert(s.promises)
      .values({ caseId: caseRow.id, amountMinor: 10_000, currency: 'USD', dueDate: '2026-11-11' });
    await refreshWorkability(handle.db, [caseRow.id], NOW);
    const expected = priorityScore({
      balanceMinor: 250_000,
      currency: 'USD',
      daysPastDue: 64,
      promiseState: 'due_today',
      lastContactAt: day(1),
      now: NOW,
      workableNow: true,
    });
    expect((await stored(caseRow.id)).priority).toBe(expected);
  });
});

describe('the nightly roll', () => {
  it('judges every active case as refreshWorkability does, in batches, and clears closed ones', async () => {
    const built = await Promise.all([1, 2, 3, 4, 5].map(() => buildWorkedCase(handle.db)));
    await buildDispute(handle.db, built[0]!.caseRow.id, { receivedAt: day(2) });
    const closed = await buildCase(handle.db, {
      portfolioId: built[1]!.portfolio.id,
      status: 'settled',
      queue: { priority: 77, nextWorkableAt: NOW },
    });
    const [active] = await handle.db.select({ n: count() }).from(s.cases).where(eq(s.cases.status, 'active'));
    const summary = await refreshAllWorkability(handle.db, NOW, 2);
    expect(summary.judged).toBe(active!.n);
    expect(summary.batches).toBe(Math.ceil(active!.n / 2));
    expect(summary.closedCleared).toBeGreaterThanOrEqual(1);
    expect(await stored(closed.id)).toMatchObject({ nextWorkableAt: null, priority: 0 });
    const ids = built.map((b) => b.caseRow.id);
    const rows = await handle.db.select().from(s.caseQueueState).where(inArray(s.caseQueueState.caseId, ids));
    const byId = new Map(rows.map((row) => [row.caseId, row.nextWorkableAt]));
    expect(ids.map((id) => byId.get(id))).toEqual([null, NOW, NOW, NOW, NOW]);
  });
});

describe('the facts loader', () => {
  it('gathers for each case of a batch the facts it gathers for that case alone', async () => {
    const { caseRow, debtor, mobile, agent, supervisor } = await buildWorkedCase(handle.db, {
      debtor: { inconvenientTimes: [{ from: '12:00', to: '13:00' }] },
    });
    const neighbor = await buildThirdParty(handle.db, debtor.id);
    const home = await buildContactPoint(handle.db, debtor.id, { kind: 'home_address' });
    await buildContact(handle.db, caseRow, { occurredAt: day(9), contactPointId: mobile.id });
    await buildContact(handle.db, caseRow, {
      occurredAt: new Date('2026-01-05T15:00:00Z'),
      contactPointId: mobile.id,
    });
    await buildContact(handle.db, caseRow, {
      occurredAt: new Date('2026-02-05T15:00:00Z'),
      kind: 'third_party_contact',
      thirdPartyId: neighbor.id,
      outcome: 'third_party',
    });
    await buildOptOut(handle.db, debtor.id, { at: day(2), channel: 'email' });
    await buildDispute(handle.db, caseRow.id, { receivedAt: day(4) });
    await buildEscalation(handle.db, {
      caseId: caseRow.id,
      kind: 'field_visit',
      requestedBy: agent.id,
      status: 'approved',
      decidedBy: supervisor.id,
    });
    await handle.db
      .insert(s.fieldVisits)
      .values({ caseId: caseRow.id, addressId: home.id, scheduledFor: day(20) });
    // A second case of the same debtor, and a case whose portfolio reaches further back than the first read.
    const sibling = await buildCase(handle.db, { portfolioId: caseRow.portfolioId, debtorId: debtor.id });
    const far = await buildWorkedCase(handle.db, { debtor: { explicitTimeZone: 'America/Chicago' } });
    await handle.db
      .update(s.portfolios)
      .set({ ruleParameters: { 'US-REGF-7IN7.days': 40 }, ruleParametersVersion: 2 })
      .where(eq(s.portfolios.id, far.portfolio.id));
    await buildContact(handle.db, far.caseRow, {
      occurredAt: new Date('2026-10-06T15:00:00Z'),
      contactPointId: far.mobile.id,
    });
    const ids = [caseRow.id, sibling.id, far.caseRow.id];
    const batch = await loadFactsForCases(handle.db, ids, NOW);
    const sorted = <T>(list: T[] | undefined) =>
      [...(list ?? [])].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    const normal = (facts: NonNullable<Awaited<ReturnType<typeof loadCaseFacts>>>) => ({
      ...facts,
      contactPoints: sorted(facts.contactPoints),
      base: {
        ...facts.base,
        history: sorted(facts.base.history),
        contactPoints: sorted(facts.base.contactPoints),
      },
    });
    for (const id of ids) {
      const alone = await loadCaseFacts(handle.db, id, NOW);
      const inBatch = batch.get(id);
      expect(inBatch?.ok).toBe(true);
      expect(inBatch?.ok && normal(inBatch.facts)).toEqual(normal(alone!));
    }
    const historyOf = (id: string) => {
      const entry = batch.get(id);
      return entry?.ok ? entry.facts.base.history : [];
    };
    // The old logged call, the old third-party contact and the scheduled visit; the 36-day-old call only where
    // the portfolio's window reaches it.
    expect(historyOf(caseRow.id)).toHaveLength(3);
    expect(historyOf(sibling.id)).toHaveLength(3);
    expect(historyOf(far.caseRow.id)).toHaveLength(1);
  });
});
