import { z } from 'zod';
import {
  ACTION_KINDS,
  APPROVAL_STATUSES,
  BUCKETS,
  CASE_STATUSES,
  COMPLAINT_STATUSES,
  CONTACT_OUTCOMES,
  CONTACT_POINT_KINDS,
  CONTACT_POINT_PROVENANCES,
  DECISION_OUTCOMES,
  DIRECTIONS,
  DISPUTE_SUBJECTS,
  ESCALATION_KINDS,
  LADDER_STAGES,
  MESSAGE_PURPOSES,
  OPT_OUT_CHANNELS,
  PAYMENT_METHODS,
  PLAN_STATUSES,
  PROMISE_STATUSES,
  THIRD_PARTY_RELATIONSHIPS,
} from '../domain/enums.ts';
import { errorMessage } from '../errors/messages.ts';
import { refineMessage } from '../errors/zod-issues.ts';
import { caseWriteInput, expectedVersion } from './case-write.ts';
import { contactRecordedOutput } from './contacts.ts';
import { idempotencyKey } from './idempotency.ts';
import { rowLimit } from './pagination.ts';
import { allocation, caseAmounts, planView } from './payments.ts';
import { cursorToken, id, instant, longText, shortText } from './primitives.ts';

/** Contracts of the case screen: what it shows (masked), the events that change the verdicts, the statement. */

const caseId = id('caseId');
const money = { amountMinor: z.number().int(), currency: z.string() };

export const caseRefInput = z.object({ caseId });

/** The debtor's banners, most serious first; each changes what the compliance engine allows. */
export const BANNER_KINDS = [
  'deceased',
  'bankrupt',
  'attorney',
  'cease',
  'disputed',
  'hold',
  'military',
] as const;
export const banner = z.object({
  kind: z.enum(BANNER_KINDS),
  since: z.string().nullable(),
  until: z.string().nullable(),
  /** The attorney's name, the dispute's or the hold's reason. */
  detail: z.string().nullable(),
});

export const contactPointView = z.object({
  id: z.string().uuid(),
  kind: z.enum(CONTACT_POINT_KINDS),
  label: z.string().nullable(),
  /** Never the value itself: `casework.revealContact` answers that and leaves an audit event. */
  masked: z.string(),
  timeZone: z.string().nullable(),
  verified: z.boolean(),
  consentSms: z.boolean(),
  consentAutodial: z.boolean(),
  consentRevokedAt: z.string().nullable(),
  /** The debtor opted out of this very point. */
  optedOut: z.boolean(),
  /** Channel-wide opt-outs that reach this kind of point. */
  channelOptOuts: z.array(z.enum(OPT_OUT_CHANNELS)),
  employerProhibits: z.boolean(),
  inconvenient: z.boolean(),
  /** Where an email address or number came from (Reg F 1006.6(d)(4)). */
  provenance: z.enum(CONTACT_POINT_PROVENANCES),
  /** Last check against the reassigned-numbers database (phones). */
  reassignedCheckedAt: z.string().nullable(),
  /** A bounce or returned mail: nothing is sent here (POL-UNDELIVERABLE). */
  undeliverableSince: z.string().nullable(),
});

/** How many of each a case holds: the case screen's tab badges. */
function countsOf<const Name extends string>(names: readonly Name[]) {
  return z.object(
    Object.fromEntries(names.map((name) => [name, z.number().int()])) as Record<Name, z.ZodNumber>,
  );
}

