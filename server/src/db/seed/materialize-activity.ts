import { dateOfDay } from '@arrears/shared/domain/calendar';
import { childId, seedId } from './ids.ts';
import type { LocalStamp } from './local-time.ts';
import { materializeCaseWork } from './materialize-work.ts';
import { AGENCIES } from './reference-data.ts';
import type { RowBatch } from './row-batch.ts';
import type { CaseStory } from './story.ts';

export interface CaseKeys {
  caseId: string;
  debtorId: string;
  at(stamp: LocalStamp): Date;
  maybe(stamp: LocalStamp | null): Date | null;
  user(email: string | null): string | null;
}

/** The case's history as rows: contacts, promises and plans, payments, disputes, complaints, escalations, notes. */
export function materializeActivity(story: CaseStory, n: number, batch: RowBatch, keys: CaseKeys): void {
  const { caseId, debtorId, at, maybe, user } = keys;
  const currency = story.portfolio.currency;
  const caseIds = [caseId];
  for (const c of story.contacts) {
    const occurredAt = at(c.at);
    batch.contactLog.push({
      caseId,
      debtorId,
      caseIds,
      kind: c.kind,
      direction: c.direction,
      contactPointId: c.point === null ? null : childId('contactPoint', n, c.point),
      thirdPartyId: c.thirdParty === null ? null : childId('thirdParty', n, c.thirdParty),
      agentId: user(c.agent),
      outcome: c.outcome,
      durationSeconds: c.durationSeconds,
      purpose: c.purpose,
      disclosures: c.disclosures,
      templateId: null,
      body: null,
      notes: c.notes,
      details: c.details,
      decisionId: null,
      correctsId: null,
      occurredAt,
      // Logged when the call ended or the message left.
      recordedAt: new Date(occurredAt.getTime() + (c.durationSeconds ?? 0) * 1000),
    });
  }
  story.plans.forEach((p, i) => {
    batch.paymentPlans.push({
      id: childId('paymentPlan', n, i),
      caseId,
      totalMinor: p.totalMinor,
      currency,
      installmentCount: p.installmentCount,
      frequency: p.frequency,
      startDate: dateOfDay(p.startDay),
      status: p.status,
      createdBy: user(p.createdBy),
      createdAt: at(p.createdAt),
    });
  });
  story.promises.forEach((p, i) => {
    batch.promises.push({
      id: childId('promise', n, i),
      caseId,
      paymentPlanId: p.plan === null ? null : childId('paymentPlan', n, p.plan),
      amountMinor: p.amountMinor,
      currency,
      dueDate: dateOfDay(p.dueDay),
      status: p.status,
      createdBy: user(p.createdBy),
      resolvedAt: maybe(p.resolvedAt),
      createdAt: at(p.createdAt),
    });
  });
  story.agencyPlacements.forEach((a, i) => {
    batch.agencyPlacements.push({
      id: childId('agencyPlacement', n, i),
      caseId,
      agencyId: seedId('agency', a.agency),
      status: a.status,
      balanceAtPlacementMinor: a.balanceAtPlacementMinor,
      currency,
      commissionBps: AGENCIES[a.agency]?.commissionBps ?? 0,
      placedBy: user(a.placedBy),
      approvedBy: user(a.approvedBy),
      placedAt: at(a.placedAt),
      recalledAt: maybe(a.recalledAt),
      recallReason: a.recallReason,
      createdAt: at(a.placedAt),
    });
  });
  story.payments.forEach((p, i) => {
    const receivedAt = at(p.at);
    batch.payments.push({
      caseId,
      amountMinor: p.amountMinor,
      currency,
      method: p.method,
      idempotencyKey: `seed-${n}-${i}`,
      allocatedFeesMinor: p.fees,
      allocatedInterestMinor: p.interest,
      allocatedPrincipalMinor: p.principal,
      agencyPlacementId: p.viaAgency ? childId('agencyPlacement', n, 0) : null,
      reversesId: null,
      recordedBy: user(p.recordedBy),
      receivedAt,
      recordedAt: receivedAt,
    });
  });
  materializeCaseWork(story, n, batch, keys);
}
