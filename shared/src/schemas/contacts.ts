import { z } from 'zod';
import { DISCLOSURES, THIRD_PARTY_PURPOSES } from '../compliance/actions.ts';
import { CALL_OUTCOMES, DIRECTIONS, MESSAGE_PURPOSES } from '../domain/enums.ts';
import { caseWriteInput } from './case-write.ts';
import { ruleHit } from './compliance.ts';
import { id, instant, longText } from './primitives.ts';

export { CALL_OUTCOMES };

export const logCallInput = caseWriteInput({
  contactPointId: id('contactPointId'),
  kind: z.enum(['call', 'autodial_call', 'voicemail'], {
    error: 'kind must be call, autodial_call or voicemail',
  }),
  /** Inbound calls are not attempts: they are logged without being judged. */
  direction: z.enum(DIRECTIONS).default('outbound'),
  outcome: z.enum(CALL_OUTCOMES, { error: `outcome must be one of ${CALL_OUTCOMES.join(', ')}` }),
  durationSeconds: z.number().int().min(0).max(86_400).optional(),
  notes: longText(4000).optional(),
  /**
   * When the call happened; defaults to now. A person may log a call after the fact only inside
   * `pastContactWindow` (domain/recording-window.ts, decision record 020): today in the agent's zone, at most
   * PAST_CONTACT_MAX_HOURS back, not before the case's placement, not in the future. The server checks it.
   */
  occurredAt: instant('occurredAt').optional(),
});
export type LogCallInput = z.input<typeof logCallInput>;

export const MESSAGE_CHANNELS = ['sms', 'email', 'letter', 'app_push'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const sendMessageInput = caseWriteInput({
  /** Required for sms, email and app_push; a letter without one goes to the address on file. */
  contactPointId: id('contactPointId').optional(),
  channel: z.enum(MESSAGE_CHANNELS, { error: 'channel must be sms, email, letter or app_push' }),
  purpose: z.enum(MESSAGE_PURPOSES).default('collection'),
  /** With a template, the disclosures it declares are the ones that count. */
  templateId: id('templateId').optional(),
  body: longText(20_000).min(1, 'The message is empty'),
  disclosures: z.array(z.enum(DISCLOSURES)).default([]),
});
export type SendMessageInput = z.input<typeof sendMessageInput>;

export const contactThirdPartyInput = caseWriteInput({
  thirdPartyId: id('thirdPartyId'),
  purpose: z.enum(THIRD_PARTY_PURPOSES, { error: 'purpose must be location or collection' }),
  notes: longText(4000).default(''),
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