export const caseDetail = z.object({
  case: z.object({
    id: z.string().uuid(),
    accountRef: z.string(),
    currency: z.string(),
    originalPrincipalMinor: z.number().int(),
    ...caseAmounts,
    daysPastDue: z.number().int(),
    bucket: z.enum(BUCKETS),
    stage: z.enum(LADDER_STAGES),
    status: z.enum(CASE_STATUSES),
    holdUntil: z.string().nullable(),
    holdReason: z.string().nullable(),
    version: z.number().int(),
    assignedAgent: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
    portfolioName: z.string(),
    creditorName: z.string(),
    placedAt: z.string(),
    dueDate: z.string(),
    limitationsExpiresAt: z.string().nullable(),
    lastContactAt: z.string().nullable(),
  }),
  debtor: z.object({
    id: z.string().uuid(),
    fullName: z.string(),
    language: z.string(),
    /** The year only; the full date is revealed on request. */
    birthYear: z.number().int().nullable(),
    nationalIdMasked: z.string().nullable(),
    jurisdiction: z.object({ country: z.string(), region: z.string().nullable() }),
    timeZone: z.string().nullable(),
  }),
  banners: z.array(banner),
  openDispute: z.object({ id: z.string().uuid(), receivedAt: z.string(), reason: z.string() }).nullable(),
  contactPoints: z.array(contactPointView),
  thirdParties: z.array(
    z.object({
      id: z.string().uuid(),
      name: z.string(),
      relationship: z.enum(THIRD_PARTY_RELATIONSHIPS),
      maskedPhone: z.string().nullable(),
      debtorAgreed: z.boolean(),
    }),
  ),
  openPromises: z.array(
    z.object({ id: z.string().uuid(), ...money, dueDate: z.string(), planId: z.string().uuid().nullable() }),
  ),
  activePlans: z.array(planView.omit({ status: true, createdAt: true })),
  counts: countsOf([
    'contacts',
    'blockedAttempts',
    'payments',
    'promises',
    'notes',
    'openComplaints',
    'pendingCallbacks',
  ]),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const REVEALABLE_FIELDS = ['dateOfBirth'] as const;
/** Exactly one of: a contact point, a third party's phone, or a field of the debtor. */
export const revealContactInput = z
  .object({
    caseId,
    contactPointId: id('contactPointId').optional(),
    thirdPartyId: id('thirdPartyId').optional(),
    field: z.enum(REVEALABLE_FIELDS, { error: 'field must be dateOfBirth' }).optional(),
    idempotencyKey,
  })
  .refine((i) => [i.contactPointId, i.thirdPartyId, i.field].filter((v) => v !== undefined).length === 1, {
    ...refineMessage(errorMessage('reveal.nameExactlyOne')),
    path: ['contactPointId'],
  });
export const revealContactOutput = z.object({ value: z.string().nullable(), revealedAt: z.string() });

export const timelineInput = z.object({
  caseId,
  cursor: cursorToken(400).optional(),
  limit: rowLimit(100),
});

const decisionDetail = z.object({
  outcome: z.enum(DECISION_OUTCOMES),
  actionKind: z.enum(ACTION_KINDS),
  ruleIds: z.array(z.string()),
  reasons: z.array(z.string()),
  overrideReason: z.string().nullable(),
});
export const FLAG_EVENTS = [
  'cease',
  'attorney',
  'bankruptcy',
  'death',
  'opt_out',
  'consent_revoked',
  'hold',
  'verification_sent',
] as const;
const item = <T extends string, D extends z.ZodRawShape>(type: T, detail: D) =>
  z.object({
    type: z.literal(type),
    id: z.string(),
    at: z.string(),
    actorName: z.string().nullable(),
    detail: z.object(detail),
  });
export const timelineItem = z.discriminatedUnion('type', [
  item('contact', {
    kind: z.enum(ACTION_KINDS),
    direction: z.enum(DIRECTIONS),
    outcome: z.enum(CONTACT_OUTCOMES),
    purpose: z.enum(MESSAGE_PURPOSES).nullable(),
    durationSeconds: z.number().int().nullable(),
    contactPoint: z.string().nullable(),
    thirdPartyName: z.string().nullable(),
    notes: z.string().nullable(),
    body: z.string().nullable(),
  }),
  item('decision', decisionDetail.shape),
  item('promise', { ...money, dueDate: z.string(), status: z.enum(PROMISE_STATUSES) }),
  item('payment_plan', {
    totalMinor: z.number().int(),
    currency: z.string(),
    installmentCount: z.number().int(),
    status: z.enum(PLAN_STATUSES),
  }),
  item('payment', {
    ...money,
    method: z.enum(PAYMENT_METHODS),
    ...allocation.shape,
    reversesId: z.string().nullable(),
  }),
  item('dispute', { reason: z.string(), verificationSentAt: z.string().nullable() }),
  item('complaint', {
    channel: z.string(),
    description: z.string(),
    status: z.enum(COMPLAINT_STATUSES),
    resolveBy: z.string(),
    agentName: z.string().nullable(),
  }),
  item('note', { body: z.string() }),
  item('callback', { dueAt: z.string(), note: z.string().nullable(), doneAt: z.string().nullable() }),
  item('escalation_request', { kind: z.enum(ESCALATION_KINDS), reason: z.string() }),
  item('escalation_decision', {
    kind: z.enum(ESCALATION_KINDS),
    status: z.enum(APPROVAL_STATUSES),
    reason: z.string().nullable(),
  }),
  item('flag', {
    event: z.enum(FLAG_EVENTS),
    /** When the fact took effect (received, filed, died) where that differs from when it was recorded. */
    effectiveAt: z.string().nullable(),
    name: z.string().nullable(),
    channel: z.enum(OPT_OUT_CHANNELS).nullable(),
    contactPoint: z.string().nullable(),
    until: z.string().nullable(),
    reason: z.string().nullable(),
  }),
]);
export type TimelineItem = z.infer<typeof timelineItem>;
export const timelineOutput = z.object({ items: z.array(timelineItem), nextCursor: z.string().nullable() });

const pastInstant = (field: string) => instant(field).optional();

/** The shortest reason for a dispute the desk records. */
export const DEBTOR_REASON_MIN = 3;
/** The shortest complaint description; the shortest reason for a hold. */
export const COMPLAINT_DESCRIPTION_MIN = 10;
export const HOLD_REASON_MIN = 10;

export const recordDisputeInput = caseWriteInput({
  reason: longText(2000).min(DEBTOR_REASON_MIN, "Write the debtor's reason"),
  /** A dispute of the debt, or a request for the original creditor's name and address (FDCPA 1692g(b)). */
  subject: z.enum(DISPUTE_SUBJECTS).default('debt'),
  /** When the dispute reached the agency; now when omitted, never in the future. */
  receivedAt: pastInstant('receivedAt'),
});
export const recordVerificationSentInput = z.object({
  disputeId: id('disputeId'),
  sentAt: pastInstant('sentAt'),
  expectedVersion,
  idempotencyKey,
});
export const recordCeaseInput = caseWriteInput({ receivedAt: instant('receivedAt') });
export const recordAttorneyInput = caseWriteInput({
  name: shortText(200).min(2, "Write the attorney's name"),
  contact: longText(500).min(3, 'Write how to reach the attorney'),
});
export const recordBankruptcyInput = caseWriteInput({ filedAt: instant('filedAt') });
export const recordDeathInput = caseWriteInput({ diedAt: pastInstant('diedAt') });
export const recordOptOutInput = caseWriteInput({
  channel: z
    .enum(OPT_OUT_CHANNELS, { error: `channel must be one of ${OPT_OUT_CHANNELS.join(', ')}` })
    .optional(),
  contactPointId: id('contactPointId').optional(),
}).refine((i) => i.channel !== undefined || i.contactPointId !== undefined, {
  ...refineMessage(errorMessage('optOut.nameChannelOrPoint')),
  path: ['channel'],
});
export const revokeConsentInput = caseWriteInput({ contactPointId: id('contactPointId') });
/** An email bounced or a letter came back from this point (COMPLIANCE.md decision 14). */
export const markUndeliverableInput = caseWriteInput({ contactPointId: id('contactPointId') });
export const COMPLAINT_CHANNELS = [
  'phone',
  'email',
  'letter',
  'sms',
  'web',
  'in_person',
  'regulator',
] as const;
export const recordComplaintInput = caseWriteInput({
  /** The agent the complaint names, if it names one. */
  agentId: id('agentId').optional(),
  channel: z.enum(COMPLAINT_CHANNELS, { error: `channel must be one of ${COMPLAINT_CHANNELS.join(', ')}` }),
  description: longText(4000).min(
    COMPLAINT_DESCRIPTION_MIN,
    `Describe the complaint in at least ${COMPLAINT_DESCRIPTION_MIN} characters`,
  ),
  receivedAt: pastInstant('receivedAt'),
});
export const addNoteInput = caseWriteInput({ body: longText(4000).min(1, 'The note is empty') });
export const scheduleCallbackInput = caseWriteInput({
  dueAt: instant('dueAt'),
  note: longText(500).optional(),
});
export const setHoldInput = caseWriteInput({
  /** The hold ends then (in the future); null lifts the hold now. */
  until: instant('until').nullable(),
  reason: longText(2000).min(HOLD_REASON_MIN, `Write a reason of at least ${HOLD_REASON_MIN} characters`),
});
/** The row an event wrote and the case's new version. */
export const caseEventOutput = z.object({ id: z.string(), caseVersion: z.number().int() });
export type CaseEventOutput = z.infer<typeof caseEventOutput>;

const statementPayment = z.object({
  id: z.string(),
  receivedAt: z.string(),
  ...money,
  method: z.enum(PAYMENT_METHODS),
  allocation,
  reversesId: z.string().nullable(),
});
const component = z.object({
  chargedMinor: z.number().int(),
  paidMinor: z.number().int(),
  owedMinor: z.number().int(),
});
/** The statement of the debt (right to know), from the ledger; amounts in minor units of `currency`. */
export const statementOutput = z.object({
  generatedAt: z.string(),
  creditorName: z.string(),
  portfolioName: z.string(),
  accountRef: z.string(),
  debtorName: z.string(),
  currency: z.string(),
  dueDate: z.string(),
  placedAt: z.string(),
  originalPrincipalMinor: z.number().int(),
  principal: component,
  interest: component,
  fees: component,
  payments: z.array(statementPayment),
  totalChargedMinor: z.number().int(),
  totalPaidMinor: z.number().int(),
  balanceMinor: z.number().int(),
  collection: z.object({
    status: z.enum(CASE_STATUSES),
    stage: z.enum(LADDER_STAGES),
    agency: z.object({ name: z.string(), placedAt: z.string() }).nullable(),
  }),
});
export type Statement = z.infer<typeof statementOutput>;

export const sendStatementInput = caseWriteInput({
  channel: z.enum(['letter', 'email'], { error: 'channel must be letter or email' }),
  /** Required for email; a letter without one goes to the home address on file. */
  contactPointId: id('contactPointId').optional(),
});
export const sendStatementOutput = contactRecordedOutput;
