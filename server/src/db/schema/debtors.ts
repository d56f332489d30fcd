import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { calendarDate, createdAt, id, instant, updatedAt, uuidRef } from './columns.ts';
import {
  contactPointKindEnum,
  contactPointProvenanceEnum,
  optOutChannelEnum,
  relationshipEnum,
} from './enums.ts';
import { users } from './users.ts';

/** A local time-of-day range `HH:MM`–`HH:MM`, half-open, in the debtor's zone. */
export interface LocalTimeRange {
  from: string;
  to: string;
}

/**
 * A person who owes. Flags that change what the law allows (deceased, bankruptcy, attorney, cease, military)
 * live here as the instant they became known; every change to them is an audit event.
 */
export const debtors = pgTable(
  'debtors',
  {
    id: id(),
    fullName: text('full_name').notNull(),
    /** BCP 47 language the debtor prefers (`en`, `zh`). */
    language: text('language').notNull().default('en'),
    dateOfBirth: calendarDate('date_of_birth'),
    /** Only the last digits are stored, never the full national id. */
    nationalIdMasked: text('national_id_masked'),
    jurisdictionCountry: text('jurisdiction_country').notNull(),
    jurisdictionRegion: text('jurisdiction_region'),
    /** A zone the debtor named explicitly; it joins the candidate zones of the compliance engine. */
    explicitTimeZone: text('explicit_time_zone'),
    deceasedAt: instant('deceased_at'),
    bankruptcyFiledAt: instant('bankruptcy_filed_at'),
    attorneyName: text('attorney_name'),
    attorneyContact: text('attorney_contact'),
    attorneySince: instant('attorney_since'),
    ceaseRequestedAt: instant('cease_requested_at'),
    military: boolean('military').notNull().default(false),
    inconvenientTimes: jsonb('inconvenient_times').$type<LocalTimeRange[]>().notNull().default([]),
    consentedTimes: jsonb('consented_times').$type<LocalTimeRange[]>().notNull().default([]),
    /** The debtor's E-SIGN consent to electronic delivery of the validation notice (Reg F 1006.42). */
    esignConsentAt: instant('esign_consent_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('debtors_full_name_trgm_idx').using('gin', sql`${t.fullName} gin_trgm_ops`)],
);

/** A phone number, email, address or app install through which the debtor can be reached. */
export const contactPoints = pgTable(
  'contact_points',
  {
    id: id(),
    debtorId: uuidRef('debtor_id', () => debtors.id).notNull(),
    kind: contactPointKindEnum('kind').notNull(),
    /** E.164 for phones, lower-cased address for email, one-line postal address, or an app install id. */
    value: text('value').notNull(),
    label: text('label'),
    timeZone: text('time_zone'),
    verified: boolean('verified').notNull().default(false),
    consentAutodial: boolean('consent_autodial').notNull().default(false),
    consentSms: boolean('consent_sms').notNull().default(false),
    consentGivenAt: instant('consent_given_at'),
    consentRevokedAt: instant('consent_revoked_at'),
    employerProhibits: boolean('employer_prohibits').notNull().default(false),
    /** The debtor said this place or number is inconvenient (Reg F 1006.6(b)(1)(ii)). */
    inconvenient: boolean('inconvenient').notNull().default(false),
    /**
     * Where an email address or number came from (Reg F 1006.6(d)(4)): points recorded before this column existed
     * were given by the debtor, and so is one an agent adds from a conversation.
     */
    provenance: contactPointProvenanceEnum('provenance').notNull().default('debtor_given'),
    /** provenance creditor_used: when the creditor sent its notice with the opt-out period. */
    creditorNoticeAt: instant('creditor_notice_at'),
    /** When the number was last checked against the reassigned-numbers database (Reg F 1006.6(d)(5)). */
    reassignedCheckedAt: instant('reassigned_checked_at'),
    /** An email bounced or a letter came back: nothing is sent here from then on (POL-UNDELIVERABLE). */
    undeliverableSince: instant('undeliverable_since'),
    createdAt: createdAt(),
  },
  (t) => [index('contact_points_debtor_idx').on(t.debtorId)],
);

/** "Do not contact me by this medium / at this address": by channel, or by one contact point. */
export const optOuts = pgTable(
  'opt_outs',
  {
    id: id(),
    debtorId: uuidRef('debtor_id', () => debtors.id).notNull(),
    channel: optOutChannelEnum('channel'),
    contactPointId: uuidRef('contact_point_id', () => contactPoints.id),
    at: instant('at').notNull(),
    recordedBy: uuidRef('recorded_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('opt_outs_debtor_idx').on(t.debtorId)],
);

/** People around the debtor: spouse, relatives, employer, references the debtor gave. */
export const thirdParties = pgTable(
  'third_parties',
  {
    id: id(),
    debtorId: uuidRef('debtor_id', () => debtors.id).notNull(),
    name: text('name').notNull(),
    relationship: relationshipEnum('relationship').notNull(),
    phone: text('phone'),
    /** CN-NIFA-3P: the debtor agreed this person may be contacted. */
    debtorAgreed: boolean('debtor_agreed').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('third_parties_debtor_idx').on(t.debtorId)],
);
