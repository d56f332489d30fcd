import { and, count, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { complianceDecisions, contactLog } from '../../server/src/db/schema/index.ts';
import { buildContact, buildUser, buildWorkedCase, key } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/**
 * Decisions for one debtor are serialized by an advisory lock, so racing attempts can never exceed a cap. On the
 * PostgreSQL server the attempts run on 20+ connections at once; on PGlite they serialize trivially, and the
 * same assertions hold.
 */
const NOW = new Date('2026-11-11T17:00:00Z'); // 12:00 in New York
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 15));

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase({ poolSize: 25 });
});
afterAll(() => handle.close());

const settle = (attempts: Promise<unknown>[]) =>
  Promise.allSettled(attempts).then((results) => ({
    ok: results.filter((r) => r.status === 'fulfilled').length,
    codes: results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as { appCode?: string }).appCode] : [],
    ),
  }));

describe('racing attempts on one debtor', () => {
  it('records exactly 3 of 20 concurrent calls when the weekly cap leaves 3', async () => {
    const { agent, caseRow, mobile } = await buildWorkedCase(handle.db);
    for (const d of [6, 7, 8, 9]) {
      await buildContact(handle.db, caseRow, { occurredAt: day(d), contactPointId: mobile.id });
    }
    const caller = callerFor(handle.db, agent, { now: NOW }).caller;
    const attempts = Array.from({ length: 20 }, () =>
      caller.contacts.logCall({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: mobile.id,
        kind: 'call',
        outcome: 'no_answer',
      }),
    );
    const { ok, codes } = await settle(attempts);
    expect(ok).toBe(3);
    expect(codes).toEqual(Array(17).fill('BLOCKED_BY_RULE'));
    const newRows = await handle.db
      .select({ n: count() })
      .from(contactLog)
      .where(and(eq(contactLog.caseId, caseRow.id), gte(contactLog.occurredAt, NOW)));
    expect(newRows[0]!.n).toBe(3);
    const blocked = await handle.db
      .select({ ruleIds: complianceDecisions.ruleIds })
      .from(complianceDecisions)
      .where(and(eq(complianceDecisions.caseId, caseRow.id), eq(complianceDecisions.outcome, 'blocked')));
    expect(blocked).toHaveLength(17);
    expect(blocked.every((d) => d.ruleIds.includes('US-REGF-7IN7'))).toBe(true);
  });

  it("lets exactly one of two agents take a Massachusetts debtor's last text of the week", async () => {
    // Ten debtors raced at once, so a missing lock shows up as a double send on at least one of them.
    const races = await Promise.all(Array.from({ length: 10 }, () => lastTextRace()));
    const outcomes = await Promise.all(races.map((race) => race()));
    for (const { ok, codes, texts } of outcomes) {
      expect({ ok, codes, texts }).toEqual({ ok: 1, codes: ['BLOCKED_BY_RULE'], texts: 2 });
    }
  });
});

/** One MA debtor with one text this week and two agents of the pool about to send the second. */
async function lastTextRace() {
  const { team, caseRow, mobile } = await buildWorkedCase(handle.db, {
    debtor: { jurisdictionRegion: 'MA' },
    case: { assignedAgentId: null },
  });
  await buildContact(handle.db, caseRow, {
    occurredAt: day(9),
    contactPointId: mobile.id,
    kind: 'sms',
    outcome: 'sent',
  });
  const agents = [
    await buildUser(handle.db, 'agent', { teamId: team.id }),
    await buildUser(handle.db, 'agent', { teamId: team.id }),
  ];
  return async () => {
    const { ok, codes } = await settle(
      agents.map((agent) =>
        callerFor(handle.db, agent, { now: NOW }).caller.contacts.sendMessage({
          idempotencyKey: key(),
          caseId: caseRow.id,
          contactPointId: mobile.id,
          channel: 'sms',
          body: 'Please call us about your account. Reply STOP to opt out.',
          disclosures: ['mini_miranda_initial', 'opt_out'],
        }),
      ),
    );
    const [texts] = await handle.db
      .select({ n: count() })
      .from(contactLog)
      .where(and(eq(contactLog.caseId, caseRow.id), eq(contactLog.kind, 'sms')));
    return { ok, codes, texts: texts!.n };
  };
}
