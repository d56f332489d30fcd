import { z } from 'zod';
import { CONTACT_POINT_PROVENANCES, DIRECTIONS } from '../domain/enums.ts';
import {
  ACTION_KINDS,
  CONTACT_POINT_KINDS,
  DISCLOSURES,
  MESSAGE_PURPOSES,
  OPT_OUT_CHANNELS,
  OUTCOMES,
  RELATIONSHIPS,
  THIRD_PARTY_PURPOSES,
} from './actions.ts';
import { US_STATE_ZONES } from './jurisdiction-zones.ts';
import { RULE_IDS } from './pack-data.ts';
import { isValidTimeZone } from './time.ts';

export type {
  ActionKind,
  ContactPointKind,
  Disclosure,
  MessagePurpose,
  Outcome,
  Relationship,
} from './actions.ts';

/**
 * The facts one evaluation sees, as plain JSON (compliance/SCENARIOS.md). Objects are strict: an unknown key
 * is an error, because a typo such as `ceaseRequestAt` must not silently weaken a rule. Optional fields that
 * are omitted mean "none / false". Instants are ISO-8601 strings; the engine parses them itself.
 */
const instant = z.iso.datetime({
  offset: true,
  error: 'expected an ISO-8601 instant such as 2026-03-10T15:00:00Z',
});
const optionalInstant = instant.nullable().optional();
const clockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected a local clock time HH:MM');
const timeZone = z
  .string()
  .refine(isValidTimeZone, { error: (issue) => `unknown IANA time zone ${issue.input}` });

/** A daily local window, half-open; `to` earlier than `from` wraps past midnight. */
const timeWindow = z
  .strictObject({ from: clockTime, to: clockTime })
  .refine((w) => w.from !== w.to, { error: 'from and to must differ', path: ['to'] });

const jurisdiction = z
  .strictObject({
    country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 country code'),
    region: z.string().nullish(),
  })
  .refine((j) => j.country !== 'US' || !j.region || j.region in US_STATE_ZONES, {
    error: 'unknown US state code',
    path: ['region'],
  });

const optOut = z
  .strictObject({
    channel: z.enum(OPT_OUT_CHANNELS).optional(),
    contactPointId: z.string().optional(),
    at: instant,
  })
  .refine((o) => o.channel !== undefined || o.contactPointId !== undefined, {
    error: 'an opt-out names a channel, a contactPointId, or both',
  });

const debtor = z
  .strictObject({
    jurisdiction,
    timeZones: z.array(timeZone).optional(),
    deceased: z.boolean().optional(),
    deceasedAt: optionalInstant,
    bankruptcyFiledAt: optionalInstant,
    attorney: z.strictObject({ name: z.string().min(1), since: optionalInstant }).nullish(),
    ceaseRequestedAt: optionalInstant,
    inconvenientTimes: z.array(timeWindow).optional(),
    consentedTimes: z.array(timeWindow).optional(),
    optOuts: z.array(optOut).optional(),
    /** The debtor's E-SIGN consent to electronic delivery of the validation notice (1006.42). */
    esignConsentAt: optionalInstant,
  })
  .refine((d) => d.deceasedAt == null || d.deceased === true, {
    error: 'deceasedAt needs deceased: true',
    path: ['deceasedAt'],
  });

const debt = z
  .strictObject({
    id: z.string().min(1),
    status: z.enum(['active', 'closed']),
    holdFrom: optionalInstant,
    holdUntil: optionalInstant,
    initialCommunicationAt: optionalInstant,
    validationNoticeSentAt: optionalInstant,
    /** The last day of the validation period of the mailed notice, on the consumer's calendar (Reg F 1006.34(b)(5)). */
    validationPeriodEndsOn: z.iso.date().nullish(),
    dispute: z.strictObject({ receivedAt: instant, verificationSentAt: optionalInstant }).nullish(),
    /** A request for the original creditor's name and address, open until the answer is sent (1692g(b)). */
    originalCreditorRequest: z.strictObject({ receivedAt: instant, answeredAt: optionalInstant }).nullish(),
    limitationsExpiresAt: optionalInstant,
    approvals: z.array(z.enum(ACTION_KINDS)).optional(),
    /** What is owed now, in minor units of its currency (POL-PLACE-MIN). */
    balance: z
      .strictObject({ amountMinor: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/) })
      .nullish(),
  })
  .refine((d) => d.holdFrom == null || d.holdUntil != null, {
    error: 'holdFrom needs holdUntil (a hold ends)',
    path: ['holdFrom'],
  });

const contactPoint = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(CONTACT_POINT_KINDS),
  timeZone: timeZone.nullish(),
  consent: z.strictObject({ autodial: z.boolean().optional(), sms: z.boolean().optional() }).nullish(),
  consentRevokedAt: optionalInstant,
  employerProhibits: z.boolean().optional(),
  inconvenient: z.boolean().optional(),
  /** Where an email address or number came from (1006.6(d)(4)); omitted = not known. */
  provenance: z.enum(CONTACT_POINT_PROVENANCES).nullish(),
  /** creditor_used: when the creditor sent its notice with the opt-out period. */
  creditorNoticeAt: optionalInstant,
  /** When the number was last checked against the reassigned-numbers database (1006.6(d)(5)). */
  reassignedCheckedAt: optionalInstant,
  /** A bounce or returned mail: nothing sent here since reached the debtor. */
  undeliverableSince: optionalInstant,
});

