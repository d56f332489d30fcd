import type { ActionKind } from '@arrears/shared/domain/enums';
import type { ComplianceCheckOutput } from '@arrears/shared/schemas/compliance';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import {
  auditEvents,
  callbacks,
  caseNotes,
  cases,
  complaints,
  debtors,
} from '../../server/src/db/schema/index.ts';
import { buildCase, buildContactPoint, buildWorkedCase, caseAndQueue, key } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Each event changes the verdicts of `compliance.check` at once, is audited and moves the case's version. */
const NOW = new Date('2026-11-11T17:00:00Z'); // Wednesday, 12:00 in New York
const EARLIER = '2026-11-10T15:00:00Z';
const CONTACT_KINDS: ActionKind[] = ['call', 'autodial_call', 'voicemail', 'sms', 'email', 'letter'];

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world() {
  const w = await buildWorkedCase(handle.db);
  const email = await buildContactPoint(handle.db, w.debtor.id, { kind: 'email' });
  const home = await buildContactPoint(handle.db, w.debtor.id, { kind: 'home_address' });
  const agentCaller = callerFor(handle.db, w.agent, { now: NOW }).caller;
  const check = () => agentCaller.compliance.check({ caseId: w.caseRow.id });
  return { ...w, email, home, caller: agentCaller, check };
}

/** The rule ids blocking `kind` (to `pointId` when given) in a preview. */
function blockedBy(check: ComplianceCheckOutput, kind: ActionKind, pointId?: string): string[] {
  const action = check.actions.find(
    (a) => a.kind === kind && (pointId === undefined || a.contactPointId === pointId),
  );
  if (!action) throw new Error(`no ${kind} in the preview`);
  return action.verdict.violations.map((v) => v.ruleId);
}

const version = async (caseId: string) =>
  (await handle.db.select({ v: cases.version }).from(cases).where(eq(cases.id, caseId)))[0]!.v;
const audits = (caseId: string, action: string) =>
  handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.action, action)));

describe('events that stop collection', () => {
  it('recordDispute blocks every contact action with US-FDCPA-DISPUTE; recording verification reopens them', async () => {
    const { caller, caseRow, check, mobile } = await world();
    expect(blockedBy(await check(), 'call', mobile.id)).toEqual([]);
    const dispute = await caller.casework.recordDispute({
      idempotencyKey: key(),
      caseId: caseRow.id,
      reason: 'Never had this card',
    });
    expect(dispute.caseVersion).toBe(caseRow.version + 1);
    const disputed = await check();
    for (const action of disputed.actions.filter((a) => CONTACT_KINDS.includes(a.kind))) {
      expect(action.verdict.violations.map((v) => v.ruleId)).toContain('US-FDCPA-DISPUTE');
    }
    expect(blockedBy(disputed, 'agency_placement')).toContain('US-FDCPA-DISPUTE');
    expect(await audits(caseRow.id, 'casework.dispute')).toHaveLength(1);

    const verified = await caller.casework.recordVerificationSent({
      idempotencyKey: key(),
      disputeId: dispute.id,
      expectedVersion: dispute.caseVersion,
    });
    expect(verified.caseVersion).toBe(dispute.caseVersion + 1);
    expect(blockedBy(await check(), 'sms', mobile.id)).toEqual([]);
  });

  it('recordCease blocks every contact action with US-FDCPA-CEASE on each of the debtor’s debts', async () => {
    const { caller, caseRow, check, debtor, portfolio, team } = await world();
    const secondDebt = await buildCase(handle.db, {
      portfolioId: portfolio.id,
      teamId: team.id,
      debtorId: debtor.id,
    });
    const result = await caller.casework.recordCease({
      idempotencyKey: key(),
      caseId: caseRow.id,
      receivedAt: EARLIER,
    });
    const preview = await check();
    for (const kind of CONTACT_KINDS) expect(blockedBy(preview, kind)).toContain('US-FDCPA-CEASE');
    const [row] = await handle.db.select().from(debtors).where(eq(debtors.id, debtor.id));
    expect(row!.ceaseRequestedAt).toEqual(new Date(EARLIER));
    expect(result.caseVersion).toBe(caseRow.version + 1);
    expect(await version(secondDebt.id)).toBe(secondDebt.version + 1);
    const other = await caller.compliance.check({ caseId: secondDebt.id });
    expect(blockedBy(other, 'letter')).toContain('US-FDCPA-CEASE');
  });

  it("takes a ceased debtor's cases out of the workable queue at once", async () => {
    const { caller, caseRow } = await world();
    const workable = async () => (await caseAndQueue(handle.db, caseRow.id)).nextWorkableAt;
    await caller.casework.addNote({ idempotencyKey: key(), caseId: caseRow.id, body: 'Working it today' });
    expect(await workable()).toEqual(NOW);
    await caller.casework.recordCease({ idempotencyKey: key(), caseId: caseRow.id, receivedAt: EARLIER });
    expect(await workable()).toBeNull();
  });

  it('recordAttorney blocks calling the debtor with US-FDCPA-ATTY and shows the attorney banner', async () => {
    const { caller, caseRow, check, mobile } = await world();
    await caller.casework.recordAttorney({
      idempotencyKey: key(),
      caseId: caseRow.id,
      name: 'R. Counsel',
      contact: 'counsel@law.test',
    });
    expect(blockedBy(await check(), 'call', mobile.id)).toContain('US-FDCPA-ATTY');
    const detail = await caller.casework.get({ caseId: caseRow.id });
    expect(detail.banners).toContainEqual(
      expect.objectContaining({ kind: 'attorney', detail: 'R. Counsel' }),
    );
  });

  it('recordBankruptcy blocks collection with US-BK-STAY', async () => {
    const { caller, caseRow, check } = await world();
    await caller.casework.recordBankruptcy({ idempotencyKey: key(), caseId: caseRow.id, filedAt: EARLIER });
    const preview = await check();
    expect(blockedBy(preview, 'call')).toContain('US-BK-STAY');
    expect(blockedBy(preview, 'legal_filing')).toContain('US-BK-STAY');
  });

  it('recordDeath blocks contacting the debtor with US-REGF-DECEASED', async () => {
    const { caller, caseRow, check } = await world();
    await caller.casework.recordDeath({ idempotencyKey: key(), caseId: caseRow.id });
    expect(blockedBy(await check(), 'sms')).toContain('US-REGF-DECEASED');
  });

  it('setHold (a supervisor) blocks collection with POL-HOLD until lifted', async () => {
    const { supervisor, caseRow, check } = await world();
    const boss = callerFor(handle.db, supervisor, { now: NOW }).caller;
    const held = await boss.casework.setHold({
      idempotencyKey: key(),
      caseId: caseRow.id,
      until: '2026-11-18T17:00:00Z',
      reason: 'Complaint under review',
    });
    expect(blockedBy(await check(), 'call')).toContain('POL-HOLD');
    await boss.casework.setHold({
      idempotencyKey: key(),
      caseId: caseRow.id,
      until: null,
      reason: 'Complaint answered, resume',
      expectedVersion: held.caseVersion,
    });
    expect(blockedBy(await check(), 'call')).toEqual([]);
    expect(await audits(caseRow.id, 'casework.hold')).toHaveLength(2);
  });
});

