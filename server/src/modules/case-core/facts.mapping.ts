import type {
  ContactPointFacts,
  DebtFacts,
  DebtorFacts,
  HistoryEvent,
  OptOut,
} from '@arrears/shared/compliance/facts';
import { isValidTimeZone, knownZones } from '@arrears/shared/domain/calendar';
import type { EscalationKind } from '@arrears/shared/domain/enums';
import type { cases, contactLog, contactPoints, debtors, disputes, optOuts } from '../../db/schema/index.ts';

/** Rows to the plain facts of compliance/SCENARIOS.md. Pure: the statement lives in facts-at-once.ts. */
export type CaseRow = typeof cases.$inferSelect;
export type DebtorRow = typeof debtors.$inferSelect;
export type ContactPointRow = typeof contactPoints.$inferSelect;
export type OptOutRow = typeof optOuts.$inferSelect;
export type DisputeRow = typeof disputes.$inferSelect;
/** A contact_log row, or a scheduled field visit read as the contact it will be (outcome still unknown). */
export type ContactLogRow = Pick<
  typeof contactLog.$inferSelect,
  'occurredAt' | 'kind' | 'direction' | 'contactPointId' | 'caseIds' | 'thirdPartyId' | 'purpose'
> & { outcome: (typeof contactLog.$inferSelect)['outcome'] | null };

const iso = (at: Date | null): string | null => (at === null ? null : at.toISOString());

/**
 * docs/compliance/CATALOG.md, principle 1: the zone the debtor named first (it decides the calendar), then every contact point's zone.
 * A zone the tz database does not know is dropped rather than crash the guard; with none left the engine
 * uses the jurisdiction's zones.
 */
export function candidateZonesOf(debtor: DebtorRow, points: readonly ContactPointRow[]): string[] {
  return knownZones([debtor.explicitTimeZone, ...points.map((p) => p.timeZone)]);
}

export function debtorFacts(
  debtor: DebtorRow,
  points: readonly ContactPointRow[],
  optOutRows: readonly OptOutRow[],
): DebtorFacts {
  return {
    jurisdiction: { country: debtor.jurisdictionCountry, region: debtor.jurisdictionRegion },
    timeZones: candidateZonesOf(debtor, points),
    deceased: debtor.deceasedAt !== null,
    deceasedAt: iso(debtor.deceasedAt),
    bankruptcyFiledAt: iso(debtor.bankruptcyFiledAt),
    attorney:
      debtor.attorneyName === null ? null : { name: debtor.attorneyName, since: iso(debtor.attorneySince) },
    ceaseRequestedAt: iso(debtor.ceaseRequestedAt),
    inconvenientTimes: debtor.inconvenientTimes,
    consentedTimes: debtor.consentedTimes,
    esignConsentAt: iso(debtor.esignConsentAt),
    optOuts: optOutRows.map((row): OptOut => {
      const optOut: OptOut = { at: row.at.toISOString() };
      if (row.channel !== null) optOut.channel = row.channel;
      if (row.contactPointId !== null) optOut.contactPointId = row.contactPointId;
      return optOut;
    }),
  };
}

/**
 * The debt is the case. Only a dispute still waiting for verification matters to US-FDCPA-DISPUTE, so the
 * latest open one is passed, and likewise the latest unanswered request for the original creditor
 * (US-FDCPA-ORIGCRED); approvals are the kinds of the case's approved escalation requests.
 */
export function debtFacts(
  row: CaseRow,
  disputeRows: readonly DisputeRow[],
  approvedKinds: readonly EscalationKind[],
): DebtFacts {
  const open = latestOpen(disputeRows, 'debt');
  const request = latestOpen(disputeRows, 'original_creditor');
  return {
    id: row.id,
    status: row.status === 'active' ? 'active' : 'closed',
    holdFrom: row.holdUntil === null ? null : iso(row.holdFrom),
    holdUntil: iso(row.holdUntil),
    initialCommunicationAt: iso(row.initialCommunicationAt),
    validationNoticeSentAt: iso(row.validationNoticeSentAt),
    validationPeriodEndsOn: row.validationPeriodEndsOn,
    dispute:
      open === undefined ? null : { receivedAt: open.receivedAt.toISOString(), verificationSentAt: null },
    originalCreditorRequest:
      request === undefined ? null : { receivedAt: request.receivedAt.toISOString(), answeredAt: null },
    limitationsExpiresAt: iso(row.limitationsExpiresAt),
    approvals: [...new Set(approvedKinds)],
    balance: { amountMinor: row.balanceMinor, currency: row.currency },
  };
}

function latestOpen(rows: readonly DisputeRow[], subject: DisputeRow['subject']): DisputeRow | undefined {
  let latest: DisputeRow | undefined;
  for (const row of rows) {
    if (row.subject !== subject || row.verificationSentAt !== null) continue;
    if (latest === undefined || row.receivedAt > latest.receivedAt) latest = row;
  }
  return latest;
}

export function contactPointFacts(point: ContactPointRow): ContactPointFacts {
  return {
    id: point.id,
    kind: point.kind,
    timeZone: point.timeZone !== null && isValidTimeZone(point.timeZone) ? point.timeZone : null,
    consent: { autodial: point.consentAutodial, sms: point.consentSms },
    consentRevokedAt: iso(point.consentRevokedAt),
    employerProhibits: point.employerProhibits,
    inconvenient: point.inconvenient,
    provenance: point.provenance,
    creditorNoticeAt: iso(point.creditorNoticeAt),
    reassignedCheckedAt: iso(point.reassignedCheckedAt),
    undeliverableSince: iso(point.undeliverableSince),
  };
}

export function historyEvent(row: ContactLogRow): HistoryEvent {
  return {
    at: row.occurredAt.toISOString(),
    kind: row.kind,
    direction: row.direction,
    contactPointId: row.contactPointId,
    debtIds: row.caseIds,
    outcome: row.outcome,
    thirdPartyId: row.thirdPartyId,
    purpose: row.purpose,
  };
}

/** A contact point as the screen may show it without revealing it: its label, or the value masked. */
export function maskedLabel(point: ContactPointRow): string {
  if (point.label) return point.label;
  const value = point.value;
  if (point.kind === 'email') {
    const [name = '', domain = ''] = value.split('@');
    return `${name.slice(0, 1)}•••@${domain}`;
  }
  // The kind is named beside the label ("App •••ef12"): the label does not repeat it.
  return `•••${value.replace(/\s/g, '').slice(-4)}`;
}
