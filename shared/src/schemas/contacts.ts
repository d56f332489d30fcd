import { z } from 'zod';
import { DISCLOSURES } from '../compliance/actions.ts';
import { MESSAGE_PURPOSES } from '../domain/enums.ts';
import { ruleHit } from './compliance.ts';
import { idempotencyKey } from './idempotency.ts';

const uuid = (field: string) => z.string().uuid(`${field} must be an id (uuid)`);
const instant = z.iso.datetime({
  offset: true,
  error: 'expected an ISO-8601 instant such as 2026-03-10T15:00:00Z',
});
/** The case version the agent's screen shows; a different current version answers STALE_VERSION. */
export const expectedVersion = z.number().int().min(1).optional();

/** Outcomes a call can have (COMPLIANCE.md); `sent` and `bounced` belong to messages. */
export const CALL_OUTCOMES = [
  'conversation',
  'wrong_party',
  'third_party',
  'voicemail',
  'no_answer',
  'busy',
  'not_in_service',
  'failed',
] as const;

export const logCallInput = z.object({
  caseId: uuid('caseId'),
  contactPointId: uuid('contactPointId'),
  kind: z.enum(['call', 'autodial_call', 'voicemail'], {
    error: 'kind must be call, autodial_call or voicemail',
  }),
  /** Inbound calls are not attempts: they are logged without being judged. */
  direction: z.enum(['outbound', 'inbound']).default('outbound'),
  outcome: z.enum(CALL_OUTCOMES, { error: `outcome must be one of ${CALL_OUTCOMES.join(', ')}` }),
  durationSeconds: z.number().int().min(0).max(86_400).optional(),
  notes: z.string().trim().max(4000).optional(),
  /** When the call happened; defaults to now and may not be in the future. */
  occurredAt: instant.optional(),
  expectedVersion,
  idempotencyKey,
});
export type LogCallInput = z.input<typeof logCallInput>;

export const MESSAGE_CHANNELS = ['sms', 'email', 'letter', 'app_push'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const sendMessageInput = z.object({
  caseId: uuid('caseId'),
  /** Required for sms, email and app_push; a letter without one goes to the address on file. */
  contactPointId: uuid('contactPointId').optional(),
  channel: z.enum(MESSAGE_CHANNELS, { error: 'channel must be sms, email, letter or app_push' }),
  purpose: z.enum(MESSAGE_PURPOSES).default('collection'),
  /** With a template, the disclosures it declares are the ones that count. */
  templateId: uuid('templateId').optional(),
  body: z.string().trim().min(1, 'The message is empty').max(20_000),
  disclosures: z.array(z.enum(DISCLOSURES)).default([]),
  expectedVersion,
  idempotencyKey,
});
export type SendMessageInput = z.input<typeof sendMessageInput>;

export const contactThirdPartyInput = z.object({
  caseId: uuid('caseId'),
  thirdPartyId: uuid('thirdPartyId'),
  purpose: z.enum(['location', 'collection'], { error: 'purpose must be location or collection' }),
  notes: z.string().trim().max(4000).default(''),
  expectedVersion,
  idempotencyKey,
});
export type ContactThirdPartyInput = z.input<typeof contactThirdPartyInput>;

/** What a guarded action that went through answers: the new record, and the decision if one was kept. */
export const guardedActionOutput = z.object({
  /** `overridden` when a supervisor's override waived agency policy for it. */
  outcome: z.enum(['allowed', 'overridden']),
  decisionId: z.number().int().nullable(),
  warnings: z.array(ruleHit),
  caseVersion: z.number().int(),
});

export const contactRecordedOutput = guardedActionOutput.extend({ contactId: z.number().int() });
export type ContactRecordedOutput = z.infer<typeof contactRecordedOutput>;
