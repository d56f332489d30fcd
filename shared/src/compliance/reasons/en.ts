import { formatMoney } from '../../domain/money.ts';
import type { OptOutChannel } from '../actions.ts';
import {
  ACTION_LABELS,
  countOf,
  formatDay,
  formatMinute,
  POINT_LABELS,
  sentence,
  windowDays,
  withArticle,
} from '../format.ts';
import type { MessageTable } from './codes.ts';

/** The reasons in English: short, concrete, in the debtor's local time. */

const CHANNEL_LABELS: Readonly<Record<OptOutChannel, string>> = {
  phone: 'phone',
  sms: 'text message',
  email: 'email',
  letter: 'letter',
  app_push: 'app notification',
  field_visit: 'visits',
};

/** An instant on a zone's wall clock, e.g. "21:30 on Jun 10 (America/New_York)". */
function local({ minute, day, zone }: { minute: number; day: number; zone: string }): string {
  return `${formatMinute(minute)} on ${formatDay(day)} (${zone})`;
}

/** "The debtor's neighbor", to open a reason. */
const PROVENANCE_LABELS = {
  debtor_used: 'the debtor used it',
  debtor_given: 'the debtor gave it',
  creditor_used: 'the creditor used it',
  employer: 'it belongs to the debtor’s employer',
} as const;

function thirdParty(relationship: string | null): string {
  if (relationship === null) return 'An unidentified third party';
  if (relationship === 'unknown') return 'A person with no known tie to the debtor';
  return `The debtor's ${relationship.replaceAll('_', ' ')}`;
}

