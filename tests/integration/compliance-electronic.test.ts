import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import * as s from '../../server/src/db/schema/index.ts';
import { loadCaseFacts } from '../../server/src/modules/case-core/facts.ts';
import { loadFactsForCases } from '../../server/src/modules/case-core/facts-batch.ts';
import { buildContactPoint, buildWorkedCase, key, refusedAttempt } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/**
 * COMPLIANCE.md decisions 13 and 14 through the one facts loader and the guard: an unclassified reply holds texts to
 * its number until a person's classification (a new row) is dated, a point marked undeliverable refuses email, and
 * the loader maps each fact with its own instant for one case and for a batch alike. New York, EST (UTC−5).
 */
const NOW = new Date('2026-11-11T17:00:00Z'); // Wednesday 12:00 in New York
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);
const SMS = {
  channel: 'sms' as const,
  body: 'This is a debt collector. Reply STOP to opt out.',
  disclosures: ['mini_miranda_initial' as const, 'opt_out' as const],
};

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world() {
  const w = await buildWorkedCase(handle.db);
  const agent = (now = NOW) => callerFor(handle.db, w.agent, { now }).caller;
  const text = (now = NOW) =>
    agent(now).contacts.sendMessage({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      contactPointId: w.mobile.id,
      ...SMS,
    });
  return { ...w, agent, text };
}

describe('an unclassified reply', () => {
  it('holds texts to its number until a person classifies it, from the classification on', async () => {
    const { debtor, mobile, text } = await world();
    const [reply] = await handle.db
      .insert(s.inboundReplies)
      .values({
        debtorId: debtor.id,
        contactPointId: mobile.id,
        body: 'who is this?',
        receivedAt: minutes(NOW, -60),
        classification: 'unclassified',
      })
      .returning();
    const { error } = await refusedAttempt(handle.db, text());
    expect(error.message).toMatch(
      /^POL-REPLY-HOLD: A reply from this number on Nov 11 has not been classified/,
    );

    await handle.db.insert(s.inboundReplies).values({
      debtorId: debtor.id,
      contactPointId: mobile.id,
      body: reply!.body,
      receivedAt: reply!.receivedAt,
      classification: 'help',
      classifiedAt: minutes(NOW, 10),
      classifiesId: reply!.id,
    });
    // Re-judged at 12:05 the hold was still on; from 12:10 it is over.
    await refusedAttempt(handle.db, text(minutes(NOW, 5)));
    expect((await text(minutes(NOW, 10))).outcome).toBe('allowed');
  });

  it('a reply classified as it arrived holds nothing', async () => {
    const { debtor, mobile, text } = await world();
    await handle.db.insert(s.inboundReplies).values({
      debtorId: debtor.id,
      contactPointId: mobile.id,
      body: 'HELP',
      receivedAt: minutes(NOW, -60),
      classification: 'help',
      classifiedAt: minutes(NOW, -60),
    });
    expect((await text()).outcome).toBe('allowed');
  });
});

describe('the facts of an electronic address', () => {
  it('maps provenance, checks and marks with their instants, the same for one case and a batch', async () => {
    const { debtor, caseRow, mobile } = await world();
    const email = await buildContactPoint(handle.db, debtor.id, {
      kind: 'email',
      provenance: 'creditor_used',
      creditorNoticeAt: new Date('2026-10-01T15:00:00Z'),
      undeliverableSince: minutes(NOW, -30),
    });
    await handle.db.insert(s.inboundReplies).values({
      debtorId: debtor.id,
      contactPointId: mobile.id,
      body: 'maybe',
      receivedAt: minutes(NOW, -60),
      classification: 'unclassified',
    });
    const one = (await loadCaseFacts(handle.db, caseRow.id, NOW))!;
    const points = one.base.contactPoints ?? [];
    expect(points.find((p) => p.id === email.id)).toMatchObject({
      provenance: 'creditor_used',
      creditorNoticeAt: '2026-10-01T15:00:00.000Z',
      undeliverableSince: minutes(NOW, -30).toISOString(),
      reassignedCheckedAt: null,
    });
    expect(points.find((p) => p.id === mobile.id)).toMatchObject({
      provenance: 'debtor_given',
      reassignedCheckedAt: '2026-10-15T00:00:00.000Z',
    });
    expect(one.base.replies).toEqual([
      { contactPointId: mobile.id, receivedAt: minutes(NOW, -60).toISOString(), classifiedAt: null },
    ]);
    const batch = (await loadFactsForCases(handle.db, [caseRow.id], NOW)).get(caseRow.id);
    expect(batch?.ok && batch.facts.base).toEqual(one.base);
  });

  it('refuses email to an address the agent marked undeliverable', async () => {
    const { debtor, caseRow, agent } = await world();
    const email = await buildContactPoint(handle.db, debtor.id, { kind: 'email' });
    const detail = await agent().casework.get({ caseId: caseRow.id });
    await agent().casework.markUndeliverable({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: email.id,
      expectedVersion: detail.case.version,
    });
    const after = await agent().casework.get({ caseId: caseRow.id });
    expect(after.contactPoints.find((p) => p.id === email.id)?.undeliverableSince).toBe(NOW.toISOString());
    const { error } = await refusedAttempt(
      handle.db,
      agent().contacts.sendMessage({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: email.id,
        channel: 'email',
        body: 'This is a debt collector. Unsubscribe below.',
        disclosures: ['mini_miranda_initial', 'opt_out'],
      }),
    );
    expect(error.message).toMatch(
      /^POL-UNDELIVERABLE: This email address has been undeliverable since Nov 11/,
    );
  });
});

describe('a request for the original creditor', () => {
  it('pauses collection until the answer is sent, and the answer itself may go out', async () => {
    const { caseRow, debtor, mobile, agent } = await world();
    const home = await buildContactPoint(handle.db, debtor.id, { kind: 'home_address' });
    const call = (now: Date) =>
      agent(now).contacts.logCall({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: mobile.id,
        kind: 'call',
        outcome: 'no_answer',
        occurredAt: now.toISOString(),
      });
    await agent(minutes(NOW, -120)).casework.recordDispute({
      idempotencyKey: key(),
      caseId: caseRow.id,
      subject: 'original_creditor',
      reason: 'Who did I originally owe this to?',
    });
    const { error } = await refusedAttempt(handle.db, call(minutes(NOW, -60)));
    expect(error.message).toMatch(/^US-FDCPA-ORIGCRED: The debtor asked for the original creditor's name/);

    const answer = await agent(minutes(NOW, -30)).contacts.sendMessage({
      idempotencyKey: key(),
      caseId: caseRow.id,
      channel: 'letter',
      contactPointId: home.id,
      purpose: 'original_creditor_answer',
      body: 'From a debt collector: the original creditor was Acme Bank, 1 Main St.',
      disclosures: ['mini_miranda_initial'],
    });
    expect(answer.outcome).toBe('allowed');
    expect((await call(NOW)).outcome).toBe('allowed');
  });
});
