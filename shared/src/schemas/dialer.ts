import { z } from 'zod';
import { RULE_IDS } from '../compliance/pack-data.ts';
import { CALL_OUTCOMES } from '../domain/enums.ts';
import { apiError } from './api-error.ts';
import { id, instant } from './primitives.ts';

/**
 * The dialer's door (`/api/dialer/v1`, decision record 045): the contracts of its routes. The OpenAPI document is
 * generated from these schemas, so what the handlers check and what the document says cannot drift apart.
 */

/** How long an allowed pre-dial check holds its dial for the dialer. */
export const RESERVATION_SECONDS = 60;
/** A request body of this API is a few hundred bytes; anything past this is refused before it is read. */
export const DIALER_BODY_LIMIT = 16 * 1024;

/** `manual`: an agent's softphone dials; `autodial`: the dialer places the call (TCPA consent applies). */
export const DIAL_MODES = ['manual', 'autodial'] as const;

export const dialCheckInput = z.strictObject({
  caseId: id('caseId'),
  contactPointId: id('contactPointId'),
  mode: z.enum(DIAL_MODES),
});

/** A rule's reason in every form a dialer may want: its code and parameters, and the text in both languages. */
export const dialReason = z.strictObject({
  ruleId: z.enum(RULE_IDS),
  source: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.unknown()),
  text: z.strictObject({ en: z.string(), zh: z.string() }),
});

export const dialCheckOutput = z.discriminatedUnion('allowed', [
  z.strictObject({
    allowed: z.literal(true),
    reservationId: z.uuid(),
    /** Dial before this instant; the result consumes the reservation. */
    expiresAt: z.iso.datetime({ offset: true }),
    warnings: z.array(dialReason),
  }),
  z.strictObject({
    allowed: z.literal(false),
    violations: z.array(dialReason).min(1),
    warnings: z.array(dialReason),
    /** When the same dial would be allowed, if only time-of-day or frequency rules refused it. */
    nextAllowedAt: z.iso.datetime({ offset: true }).nullable(),
    decisionId: z.number().int(),
  }),
]);
export type DialCheckOutput = z.infer<typeof dialCheckOutput>;

/** The dialer's own call id: its key for a replay, printable ASCII without spaces. */
const callId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:@-]+$/, 'callId must be 1–128 letters, digits or . _ : @ -');

export const dialResultInput = z.strictObject({
  callId,
  caseId: id('caseId'),
  contactPointId: id('contactPointId'),
  mode: z.enum(DIAL_MODES),
  /** The reservation the pre-dial check gave; without one the dial is judged at `startedAt` as it stood then. */
  reservationId: id('reservationId').optional(),
  outcome: z.enum(CALL_OUTCOMES),
  startedAt: instant('startedAt'),
  endedAt: instant('endedAt').optional(),
  durationSeconds: z.number().int().min(0).max(86_400).optional(),
});
export type DialResultInput = z.output<typeof dialResultInput>;

export const dialResultOutput = z.strictObject({
  resultId: z.number().int(),
  contactId: z.number().int(),
  /** `consumed`: the dial was made under its live reservation; `none`: without one, judged at its start. */
  reservation: z.enum(['consumed', 'none']),
  /** The rules the dial broke at its start (a dial without a live reservation); empty when none. */
  violations: z.array(dialReason),
  decisionId: z.number().int().nullable(),
  /** The supervisor's alert raised for a dial that broke a rule. */
  alertId: z.number().int().nullable(),
});
export type DialResultOutput = z.infer<typeof dialResultOutput>;

/** The error contract every refusal of this API answers in: the dashboard's own (api-error.ts), JSON-RPC's code beside. */
export const dialerError = z.object({ error: apiError.extend({ code: z.number().int() }) });