export const EN: MessageTable = {
  outsideContactHours: (p) =>
    `It is ${local(p)} for the debtor; ${withArticle(ACTION_LABELS[p.kind])} is allowed only from ${formatMinute(p.from)} to ${formatMinute(p.to)} local time.`,
  inconvenientTime: (p) =>
    `The debtor said ${formatMinute(p.windowFrom)}–${formatMinute(p.windowTo)} is an inconvenient time; it is ${local(p)}.`,
  inconvenientPlace: (p) =>
    `The debtor said this ${POINT_LABELS[p.pointKind]} is an inconvenient place to be contacted.`,
  callCapReached: (p) =>
    `${countOf(p.made, 'call')} already made about this debt in the ${p.days} days ending today (${windowDays(p.day, p.days)}, debtor's time); the limit is ${p.max}.`,
  recentConversation: (p) =>
    `The debtor had a telephone conversation about this debt on ${formatDay(p.conversationDay)} (debtor's time); no calls about it until ${formatDay(p.untilDay)}.`,
  optedOut: (p) => {
    const by = p.channel === null ? '' : ` by ${CHANNEL_LABELS[p.channel]}`;
    const where = p.pointKind === null ? '' : ` at this ${POINT_LABELS[p.pointKind]}`;
    return `On ${formatDay(p.day)} the debtor asked not to be contacted${by}${where}.`;
  },
  ceaseRequested: (p) =>
    `The debtor asked in writing on ${p.date} that collection stop; only a letter confirming that it ends or naming a specific remedy may be sent.`,
  representedByAttorney: (p) =>
    `The debtor is represented by an attorney (${p.attorney}) for this debt; contact the attorney instead.`,
  employerProhibits: (p) =>
    `The debtor's employer prohibits collection contact at this ${POINT_LABELS[p.pointKind]}.`,
  thirdPartyLocationOnly: (p) =>
    `${thirdParty(p.relationship)} is a third party: they may only be asked where the debtor can be reached, never told about the debt.`,
  thirdPartyAlreadyContacted: (p) =>
    `${thirdParty(p.relationship)} was already contacted for location information on ${formatDay(p.day)}; a third party may be contacted only once.`,
  locationContactDisclosesDebt: () =>
    'The message says it comes from a debt collector; a location contact must not mention the debt.',
  disputeOpen: (p) =>
    `The debtor disputed this debt on ${p.date} and verification has not been sent; collection is paused until it is.`,
  validationOverdue: (p) =>
    `Validation information was due by ${formatDay(p.dueDay)} (the first communication was on ${formatDay(p.firstDay)}) and has not been sent.`,
  limitationsExpired: (p) =>
    `The statute of limitations on this debt ran out on ${p.date}; no suit may be filed or threatened.`,
  optOutInstructionMissing: (p) =>
    `This ${ACTION_LABELS[p.kind]} carries no opt-out instruction; every electronic message must say how to opt out.`,
  initialDisclosureMissing: (p) =>
    `This ${ACTION_LABELS[p.kind]} is the initial communication: it must say it is an attempt to collect a debt and that any information obtained will be used for that purpose.`,
  collectorDisclosureMissing: (p) =>
    `This ${ACTION_LABELS[p.kind]} must say that it is from a debt collector.`,
  debtorDeceased: () =>
    'The debtor is deceased; only the executor, administrator or personal representative of the estate may be contacted.',
  bankruptcyStay: (p) =>
    `A bankruptcy petition was filed on ${p.date}; the automatic stay forbids collection.`,
  noConsent: (p) =>
    `The debtor never gave consent to ${p.kind === 'sms' ? 'text messages' : 'dialer or prerecorded calls'} at this mobile number.`,
  consentRevoked: (p) =>
    `The debtor revoked consent to automated calls and texts at this number on ${formatDay(p.day)}.`,
  quickRedial: (p) =>
    `${countOf(p.unanswered, 'unanswered call')} to this number in the last ${p.minutes} minutes; calling again so soon can look like harassment.`,
  manyCallsToday: (p) =>
    `This would be call ${p.call} to this number today; ${p.max} calls to one number in a day can look like harassment.`,
  personalNumbersCapReached: (p) =>
    `${countOf(p.made, 'call or text', 'calls or texts')} already made about this debt to the debtor's personal numbers in the ${p.days} days ending today (${windowDays(p.day, p.days)}, debtor's time); Massachusetts allows ${p.max}.`,
  otherNumbersCapReached: (p) =>
    `${countOf(p.made, 'call or text', 'calls or texts')} already made about this debt to the debtor's other numbers in the ${p.days} days ending today (${windowDays(p.day, p.days)}, debtor's time); Massachusetts allows ${p.max}.`,
  visitOutsideHours: (p) =>
    `It is ${local(p)} for the debtor; Massachusetts allows visits only from ${formatMinute(p.from)} to ${formatMinute(p.to)}.`,
  visitCapReached: (p) =>
    `${countOf(p.made, 'field visit')} about this debt already made in the ${p.days} days ending today (${windowDays(p.day, p.days)}, debtor's time); Massachusetts allows ${p.max}.`,
  communicationCapReached: (p) =>
    `${countOf(p.made, 'communication')} already made about this debt in the ${p.days} days ending today (${windowDays(p.day, p.days)}, debtor's time); Washington allows ${p.max}.`,
  workplaceCapReached: (p) =>
    `${countOf(p.made, 'communication')} already made to the debtor's workplace about this debt in the ${p.days} days ending today (${windowDays(p.day, p.days)}); Washington allows ${p.max}.`,
  collectionOutsideHours: (p) =>
    `It is ${local(p)} for the debtor; collection is allowed only from ${formatMinute(p.from)} to ${formatMinute(p.to)} unless the debtor agreed to another time.`,
  dailyDialCapReached: (p) =>
    `${countOf(p.unanswered, 'unanswered dial')} to this number already on ${formatDay(p.day)} (debtor's time); the limit is ${p.max} a day.`,
  thirdPartyNotAllowed: (p) => {
    const problems: string[] = [];
    if (p.unrelated) problems.push('they are unrelated to the debtor');
    if (p.notAgreed) problems.push('the debtor did not agree to this contact');
    if (p.reachable) problems.push('the debtor can still be reached');
    if (p.disclosesDebt) problems.push('the contact would disclose the debt');
    return `${thirdParty(p.relationship)} may not be contacted: ${problems.join('; ')}.`;
  },
  visitNotRecorded: () => 'A field visit must carry a reference to its audio/video recording.',
  approvalNeeded: (p) =>
    `${sentence(withArticle(ACTION_LABELS[p.kind]))} needs a supervisor's approval recorded on the case.`,
  onHold: (p) => `The case is on hold until ${local(p)}.`,
  caseClosed: () => 'The case is closed; no collection action may be taken.',
  belowPlacementMinimum: (p) =>
    `The balance of ${formatMoney(p.amountMinor, p.currency, 'en-US')} is below the ${formatMoney(p.minimumMinor, p.currency, 'en-US')} an agency placement needs.`,
  addressOriginNotAllowed: (p) =>
    p.provenance === null
      ? `It is not recorded where this ${p.kind === 'sms' ? 'number' : 'address'} came from; ${withArticle(ACTION_LABELS[p.kind])} goes only to one the debtor used or gave.`
      : `This ${p.kind === 'sms' ? 'number' : 'address'} may not receive ${withArticle(ACTION_LABELS[p.kind])}: ${PROVENANCE_LABELS[p.provenance]}.`,
  creditorNoticePending: (p) =>
    p.noticeDay === null || p.untilDay === null
      ? `The creditor used this ${p.kind === 'sms' ? 'number' : 'address'}, but its opt-out notice to the debtor is not on record.`
      : `The creditor sent its opt-out notice on ${formatDay(p.noticeDay)}; this ${p.kind === 'sms' ? 'number' : 'address'} may be used from ${formatDay(p.untilDay)}.`,
  reassignedCheckStale: (p) =>
    p.checkedDay === null
      ? `This number was never checked against the reassigned-numbers database; texts need a check within ${p.days} days.`
      : `This number was last checked against the reassigned-numbers database on ${formatDay(p.checkedDay)}; texts need a check within ${p.days} days.`,
  esignConsentMissing: () =>
    'The debtor has not consented under E-SIGN to receive the validation notice electronically; send it by letter.',
  creditorNotInSubject: () => 'A validation notice by email must name the creditor in its subject line.',
  originalCreditorRequested: (p) =>
    `The debtor asked for the original creditor's name and address on ${p.date}; collection is paused until the answer is sent.`,
  addressUndeliverable: (p) =>
    `This ${POINT_LABELS[p.pointKind]} has been undeliverable since ${formatDay(p.day)} (a bounce or returned mail).`,
  replyUnclassified: (p) =>
    `A reply from this number on ${formatDay(p.day)} has not been classified yet; no texts until a person reads it (it may mean stop).`,
  noPhoneOnFile: () => 'No phone number on file.',
  rulesUnavailable: (p) => p.detail,
};
