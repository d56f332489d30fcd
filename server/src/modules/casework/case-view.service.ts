import { channelOf } from '@arrears/shared/compliance/actions';
import type { ActionKind, ContactPointKind, OptOutChannel } from '@arrears/shared/domain/enums';
import { birthYear, maskContactValue, maskPhone } from '@arrears/shared/domain/masking';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { CaseDetail } from '@arrears/shared/schemas/casework';
import type { Executor } from '../../db/client.ts';
import { TARGET_KINDS } from '../compliance/compliance.service.ts';
import { loadCaseView } from './case-view.queries.ts';

type CaseView = Awaited<ReturnType<typeof loadCaseView>>;
const iso = (at: Date | null) => (at === null ? null : at.toISOString());

/** Everything the case screen shows, personal data masked. Managers and admins read it too (scope decides). */
export async function getCaseDetail(
  db: Executor,
  options: { user: SessionUser; caseId: string; now: Date },
): Promise<CaseDetail> {
  const view = await loadCaseView(db, options.user, options.caseId);
  const { caseRow: c, debtor } = view;
  const channelOptOuts = view.optOutRows.filter((o) => o.contactPointId === null && o.channel !== null);
  return {
    case: {
      id: c.id,
      accountRef: c.accountRef,
      currency: c.currency,
      originalPrincipalMinor: c.originalPrincipalMinor,
      principalMinor: c.principalMinor,
      interestMinor: c.interestMinor,
      feesMinor: c.feesMinor,
      paidMinor: c.paidMinor,
      balanceMinor: c.balanceMinor,
      daysPastDue: c.daysPastDue,
      bucket: c.bucket,
      stage: c.stage,
      status: c.status,
      holdUntil: iso(c.holdUntil),
      holdReason: c.holdReason,
      version: c.version,
      assignedAgent:
        c.assignedAgentId === null ? null : { id: c.assignedAgentId, name: view.agentName ?? '' },
      portfolioName: view.portfolioName,
      creditorName: view.creditorName,
      placedAt: c.placedAt.toISOString(),
      dueDate: c.dueDate,
      limitationsExpiresAt: iso(c.limitationsExpiresAt),
      lastContactAt: iso(c.lastContactAt),
    },
    debtor: {
      id: debtor.id,
      fullName: debtor.fullName,
      language: debtor.language,
      birthYear: birthYear(debtor.dateOfBirth),
      nationalIdMasked: debtor.nationalIdMasked,
      jurisdiction: { country: debtor.jurisdictionCountry, region: debtor.jurisdictionRegion },
      timeZone: debtor.explicitTimeZone,
    },
    banners: banners(view, options.now),
    openDispute: openDispute(view),
    contactPoints: view.points.map((point) => ({
      id: point.id,
      kind: point.kind,
      label: point.label,
      masked: maskContactValue(point.kind, point.value),
      timeZone: point.timeZone,
      verified: point.verified,
      consentSms: point.consentSms,
      consentAutodial: point.consentAutodial,
      consentRevokedAt: iso(point.consentRevokedAt),
      optedOut: view.optOutRows.some((o) => o.contactPointId === point.id),
      channelOptOuts: [...new Set(channelOptOuts.map((o) => o.channel!))].filter((channel) =>
        channelReaches(channel, point.kind),
      ),
      employerProhibits: point.employerProhibits,
      inconvenient: point.inconvenient,
      provenance: point.provenance,
      reassignedCheckedAt: iso(point.reassignedCheckedAt),
      undeliverableSince: iso(point.undeliverableSince),
    })),
    thirdParties: view.people.map((p) => ({
      id: p.id,
      name: p.name,
      relationship: p.relationship,
      maskedPhone: p.phone === null ? null : maskPhone(p.phone),
      debtorAgreed: p.debtorAgreed,
    })),
    openPromises: view.openPromises.map((p) => ({
      id: p.id,
      amountMinor: p.amountMinor,
      currency: p.currency,
      dueDate: p.dueDate,
      planId: p.paymentPlanId,
    })),
    activePlans: view.activePlans.map((p) => ({
      id: p.id,
      totalMinor: p.totalMinor,
      currency: p.currency,
      installmentCount: p.installmentCount,
      frequency: p.frequency,
      startDate: p.startDate,
    })),
    counts: {
      contacts: view.counts.contacts,
      blockedAttempts: view.counts.blocked_attempts,
      payments: view.counts.payments,
      promises: view.counts.promises,
      notes: view.counts.notes,
      openComplaints: view.counts.open_complaints,
      pendingCallbacks: view.counts.pending_callbacks,
    },
  };
}

/** Whether an opt-out of `channel` stops some action that can reach a point of `kind`. */
export function channelReaches(channel: OptOutChannel, kind: ContactPointKind): boolean {
  return (Object.entries(TARGET_KINDS) as Array<[ActionKind, readonly ContactPointKind[]]>).some(
    ([action, kinds]) => channelOf(action) === channel && kinds.includes(kind),
  );
}

/** The latest dispute still waiting for verification (the one US-FDCPA-DISPUTE reads). */
function openDispute(view: CaseView): CaseDetail['openDispute'] {
  const dispute = view.openDisputes[0];
  if (!dispute) return null;
  return { id: dispute.id, receivedAt: dispute.receivedAt.toISOString(), reason: dispute.reason };
}

/** The banners that cannot be missed, most serious first (the order of BANNER_KINDS). */
function banners(view: CaseView, now: Date): CaseDetail['banners'] {
  const { debtor, caseRow } = view;
  const list: CaseDetail['banners'] = [];
  const add = (
    kind: CaseDetail['banners'][number]['kind'],
    since: Date | null,
    detail: string | null = null,
  ) => list.push({ kind, since: iso(since), until: null, detail });
  if (debtor.deceasedAt) add('deceased', debtor.deceasedAt);
  if (debtor.bankruptcyFiledAt) add('bankrupt', debtor.bankruptcyFiledAt);
  if (debtor.attorneyName) add('attorney', debtor.attorneySince, debtor.attorneyName);
  if (debtor.ceaseRequestedAt) add('cease', debtor.ceaseRequestedAt);
  const dispute = view.openDisputes[0];
  if (dispute) add('disputed', dispute.receivedAt, dispute.reason);
  if (caseRow.holdUntil && caseRow.holdUntil > now) {
    list.push({
      kind: 'hold',
      since: null,
      until: caseRow.holdUntil.toISOString(),
      detail: caseRow.holdReason,
    });
  }
  if (debtor.military) add('military', null);
  return list;
}