const historyEvent = z.strictObject({
  at: instant,
  kind: z.enum(ACTION_KINDS),
  direction: z.enum(DIRECTIONS),
  contactPointId: z.string().nullish(),
  debtIds: z.array(z.string()),
  outcome: z.enum(OUTCOMES).nullish(),
  thirdPartyId: z.string().nullish(),
  /** A message's purpose; a transactional one counts toward no frequency rule (COMPLIANCE.md decision 12). */
  purpose: z.enum(MESSAGE_PURPOSES).nullish(),
});

/** An inbound reply to a number; one not classified when it arrived holds SMS there until it is (decision 13). */
const reply = z.strictObject({
  contactPointId: z.string().min(1),
  receivedAt: instant,
  classifiedAt: optionalInstant,
});

const thirdParty = z.strictObject({
  id: z.string().min(1),
  relationship: z.enum(RELATIONSHIPS),
  purpose: z.enum(THIRD_PARTY_PURPOSES),
  debtorAgreed: z.boolean().optional(),
  debtorUnreachable: z.boolean().optional(),
});

const message = z.strictObject({
  initial: z.boolean().optional(),
  purpose: z.enum(MESSAGE_PURPOSES).optional(),
  disclosures: z.array(z.enum(DISCLOSURES)).optional(),
});

const action = z.strictObject({
  kind: z.enum(ACTION_KINDS),
  contactPointId: z.string().nullish(),
  thirdParty: thirdParty.nullish(),
  message: message.nullish(),
  recordingRef: z.string().nullish(),
});

/** Actions that go to one of the debtor's contact points and cannot be judged without knowing which. */
const NEEDS_CONTACT_POINT = new Set([
  'call',
  'autodial_call',
  'voicemail',
  'sms',
  'email',
  'app_push',
  'field_visit',
]);

const factsShape = {
  now: instant,
  debtor,
  debt,
  contactPoints: z.array(contactPoint).optional(),
  history: z.array(historyEvent).optional(),
  replies: z.array(reply).optional(),
  action,
};

type FactsShape = z.infer<z.ZodObject<typeof factsShape>>;

/** References between the parts of the facts that a per-field schema cannot see. */
function checkReferences(facts: FactsShape, ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  for (const [index, point] of (facts.contactPoints ?? []).entries()) {
    if (ids.has(point.id))
      ctx.addIssue({ code: 'custom', path: ['contactPoints', index, 'id'], message: 'duplicate id' });
    ids.add(point.id);
  }
  const { kind, contactPointId, thirdParty } = facts.action;
  if (contactPointId != null && !ids.has(contactPointId)) {
    const message = `no contact point with id "${contactPointId}"`;
    ctx.addIssue({ code: 'custom', path: ['action', 'contactPointId'], message });
  }
  if (contactPointId == null && NEEDS_CONTACT_POINT.has(kind)) {
    const message = `a ${kind} needs a contactPointId`;
    ctx.addIssue({ code: 'custom', path: ['action', 'contactPointId'], message });
  }
  if (kind === 'third_party_contact' && thirdParty == null) {
    ctx.addIssue({
      code: 'custom',
      path: ['action', 'thirdParty'],
      message: 'a third_party_contact needs a thirdParty',
    });
  }
}

export const complianceFactsSchema = z.strictObject(factsShape).superRefine(checkReferences);

const ruleId = z.enum(RULE_IDS, { error: (issue) => `unknown rule id ${JSON.stringify(issue.input)}` });

export const scenarioExpectationSchema = z
  .strictObject({
    allowed: z.boolean(),
    violations: z.array(ruleId),
    warnings: z.array(ruleId).optional(),
    nextAllowedAt: instant.nullable().optional(),
  })
  .refine((e) => e.allowed === (e.violations.length === 0), {
    error: 'allowed must be true exactly when violations is empty',
    path: ['allowed'],
  });

export const scenarioSchema = z
  .strictObject({
    id: z.string().min(1),
    description: z.string().optional(),
    ...factsShape,
    expect: scenarioExpectationSchema,
  })
  .superRefine(checkReferences);

export type ComplianceFacts = z.infer<typeof complianceFactsSchema>;
export type DebtorFacts = ComplianceFacts['debtor'];
export type DebtFacts = ComplianceFacts['debt'];
export type ContactPointFacts = z.infer<typeof contactPoint>;
export type HistoryEvent = z.infer<typeof historyEvent>;
export type ProposedAction = ComplianceFacts['action'];
export type ThirdPartyFacts = z.infer<typeof thirdParty>;
export type MessageFacts = z.infer<typeof message>;
export type TimeWindow = z.infer<typeof timeWindow>;
export type OptOut = z.infer<typeof optOut>;
export type ReplyFacts = z.infer<typeof reply>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioExpectation = z.infer<typeof scenarioExpectationSchema>;
