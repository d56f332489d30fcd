/**
 * The vocabulary of the collection floor. These tuples are the single source for the database enums,
 * the zod contracts and the dashboard's labels, so a new value is added in one place.
 */
export const ROLES = ['agent', 'supervisor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Lifecycle status of a case. Everything but `active` is closed for POL-CLOSED. */
export const CASE_STATUSES = ['active', 'paid', 'settled', 'returned', 'uncollectible'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = ['paid', 'settled', 'returned', 'uncollectible'];

/** The rung of the collection ladder (DESIGN.md) a case is on. */
export const LADDER_STAGES = ['reminder', 'agent', 'agency', 'field', 'legal'] as const;
export type LadderStage = (typeof LADDER_STAGES)[number];

/** Delinquency buckets by days past due; `current` means not yet past due. */
export const BUCKETS = [
  'current',
  'dpd_1_30',
  'dpd_31_60',
  'dpd_61_90',
  'dpd_91_120',
  'dpd_121_180',
  'dpd_181_plus',
] as const;
export type Bucket = (typeof BUCKETS)[number];

export const CONTACT_POINT_KINDS = [
  'mobile',
  'landline',
  'work_phone',
  'email',
  'home_address',
  'work_address',
  'app',
] as const;
export type ContactPointKind = (typeof CONTACT_POINT_KINDS)[number];

/** Action kinds of COMPLIANCE.md: everything the compliance guard evaluates. */
export const ACTION_KINDS = [
  'call',
  'autodial_call',
  'voicemail',
  'sms',
  'email',
  'letter',
  'app_push',
  'field_visit',
  'third_party_contact',
  'agency_placement',
  'legal_filing',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

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
/** Outcomes of past calls and messages, as COMPLIANCE.md names them. */
export const CONTACT_OUTCOMES = [...CALL_OUTCOMES, 'sent', 'bounced'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/**
 * Delivery states of an outbound message (modules/channels): queued → sent → delivered, or failed (retried),
 * bounced (a hard bounce: the address is undeliverable), undeliverable (refused for good), refused (by the guard).
 */
export const MESSAGE_STATES = [
  'queued',
  'sent',
  'delivered',
  'failed',
  'bounced',
  'undeliverable',
  'refused',
] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export const DIRECTIONS = ['outbound', 'inbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Channels an opt-out can name (`phone` covers call, autodial_call and voicemail). */
export const OPT_OUT_CHANNELS = ['phone', 'sms', 'email', 'letter', 'app_push', 'field_visit'] as const;
export type OptOutChannel = (typeof OPT_OUT_CHANNELS)[number];

/**
 * Where an email address or phone number came from (Regulation F 1006.6(d)(4)): the debtor used it to communicate
 * with the agency, gave it directly, the creditor used it (allowed after its notice-and-opt-out period), or it is
 * known to be the debtor's employer's (never used for email or texts).
 */
export const CONTACT_POINT_PROVENANCES = [
  'debtor_used',
  'debtor_given',
  'creditor_used',
  'employer',
] as const;
export type ContactPointProvenance = (typeof CONTACT_POINT_PROVENANCES)[number];

/** What an inbound reply means (COMPLIANCE.md decision 13): stop, help, or not recognized (held for a person). */
export const REPLY_CLASSES = ['stop', 'help', 'unclassified'] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];

/** What a debtor's written challenge asks: that the debt be verified, or the original creditor's name and address. */
export const DISPUTE_SUBJECTS = ['debt', 'original_creditor'] as const;
export type DisputeSubject = (typeof DISPUTE_SUBJECTS)[number];

/**
 * What a message is for. `transactional` (a sign-in code, a HELP answer, a payment receipt) and
 * `opt_out_confirmation` (the one confirmation of a STOP/退订) are transactional messages (COMPLIANCE.md decision 12);
 * `original_creditor_answer` answers a request for the original creditor's name and address (FDCPA 1692g(b)).
 */
export const MESSAGE_PURPOSES = [
  'collection',
  'cease_ack',
  'remedy_notice',
  'validation_notice',
  'debt_statement',
  'transactional',
  'opt_out_confirmation',
  'original_creditor_answer',
] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

/** Third parties who never speak for the debtor; the compliance vocabulary (compliance/actions.ts) ends with them too. */
export const OTHER_RELATIONSHIPS = [
  'relative',
  'friend',
  'neighbor',
  'colleague',
  'employer',
  'unknown',
] as const;

export const THIRD_PARTY_RELATIONSHIPS = [
  'spouse',
  'parent',
  'guardian',
  'executor',
  'administrator',
  'personal_representative',
  'attorney',
  ...OTHER_RELATIONSHIPS,
] as const;
export type ThirdPartyRelationship = (typeof THIRD_PARTY_RELATIONSHIPS)[number];

/**
 * `violated`: an action a machine reports as already taken (a dialer's result without a live reservation) that the
 * rules did not allow at its instant; kept as evidence and raised to the supervisor, never refused.
 */
export const DECISION_OUTCOMES = ['allowed', 'blocked', 'overridden', 'violated'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const PROMISE_STATUSES = ['pending', 'kept', 'broken', 'cancelled'] as const;
export const PLAN_STATUSES = ['active', 'completed', 'broken', 'cancelled'] as const;
export const PLAN_FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
export const PAYMENT_METHODS = ['card', 'bank_transfer', 'cash', 'check', 'wallet', 'agency'] as const;
export const COMPLAINT_STATUSES = ['open', 'investigating', 'resolved'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const ESCALATION_KINDS = ['agency_placement', 'field_visit', 'legal_filing'] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const PLACEMENT_STATUSES = ['placed', 'recalled', 'closed'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
export const VISIT_STATUSES = ['scheduled', 'completed', 'cancelled'] as const;
export const LEGAL_STATUSES = ['prepared', 'filed', 'judgment', 'dismissed', 'withdrawn'] as const;
