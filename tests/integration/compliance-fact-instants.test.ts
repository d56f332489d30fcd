import { evaluate } from '@arrears/shared/compliance/engine';
import type { ComplianceFacts } from '@arrears/shared/compliance/facts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { buildWorkedCase, key, refusedAttempt } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/**
 * COMPLIANCE.md decision 11: a fact counts from its own instant. A call logged late is judged at its instant, and
 * a fact recorded since with an earlier date (a dispute, a death) counts from that date; a verification sent or a
 * hold set after the call does not reach back to it. The supervisor's audit re-evaluates the facts kept with the
 * decision and gets the same verdict. Debtor and agent are in New York (EST, UTC−5).
 */
const NOW = new Date('2026-11-11T17:00:00Z'); // Wednesday 12:00 in New York
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world() {
  const w = await buildWorkedCase(handle.db);
  const agent = (now = NOW) => callerFor(handle.db, w.agent, { now }).caller;
  const logCall = (occurredAt: Date) =>
    agent().contacts.logCall({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      contactPointId: w.mobile.id,
      kind: 'call',
      outcome: 'no_answer',
      occurredAt: occurredAt.toISOString(),
    });
  return { ...w, agent, logCall };
}

describe('a past call judged against facts recorded later', () => {
  it('counts a backdated dispute from its date: not for the call before it, for the one after it', async () => {
    const { caseRow, agent, logCall } = await world();
    // Recorded at noon, received at 10:00.
    await agent().casework.recordDispute({
      idempotencyKey: key(),
      caseId: caseRow.id,
      reason: 'Not my debt',
      receivedAt: minutes(NOW, -120).toISOString(),
    });
    expect((await logCall(minutes(NOW, -180))).outcome).toBe('allowed');
    const { error } = await refusedAttempt(handle.db, logCall(minutes(NOW, -90)));
    expect(error.message).toMatch(/^US-FDCPA-DISPUTE: /);
  });

  it('keeps a dispute open for a call made before its verification was sent, though it is verified now', async () => {
    const { caseRow, supervisor, agent, logCall } = await world();
    const dispute = await agent().casework.recordDispute({
      idempotencyKey: key(),
      caseId: caseRow.id,
      reason: 'Amount is wrong',
      receivedAt: minutes(NOW, -240).toISOString(),
    });
    await agent().casework.recordVerificationSent({
      idempotencyKey: key(),
      disputeId: dispute.id,
      sentAt: minutes(NOW, -60).toISOString(),
    });
    // 10:00: the dispute was still open. 11:30: the verification had gone out at 11:00.
    const { error, decision } = await refusedAttempt(handle.db, logCall(minutes(NOW, -120)));
    expect(error.message).toMatch(/^US-FDCPA-DISPUTE: /);
    expect((await logCall(minutes(NOW, -30))).outcome).toBe('allowed');

    // The audit shows the facts the engine saw, dated, and re-evaluating them gives the same verdict.
    const detail = await callerFor(handle.db, supervisor, { now: NOW }).caller.oversight.decision({
      id: decision!.id,
    });
    const facts = detail.facts as ComplianceFacts;
    expect(facts.now).toBe(minutes(NOW, -120).toISOString());
    expect(facts.debt.dispute).toEqual({
      receivedAt: minutes(NOW, -240).toISOString(),
      verificationSentAt: minutes(NOW, -60).toISOString(),
    });
    expect(evaluate(facts).violations.map((v) => v.ruleId)).toEqual(detail.ruleIds);
  });

  it('applies a hold from the instant a supervisor set it, not to a call made before', async () => {
    const { caseRow, supervisor, logCall } = await world();
    // The supervisor holds the case at 11:00 until tomorrow; the agent then logs the 10:00 and 11:30 calls.
    await callerFor(handle.db, supervisor, { now: minutes(NOW, -60) }).caller.casework.setHold({
      idempotencyKey: key(),
      caseId: caseRow.id,
      until: minutes(NOW, 24 * 60).toISOString(),
      reason: 'Complaint under review by the team',
    });
    expect((await logCall(minutes(NOW, -120))).outcome).toBe('allowed');
    const { error } = await refusedAttempt(handle.db, logCall(minutes(NOW, -30)));
    expect(error.message).toMatch(/^POL-HOLD: /);
  });

  it('counts a death from its date, recorded after the calls', async () => {
    const { caseRow, agent, logCall } = await world();
    await agent().casework.recordDeath({
      idempotencyKey: key(),
      caseId: caseRow.id,
      diedAt: minutes(NOW, -60).toISOString(),
    });
    expect((await logCall(minutes(NOW, -120))).outcome).toBe('allowed');
    const { error } = await refusedAttempt(handle.db, logCall(minutes(NOW, -30)));
    expect(error.message).toMatch(/^US-REGF-DECEASED: /);
  });
});