describe('opt-outs and consent', () => {
  it('recordOptOut by channel blocks texts with US-REGF-MEDIUM and leaves calls open', async () => {
    const { caller, caseRow, check, mobile } = await world();
    await caller.casework.recordOptOut({ idempotencyKey: key(), caseId: caseRow.id, channel: 'sms' });
    const preview = await check();
    expect(blockedBy(preview, 'sms', mobile.id)).toEqual(['US-REGF-MEDIUM']);
    expect(blockedBy(preview, 'call', mobile.id)).toEqual([]);
  });

  it('recordOptOut of one contact point blocks it alone', async () => {
    const { caller, caseRow, check, email, home } = await world();
    await caller.casework.recordOptOut({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: email.id,
    });
    const preview = await check();
    expect(blockedBy(preview, 'email', email.id)).toEqual(['US-REGF-MEDIUM']);
    expect(blockedBy(preview, 'letter', home.id)).toEqual([]);
    const detail = await caller.casework.get({ caseId: caseRow.id });
    expect(detail.contactPoints.find((p) => p.id === email.id)?.optedOut).toBe(true);
  });

  it('revokeConsent blocks texts and dialer calls to that number with US-TCPA-REVOKE, not a manual call', async () => {
    const { caller, caseRow, check, mobile } = await world();
    await caller.casework.revokeConsent({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
    });
    const preview = await check();
    expect(blockedBy(preview, 'sms', mobile.id)).toEqual(['US-TCPA-REVOKE']);
    expect(blockedBy(preview, 'autodial_call', mobile.id)).toEqual(['US-TCPA-REVOKE']);
    expect(blockedBy(preview, 'call', mobile.id)).toEqual([]);
  });
});

describe('events that do not stop collection', () => {
  it('recordComplaint ties the complaint to the case and agent, due in 15 days, without holding the case', async () => {
    const { caller, caseRow, agent, check } = await world();
    const result = await caller.casework.recordComplaint({
      idempotencyKey: key(),
      caseId: caseRow.id,
      agentId: agent.id,
      channel: 'phone',
      description: 'The agent called me at work twice',
    });
    const [row] = await handle.db.select().from(complaints).where(eq(complaints.id, result.id));
    expect(row).toMatchObject({
      caseId: caseRow.id,
      agentId: agent.id,
      status: 'open',
      receivedAt: NOW,
      resolveBy: new Date('2026-11-26T17:00:00Z'),
      recordedBy: agent.id,
    });
    expect(blockedBy(await check(), 'call')).toEqual([]);
    expect(result.caseVersion).toBe(caseRow.version + 1);
  });

  it('addNote and scheduleCallback record a row each, audited, and move the version', async () => {
    const { caller, caseRow, agent } = await world();
    const note = await caller.casework.addNote({
      idempotencyKey: key(),
      caseId: caseRow.id,
      body: '  Debtor asked for a plan  ',
    });
    const callback = await caller.casework.scheduleCallback({
      idempotencyKey: key(),
      caseId: caseRow.id,
      dueAt: '2026-11-12T15:00:00Z',
      note: 'After payday',
      expectedVersion: note.caseVersion,
    });
    const [noteRow] = await handle.db.select().from(caseNotes).where(eq(caseNotes.id, note.id));
    expect(noteRow).toMatchObject({ body: 'Debtor asked for a plan', authorId: agent.id, createdAt: NOW });
    const [callbackRow] = await handle.db.select().from(callbacks).where(eq(callbacks.id, callback.id));
    expect(callbackRow).toMatchObject({ agentId: agent.id, dueAt: new Date('2026-11-12T15:00:00Z') });
    expect(callback.caseVersion).toBe(caseRow.version + 2);
    expect(await audits(caseRow.id, 'casework.note')).toHaveLength(1);
    expect(await audits(caseRow.id, 'casework.callback')).toHaveLength(1);
  });
});
