/** Vocabulary of the rule catalog (docs/compliance/CATALOG.md): action kinds, outcomes and the sets the rules refer to. */

import {
  ACTION_KINDS,
  type ActionKind,
  CONTACT_OUTCOMES,
  CONTACT_POINT_KINDS,
  type ContactOutcome,
  type ContactPointKind,
  MESSAGE_PURPOSES,
  type MessagePurpose,
  OPT_OUT_CHANNELS,
  type OptOutChannel,
  OTHER_RELATIONSHIPS,
} from '../domain/enums.ts';

export type { ActionKind, ContactPointKind, MessagePurpose, OptOutChannel };
// One vocabulary for the engine, the database enums and the dashboard: the tuples live in domain/enums.
export { ACTION_KINDS, CONTACT_POINT_KINDS, MESSAGE_PURPOSES, OPT_OUT_CHANNELS };

/** The escalations: they pursue the debt without reaching the debtor. */
const ESCALATIONS: readonly ActionKind[] = ['third_party_contact', 'agency_placement', 'legal_filing'];
/** Actions that reach the debtor: every action kind but the escalations. */
export const CONTACT_ACTIONS: readonly ActionKind[] = ACTION_KINDS.filter(
  (kind) => !ESCALATIONS.includes(kind),
);
/** Contact actions plus the escalations that pursue the debt without reaching the debtor. */
export const COLLECTION_ACTIONS: readonly ActionKind[] = [...CONTACT_ACTIONS, ...ESCALATIONS];
/** Telephone attempts: what docs/compliance/CATALOG.md, principle 4 counts and what the phone opt-out channel covers. */
export const PHONE_ACTIONS: readonly ActionKind[] = ['call', 'autodial_call', 'voicemail'];

/** The outcomes of past calls and messages; the database enum uses the same tuple. */
export const OUTCOMES = CONTACT_OUTCOMES;
export type Outcome = ContactOutcome;

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
const SPEAK_FOR_THE_DEBTOR = [
  'spouse',
  'parent_of_minor',
  'guardian',
  'executor',
  'administrator',
  'personal_representative',
  'attorney',
] as const;

export const RELATIONSHIPS = [...SPEAK_FOR_THE_DEBTOR, 'parent', 'child', ...OTHER_RELATIONSHIPS] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Relationships that count as the debtor (FDCPA 1692c(d)). */
export const DEBTOR_EQUIVALENTS: readonly Relationship[] = SPEAK_FOR_THE_DEBTOR;
/** Who may speak for a deceased debtor's estate (Reg F 1006.6(a)(4)). */
export const ESTATE_REPRESENTATIVES: readonly Relationship[] = [
  'executor',
  'administrator',
  'personal_representative',
];

/** A transactional message (COMPLIANCE.md decision 12): no frequency rule counts it, few rules refuse it. */
export function isTransactional(purpose: MessagePurpose | null | undefined): boolean {
  return purpose === 'transactional' || purpose === 'opt_out_confirmation';
}

/** `creditor_in_subject`: the email's subject line names the creditor (an electronic validation notice, 1006.42). */
export const DISCLOSURES = [
  'mini_miranda_initial',
  'mini_miranda',
  'opt_out',
  'creditor_in_subject',
] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

export const THIRD_PARTY_PURPOSES = ['location', 'collection'] as const;
