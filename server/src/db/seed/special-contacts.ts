import { addEscalation, PENDING } from './ladder-story.ts';
import { ALICE, type SpecialScript } from './special-script.ts';
import { textsFor } from './texts.ts';

/*
 * Demo specials about contact caps and promises. Days count back from the debtor's today; today itself is
 * never used, so each situation holds whatever the hour the seed runs.
 */

/** Seven counted calls on the six days before today, none a conversation: US-REGF-7IN7 blocks the next one. */
export function capSevenInSeven(s: SpecialScript): void {
  s.validationNotice();
  s.call(30, '10:20', 'no_answer');
  s.message(26, '12:05', 'sms');
  s.call(22, '16:40', 'voicemail');
  for (const [daysAgo, clock, outcome, point] of [
    [6, '10:05', 'no_answer', 'mobile'],
    [5, '11:20', 'voicemail', 'mobile'],
    [4, '14:40', 'no_answer', 'landline'],
    [3, '09:50', 'no_answer', 'mobile'],
    [3, '16:30', 'voicemail', 'landline'],
    [2, '13:15', 'no_answer', 'mobile'],
    [1, '15:45', 'voicemail', 'mobile'],
  ] as const) {
    s.call(daysAgo, clock, outcome, point);
  }
}

/** Massachusetts allows two calls or texts in seven days; two went out this week. */
export function massachusettsCap(s: SpecialScript): void {
  s.validationNotice();
  s.call(35, '10:10', 'no_answer');
  s.message(28, '11:00', 'letter');
  s.call(20, '17:05', 'voicemail');
  s.message(13, '09:40', 'email');
  s.call(5, '10:30', 'no_answer');
  s.call(2, '14:10', 'voicemail', 'landline');
}

export function conversationYesterday(s: SpecialScript): void {
  s.validationNotice();
  s.call(20, '12:30', 'no_answer');
  s.message(14, '10:00', 'sms');
  s.call(9, '18:10', 'voicemail');
  const talked = s.call(1, '15:20', 'conversation');
  s.promise(talked, s.today + 6, Math.floor(s.ledger.owed / 200) * 100, 'pending');
}

export function promiseToday(s: SpecialScript): void {
  s.validationNotice();
  s.call(25, '10:15', 'no_answer');
  s.message(18, '12:40', 'sms');
  const talked = s.call(8, '14:30', 'conversation');
  s.promise(talked, s.today, Math.floor(s.ledger.owed / 300) * 100, 'pending');
}

export function promiseBroken(s: SpecialScript): void {
  s.validationNotice();
  s.call(40, '11:30', 'no_answer');
  const talked = s.call(15, '13:00', 'conversation');
  s.promise(talked, s.today - 5, Math.floor(s.ledger.owed / 400) * 100, 'broken', s.at(4, '03:00'));
  s.call(3, '17:10', 'no_answer');
}

/** Washington allows three communications in seven days: a call, a text and an e-mail this week. */
export function washington(s: SpecialScript): void {
  s.validationNotice();
  s.call(30, '10:00', 'no_answer');
  const talked = s.call(20, '12:20', 'conversation');
  const promise = s.promise(talked, s.today - 15, Math.floor(s.ledger.owed / 400) * 100, 'kept');
  promise.resolvedAt = s.at(15, '19:05');
  s.ledger.pay(promise.resolvedAt, promise.amountMinor, ALICE);
  s.call(5, '11:10', 'no_answer');
  s.message(3, '13:00', 'sms');
  s.message(1, '10:30', 'email');
}

export function china(s: SpecialScript): void {
  s.message(30, '10:00', 'sms', { automated: true });
  s.call(25, '09:10', 'no_answer');
  s.call(25, '14:30', 'busy');
  s.call(25, '19:20', 'no_answer');
  s.call(12, '11:00', 'no_answer');
  s.call(12, '16:40', 'no_answer');
  const talked = s.call(6, '10:00', 'conversation');
  s.promise(talked, s.today + 3, Math.floor(s.ledger.owed / 300) * 100, 'pending');
  s.note(talked + 12, textsFor('CN').caseNotes[1] ?? '');
  s.message(2, '10:00', 'sms', { automated: true });
}

/** Months of calls and letters nobody answered. */
function unanswered(s: SpecialScript): void {
  s.validationNotice();
  for (const [daysAgo, clock] of [
    [100, '10:20'],
    [80, '13:40'],
    [70, 'letter'],
    [60, '11:05'],
    [40, '16:30'],
    [30, 'letter'],
    [20, '12:15'],
    [9, '10:45'],
  ] as const) {
    if (clock === 'letter') s.message(daysAgo, '10:00', 'letter');
    else s.call(daysAgo, clock, 'no_answer');
  }
}

export function escalation(s: SpecialScript): void {
  unanswered(s);
  addEscalation(s.story, { kind: 'field_visit', requestedBy: ALICE, createdAt: s.at(2, '11:20') }, PENDING);
}

/**
 * Long unanswered, over 120 days past due: alice asked for an agency placement five days ago (older than the book's
 * other waiting requests, so it heads the supervisor's queue), waiting for sam's decision.
 */
export function placement(s: SpecialScript): void {
  unanswered(s);
  addEscalation(
    s.story,
    { kind: 'agency_placement', requestedBy: ALICE, createdAt: s.at(5, '11:40') },
    PENDING,
  );
}

/**
 * A placement approved three weeks ago and never carried out: the approval has lapsed (decision record 026: 14 days), so
 * the case screen asks for a new request rather than offering to place.
 */
export function placementLapsed(s: SpecialScript): void {
  unanswered(s);
  addEscalation(
    s.story,
    { kind: 'agency_placement', requestedBy: ALICE, createdAt: s.at(22, '11:40') },
    {
      status: 'approved',
      decidedBy: 'sam@arrearsdesk.demo',
      decisionReason: 'Approved for placement',
      decidedAt: s.at(21, '10:15'),
    },
  );
}
