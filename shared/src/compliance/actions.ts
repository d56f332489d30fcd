/** Vocabulary of the rule catalog (COMPLIANCE.md): action kinds, outcomes and the sets the rules refer to. */

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

/** Actions that reach the debtor. */
export const CONTACT_ACTIONS: readonly ActionKind[] = [
  'call',
  'autodial_call',
  'voicemail',
  'sms',
  'email',
  'letter',
  'app_push',
  'field_visit',
];
/** Contact actions plus the escalations that pursue the debt without reaching the debtor. */
export const COLLECTION_ACTIONS: readonly ActionKind[] = [
  ...CONTACT_ACTIONS,
  'third_party_contact',
  'agency_placement',
  'legal_filing',
];
/** Telephone attempts: what decision 4 counts and what the phone opt-out channel covers. */
export const PHONE_ACTIONS: readonly ActionKind[] = ['call', 'autodial_call', 'voicemail'];

export const OUTCOMES = [
  'conversation',
  'wrong_party',
  'third_party',
  'voicemail',
  'no_answer',
  'busy',
  'not_in_service',
  'failed',
  'sent',
  'bounced',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

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

export const OPT_OUT_CHANNELS = ['phone', 'sms', 'email', 'letter', 'app_push', 'field_visit'] as const;
export type OptOutChannel = (typeof OPT_OUT_CHANNELS)[number];

/** The opt-out channel an action travels on; escalations that do not reach the debtor have none. */
export function channelOf(kind: ActionKind): OptOutChannel | null {
  if (PHONE_ACTIONS.includes(kind)) return 'phone';
  if (
    kind === 'sms' ||
    kind === 'email' ||
    kind === 'letter' ||
    kind === 'app_push' ||
    kind === 'field_visit'
  ) {
    return kind;
  }
  return null;
}

/**
 * Relationships of a third party. Those in DEBTOR_EQUIVALENTS count as the debtor under FDCPA 1692c(d);
 * `parent` is a third party unless the fact says the debtor is a minor (`parent_of_minor`).
 */
export const RELATIONSHIPS = [
  'spouse',
  'parent_of_minor',
  'guardian',
  'executor',
  'administrator',
  'personal_representative',
  'attorney',
  'parent',
  'child',
  'relative',
  'friend',
  'neighbor',
  'colleague',
  'employer',
  'unknown',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const DEBTOR_EQUIVALENTS: readonly Relationship[] = [
  'spouse',
  'parent_of_minor',
  'guardian',
  'executor',
  'administrator',
  'personal_representative',
  'attorney',
];
/** Who may speak for a deceased debtor's estate (Reg F 1006.6(a)(4)). */
export const ESTATE_REPRESENTATIVES: readonly Relationship[] = [
  'executor',
  'administrator',
  'personal_representative',
];

export const MESSAGE_PURPOSES = [
  'collection',
  'cease_ack',
  'remedy_notice',
  'validation_notice',
  'debt_statement',
] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

export const DISCLOSURES = ['mini_miranda_initial', 'mini_miranda', 'opt_out'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

export const THIRD_PARTY_PURPOSES = ['location', 'collection'] as const;
