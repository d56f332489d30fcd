import { z } from 'zod';
import { APPROVAL_STATUSES, ESCALATION_KINDS } from '../domain/enums.ts';
import { expectedVersion, guardedActionOutput } from './contacts.ts';
import { idempotencyKey } from './idempotency.ts';

const uuid = (field: string) => z.string().uuid(`${field} must be an id (uuid)`);
const reason = z.string().trim().min(10, 'Write a reason of at least 10 characters').max(2000);

export const escalationRequestInput = z.object({
  caseId: uuid('caseId'),
  kind: z.enum(ESCALATION_KINDS, { error: 'kind must be agency_placement, field_visit or legal_filing' }),
  reason,
  idempotencyKey,
});

export const escalationDecideInput = z.object({
  requestId: uuid('requestId'),
  approve: z.boolean(),
  reason: z.string().trim().min(3, 'Write a reason').max(2000),
  idempotencyKey,
});

export const escalationView = z.object({
  requestId: z.string().uuid(),
  caseId: z.string().uuid(),
  kind: z.enum(ESCALATION_KINDS),
  status: z.enum(APPROVAL_STATUSES),
});
export type EscalationView = z.infer<typeof escalationView>;

export const scheduleFieldVisitInput = z.object({
  caseId: uuid('caseId'),
  addressId: uuid('addressId'),
  /** The visit is judged at this instant (time of day, visits per 30 days), which must be in the future. */
  scheduledFor: z.iso.datetime({ offset: true, error: 'scheduledFor must be an ISO-8601 instant' }),
  /** CN-CBA-VISIT: the audio/video recording reference. */
  recordingRef: z.string().trim().min(1).max(200).optional(),
  expectedVersion,
  idempotencyKey,
});

export const placeWithAgencyInput = z.object({
  caseId: uuid('caseId'),
  agencyId: uuid('agencyId'),
  expectedVersion,
  idempotencyKey,
});

export const fileLegalActionInput = z.object({
  caseId: uuid('caseId'),
  court: z.string().trim().min(2, 'Name the court').max(200),
  claimMinor: z
    .number()
    .int('claimMinor is in minor units (an integer)')
    .positive('claimMinor must be positive'),
  expectedVersion,
  idempotencyKey,
});

export const fieldVisitOutput = guardedActionOutput.extend({ visitId: z.string().uuid() });
export const agencyPlacementOutput = guardedActionOutput.extend({ placementId: z.string().uuid() });
export const legalActionOutput = guardedActionOutput.extend({ legalActionId: z.string().uuid() });
