import type { RuleId } from '@arrears/shared/compliance/rule-ids';

/**
 * One plain sentence per rule for the administration catalog, condensed from COMPLIANCE.md. Keyed by every rule
 * id, so a rule added to the catalog without a description fails the build.
 */
export const RULE_DESCRIPTIONS = {
  'US-REGF-TIME':
    'No contact before 08:00 or from 21:00 in any of the debtor’s possible time zones, nor in a window the debtor said is inconvenient.',
  'US-REGF-PLACE': 'No call or visit at a place the debtor said is inconvenient, such as their workplace.',
  'US-REGF-7IN7': 'At most 7 calls per person per debt in 7 consecutive days; the 8th is blocked.',
  'US-REGF-POSTCONV': 'After a telephone conversation about the debt, no call about it for the next 7 days.',
  'US-REGF-MEDIUM': 'No contact by a medium, address or number the debtor asked not to be used.',
  'US-FDCPA-CEASE':
    'After a written refusal to pay or request to stop, only a cease acknowledgement or remedy notice may be sent.',
  'US-FDCPA-ATTY': 'When the debtor has an attorney for this debt, contact goes to the attorney.',
  'US-FDCPA-WORK': 'No contact at the workplace when the employer or the debtor prohibits it.',
  'US-FDCPA-3P':
    'Third parties other than spouse, parent of a minor, guardian, estate representative or attorney may only be asked for location information, never told of the debt.',
  'US-REGF-LOC':
    'A third party may be contacted for location information once; the script never mentions the debt.',
  'US-FDCPA-DISPUTE': 'An open dispute pauses collection until verification is sent.',
  'US-REGF-VN':
    'Validation information is due within 5 days of the initial communication (a warning when overdue).',
  'US-REGF-TBD': 'Once the statute of limitations has run, no suit and no threat of suit.',
  'US-REGF-OPTOUT': 'Every text message and email carries a simple opt-out instruction.',
  'US-FDCPA-MIRANDA':
    'The first communication says it is an attempt to collect a debt; later ones that they are from a debt collector.',
  'US-REGF-DECEASED': 'When the debtor has died, only the estate’s representative may be contacted.',
  'US-BK-STAY': 'No collection while a bankruptcy petition is on file.',
  'US-TCPA-CONSENT': 'Dialer calls and texts to a mobile number need prior express consent for that number.',
  'US-TCPA-REVOKE': 'No dialer calls or texts once consent was revoked by any reasonable means.',
  'US-REGF-PATTERN':
    'A warning for 2 unanswered calls to one number within 5 minutes, or 7 calls to one number in one day.',
  'US-MA-FREQ':
    'Massachusetts: at most 2 communications per 7 days to personal numbers and 2 per 30 days to other numbers, per debt.',
  'US-MA-VISIT': 'Massachusetts: at most 1 home visit per 30 days per debt, between 08:00 and 21:00.',
  'US-WA-FREQ':
    'Washington: at most 3 communications per 7 days with the debtor, and 1 per 7 days to their workplace.',
  'CN-CBA-HOURS': 'No collection between 22:00 and 08:00 local time unless the debtor agreed to that time.',
  'CN-CBA-DIALS':
    'At most 6 unanswered dials (calls and voicemails) per contact point per local day; the 7th is blocked.',
  'CN-NIFA-3P':
    'Only a contact the debtor agreed to, only when the debtor cannot be reached, never disclosing the debt.',
  'CN-CBA-VISIT':
    'A field visit carries an audio/video recording reference and never enters without consent.',
  'POL-APPROVAL':
    'Field visits, legal filings and agency placements need a supervisor’s approval on the case.',
  'POL-HOLD': 'No collection while the case is on hold.',
  'POL-CLOSED': 'No collection on a closed case.',
  'POL-PLACE-MIN': 'No agency placement of a balance below the minimum set for its currency.',
} as const satisfies Record<RuleId, string>;
