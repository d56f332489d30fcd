import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { auditEvents, complianceDecisions, contactLog } from '../../server/src/db/schema/index.ts';
import { buildTeam, buildUser, buildWorkedCase, key, refusedAttempt } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** A supervisor may waive agency policy (POL-*) on one case for 24 hours; rules of law never. */
const NOW = new Date('2026-11-11T17:00:00Z'); // Wednesday, 12:00 in New York
const HOLD = { case: { holdUntil: new Date('2026-11-30T00:00:00Z'), holdReason: 'settlement pending' } };
const reason = 'Debtor called to pay today; the hold is for an old complaint';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world(options: Parameters<typeof buildWorkedCase>[1] = HOLD, now = NOW) {
  const w = await buildWorkedCase(handle.db, options);
  const agentCaller = callerFor(handle.db, w.agent, { now }).caller;
  const supervisorCaller = callerFor(handle.db, w.supervisor, { now }).caller;
  const call = (caller = agentCaller) =>
    caller.contacts.logCall({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      contactPointId: w.mobile.id,
      kind: 'call',
      outcome: 'no_answer',
    });
  return { ...w, agentCaller, supervisorCaller, call };
}

const decisionsOf = (caseId: string) =>
  handle.db.select().from(complianceDecisions).where(eq(complianceDecisions.caseId, caseId));

describe('an override of agency policy', () => {
  it('lets the blocked call through, recorded as overridden with the reason, and is audited', async () => {
    const { caseRow, supervisor, supervisorCaller, call } = await world();
    const blocked = (await refusedAttempt(handle.db, call())).decision!;
    expect(blocked.ruleIds).toEqual(['POL-HOLD']);

    const grant = await supervisorCaller.compliance.override({
      idempotencyKey: key(),
      caseId: caseRow.id,
      actionKind: 'call',
      ruleIds: ['POL-HOLD'],
      reason,
    });
    expect(grant.expiresAt).toBe('2026-11-12T17:00:00.000Z');
    const [grantRow] = await handle.db
      .select()
      .from(complianceDecisions)
      .where(eq(complianceDecisions.id, grant.decisionId));
    expect(grantRow).toMatchObject({
      outcome: 'overridden',
      actorId: supervisor.id,
      ruleIds: ['POL-HOLD'],
      overrideReason: reason,
      overridesDecisionId: blocked.id,
    });
    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(grant.decisionId)));
    expect(audit).toMatchObject([
      { action: 'compliance.override', actorId: supervisor.id, caseId: caseRow.id },
    ]);

    const passed = await call();
    expect(passed.outcome).toBe('overridden');
    const [used] = await handle.db
      .select()
      .from(complianceDecisions)
      .where(eq(complianceDecisions.id, passed.decisionId!));
    expect(used).toMatchObject({
      outcome: 'overridden',
      allowed: true,
      ruleIds: ['POL-HOLD'],
      overrideReason: reason,
      overridesDecisionId: grant.decisionId,
    });
    const [contact] = await handle.db.select().from(contactLog).where(eq(contactLog.id, passed.contactId));
    expect(contact?.decisionId).toBe(passed.decisionId);
  });

  it('covers only its case and action kind, and lapses after 24 hours', async () => {
    const { caseRow, supervisorCaller, agent, mobile } = await world();
    await supervisorCaller.compliance.override({
      idempotencyKey: key(),
      caseId: caseRow.id,
      actionKind: 'call',
      ruleIds: ['POL-HOLD'],
      reason,
    });
    const text = callerFor(handle.db, agent, { now: NOW }).caller.contacts.sendMessage({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
      channel: 'sms',
      body: 'Call us. Reply STOP to opt out.',
      disclosures: ['mini_miranda_initial', 'opt_out'],
    });
    expect((await refusedAttempt(handle.db, text)).decision?.ruleIds).toEqual(['POL-HOLD']);
    const tomorrow = callerFor(handle.db, agent, { now: new Date('2026-11-12T18:00:00Z') }).caller;
    const late = tomorrow.contacts.logCall({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
      kind: 'call',
      outcome: 'no_answer',
    });
    expect((await refusedAttempt(handle.db, late)).decision?.ruleIds).toEqual(['POL-HOLD']);
  });

  it('never waives a rule of law that blocks the same action', async () => {
    const { caseRow, supervisorCaller, call } = await world({
      ...HOLD,
      debtor: { attorneyName: 'R. Counsel' },
    });
    await supervisorCaller.compliance.override({
      idempotencyKey: key(),
      caseId: caseRow.id,
      actionKind: 'call',
      ruleIds: ['POL-HOLD'],
      reason,
    });
    const { decision } = await refusedAttempt(handle.db, call());
    expect(decision?.ruleIds.sort()).toEqual(['POL-HOLD', 'US-FDCPA-ATTY']);
  });
});

describe('refused overrides', () => {
  it('refuses overriding a rule of law, for anyone, and records nothing', async () => {
    const { caseRow, supervisorCaller } = await world({});
    const attempt = supervisorCaller.compliance.override({
      idempotencyKey: key(),
      caseId: caseRow.id,
      actionKind: 'call',
      ruleIds: ['POL-HOLD', 'US-REGF-TIME'],
      reason,
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/US-REGF-TIME: rules of law cannot be overridden/),
    });
    expect(await decisionsOf(caseRow.id)).toEqual([]);
  });

  it('refuses an agent, a supervisor of another team, a rule that does not apply and a short reason', async () => {
    const { caseRow, agentCaller, supervisorCaller } = await world({});
    const input = {
      caseId: caseRow.id,
      actionKind: 'field_visit' as const,
      ruleIds: ['POL-APPROVAL' as const],
      reason,
      idempotencyKey: key(),
    };
    await expect(agentCaller.compliance.override(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const outsider = await buildUser(handle.db, 'supervisor', {
      supervises: [(await buildTeam(handle.db)).id],
    });
    await expect(
      callerFor(handle.db, outsider, { now: NOW }).caller.compliance.override(input),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      supervisorCaller.compliance.override({ ...input, idempotencyKey: key(), actionKind: 'call' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      supervisorCaller.compliance.override({ ...input, idempotencyKey: key(), reason: 'because' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await decisionsOf(caseRow.id)).toEqual([]);
  });
});
