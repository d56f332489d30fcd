import { z } from 'zod';
import { APPROVAL_STATUSES, ESCALATION_KINDS } from '../domain/enums.ts';
import { caseWriteInput } from './case-write.ts';
import { guardedActionOutput } from './contacts.ts';
import { idempotencyKey } from './idempotency.ts';
import { id, instant, longText, shortText } from './primitives.ts';

/** The shortest reason an escalation request needs. */
export const ESCALATION_REASON_MIN = 10;
const reason = longText(2000).min(
  ESCALATION_REASON_MIN,
  `Write a reason of at least ${ESCALATION_REASON_MIN} characters`,
);

export const escalationRequestInput = z.object({
  caseId: id('caseId'),
  kind: z.enum(ESCALATION_KINDS, { error: 'kind must be agency_placement, field_visit or legal_filing' }),
  reason,
  idempotencyKey,
});

export const escalationDecideInput = z.object({
  requestId: id('requestId'),
  approve: z.boolean(),
  reason: longText(2000).min(3, 'Write a reason'),
  idempotencyKey,
});

export const escalationView = z.object({
  requestId: z.string().uuid(),
  caseId: z.string().uuid(),
  kind: z.enum(ESCALATION_KINDS),
  status: z.enum(APPROVAL_STATUSES),
});
export type EscalationView = z.infer<typeof escalationView>;

export const scheduleFieldVisitInput = caseWriteInput({
  addressId: id('addressId'),
  /** The visit is judged at this instant (time of day, visits per 30 days), which must be in the future. */
  scheduledFor: instant('scheduledFor'),
  /** CN-CBA-VISIT: the audio/video recording reference. */
  recordingRef: shortText(200).min(1).optional(),
});

export const placeWithAgencyInput = caseWriteInput({ agencyId: id('agencyId') });

export const fileLegalActionInput = caseWriteInput({
  court: shortText(200).min(2, 'Name the court'),
  claimMinor: z
    .number()
    .int('claimMinor is in minor units (an integer)')
    .positive('claimMinor must be positive'),
});

export const fieldVisitOutput = guardedActionOutput.extend({ visitId: z.string().uuid() });
export const agencyPlacementOutput = guardedActionOutput.extend({ placementId: z.string().uuid() });
export const legalActionOutput = guardedActionOutput.extend({ legalActionId: z.string().uuid() });
