import type { BookContext } from './context.ts';
import { seedId } from './ids.ts';
import { SpecialScript } from './special-script.ts';
import type { CaseStory } from './story.ts';
import { textsFor } from './texts.ts';

/**
 * The demo specials of DESIGN.md ("The demo book"): one case per situation a newcomer should find, with a
 * recognisable account reference, all assigned to alice@ (the Chinese one to li.wei@). Each history is written
 * in days before the debtor's today and never touches today itself, so it holds whenever the seed runs.
 */
export const DEMO_ACCOUNT_REFS = {
  cap7in7: 'DEMO-CAP-7IN7',
  maCap: 'DEMO-MA-CAP',
  conversationYesterday: 'DEMO-CONV-YESTERDAY',
  disputed: 'DEMO-DISPUTED',
  ceased: 'DEMO-CEASED',
  attorney: 'DEMO-ATTORNEY',
  bankrupt: 'DEMO-BANKRUPT',
  deceased: 'DEMO-DECEASED',
  promiseToday: 'DEMO-PROMISE-TODAY',
  promiseBroken: 'DEMO-PROMISE-BROKEN',
  washington: 'DEMO-WA',
  china: 'DEMO-CN-1',
  fresh: 'DEMO-FRESH',
  escalation: 'DEMO-ESCALATION',
} as const;

const ALICE = 'alice@arrearsdesk.demo';
const R = DEMO_ACCOUNT_REFS;

type Special = (s: SpecialScript) => void;

/** Spec and script of each special, in case-number order. */
const SPECIALS: [ConstructorParameters<typeof SpecialScript>[2], Special][] = [
  [
    {
      accountRef: R.cap7in7,
      creditor: 'ShopPay',
      region: 'NY',
      agent: ALICE,
      daysPastDue: 48,
      placedDaysAgo: 40,
    },
    capSevenInSeven,
  ],
  [
    {
      accountRef: R.maCap,
      creditor: 'Keystone',
      region: 'MA',
      agent: ALICE,
      daysPastDue: 62,
      placedDaysAgo: 50,
    },
    massachusettsCap,
  ],
  [
    {
      accountRef: R.conversationYesterday,
      creditor: 'ShopPay',
      region: 'CA',
      agent: ALICE,
      daysPastDue: 35,
      placedDaysAgo: 30,
    },
    conversationYesterday,
  ],
  [
    {
      accountRef: R.disputed,
      creditor: 'Keystone',
      region: 'IL',
      agent: ALICE,
      daysPastDue: 75,
      placedDaysAgo: 60,
    },
    disputed,
  ],
  [
    {
      accountRef: R.ceased,
      creditor: 'ShopPay',
      region: 'FL',
      agent: ALICE,
      daysPastDue: 95,
      placedDaysAgo: 80,
    },
    ceased,
  ],
  [
    {
      accountRef: R.attorney,
      creditor: 'Keystone',
      region: 'NY',
      agent: ALICE,
      daysPastDue: 130,
      placedDaysAgo: 100,
    },
    attorney,
  ],
  [
    {
      accountRef: R.bankrupt,
      creditor: 'Northwind',
      region: 'TX',
      agent: ALICE,
      daysPastDue: 150,
      placedDaysAgo: 120,
    },
    bankrupt,
  ],
  [
    {
      accountRef: R.deceased,
      creditor: 'Northwind',
      region: 'IL',
      agent: ALICE,
      daysPastDue: 200,
      placedDaysAgo: 150,
    },
    deceased,
  ],
  [
    {
      accountRef: R.promiseToday,
      creditor: 'Keystone',
      region: 'CA',
      agent: ALICE,
      daysPastDue: 40,
      placedDaysAgo: 35,
    },
    promiseToday,
  ],
  [
    {
      accountRef: R.promiseBroken,
      creditor: 'Keystone',
      region: 'FL',
      agent: ALICE,
      daysPastDue: 70,
      placedDaysAgo: 60,
    },
    promiseBroken,
  ],
  [
    {
      accountRef: R.washington,
      creditor: 'ShopPay',
      region: 'WA',
      agent: ALICE,
      daysPastDue: 55,
      placedDaysAgo: 45,
    },
    washington,
  ],
  [
    {
      accountRef: R.china,
      creditor: 'Huirong',
      region: null,
      agent: 'li.wei@arrearsdesk.demo',
      daysPastDue: 45,
      placedDaysAgo: 40,
    },
    china,
  ],
  [
    {
      accountRef: R.fresh,
      creditor: 'ShopPay',
      region: 'TX',
      agent: ALICE,
      daysPastDue: 35,
      placedDaysAgo: 0,
    },
    () => {},
  ],
  [
    {
      accountRef: R.escalation,
      creditor: 'ShopPay',
      region: 'NY',
      agent: ALICE,
      daysPastDue: 150,
      placedDaysAgo: 120,
    },
    escalation,
  ],
];

export function demoSpecials(ctx: BookContext): CaseStory[] {
  return SPECIALS.map(([spec, script], n) => {
    const s = new SpecialScript(ctx, n, spec);
    script(s);
    return s.finish();
  });
}

/** Seven counted calls on the six days before today, none a conversation: US-REGF-7IN7 blocks the next one. */
function capSevenInSeven(s: SpecialScript): void {
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
function massachusettsCap(s: SpecialScript): void {
  s.validationNotice();
  s.call(35, '10:10', 'no_answer');
  s.message(28, '11:00', 'letter');
  s.call(20, '17:05', 'voicemail');
  s.message(13, '09:40', 'email');
  s.call(5, '10:30', 'no_answer');
  s.call(2, '14:10', 'voicemail', 'landline');
}

function conversationYesterday(s: SpecialScript): void {
  s.validationNotice();
  s.call(20, '12:30', 'no_answer');
  s.message(14, '10:00', 'sms');
  s.call(9, '18:10', 'voicemail');
  const talked = s.call(1, '15:20', 'conversation');
  s.promise(talked, s.today + 6, Math.floor(s.ledger.owed / 200) * 100, 'pending');
}

function disputed(s: SpecialScript): void {
  s.validationNotice();
  s.call(50, '11:00', 'no_answer');
  s.call(40, '13:30', 'conversation');
  s.message(30, '10:00', 'letter');
  s.call(18, '16:15', 'voicemail');
  s.message(10, '09:30', 'email');
  const received = s.at(3, '11:00');
  s.story.disputes.push({
    receivedAt: received,
    reason: 'Debtor says the balance includes a card fee that was waived.',
    verificationSentAt: null,
    recordedBy: ALICE,
  });
  s.note(received + 30, 'Written dispute received; collection paused until the verification is sent.');
}

function ceased(s: SpecialScript): void {
  s.validationNotice();
  s.call(70, '10:40', 'no_answer');
  s.message(60, '12:00', 'sms');
  s.call(45, '17:20', 'conversation');
  s.call(30, '11:45', 'no_answer');
  s.message(15, '10:00', 'letter');
  s.story.debtor.ceaseRequestedAt = s.at(5, '10:40');
  // Decision 9: the one letter still allowed acknowledges that collection has stopped.
  s.message(4, '10:00', 'letter', { purpose: 'cease_ack' });
}

function attorney(s: SpecialScript): void {
  s.validationNotice();
  s.call(80, '10:00', 'no_answer');
  s.call(60, '15:30', 'conversation');
  s.message(40, '11:00', 'letter');
  s.call(20, '13:20', 'voicemail');
  const name = 'Priya Natarajan, Esq.';
  s.story.debtor.attorney = {
    name,
    contact: '+12125550148 · pnatarajan@natarajan-law.example',
    since: s.at(10, '14:00'),
  };
  s.story.debtor.thirdParties.push({
    name,
    relationship: 'attorney',
    phone: '+12125550148',
    debtorAgreed: true,
  });
}

function bankrupt(s: SpecialScript): void {
  s.validationNotice();
  s.call(90, '09:45', 'no_answer');
  const talked = s.call(35, '16:00', 'conversation');
  s.call(27, '10:30', 'no_answer');
  const filed = s.at(20, '09:30');
  s.story.debtor.bankruptcyFiledAt = filed;
  // The automatic stay (11 USC 362) ended the promise along with every other collection.
  s.promise(talked, s.today - 10, Math.floor(s.ledger.owed / 300) * 100, 'cancelled', filed);
}

function deceased(s: SpecialScript): void {
  s.validationNotice();
  s.call(120, '10:10', 'no_answer');
  s.message(100, '11:00', 'letter');
  s.call(60, '14:45', 'voicemail');
  s.story.debtor.deceasedAt = s.at(30, '11:00');
  const last = s.story.debtor.fullName.split(' ').pop();
  s.story.debtor.thirdParties.push({
    name: `Jordan ${last}`,
    relationship: 'executor',
    phone: s.story.debtor.points[0]?.value ?? null,
    debtorAgreed: true,
  });
}

function promiseToday(s: SpecialScript): void {
  s.validationNotice();
  s.call(25, '10:15', 'no_answer');
  s.message(18, '12:40', 'sms');
  const talked = s.call(8, '14:30', 'conversation');
  s.promise(talked, s.today, Math.floor(s.ledger.owed / 300) * 100, 'pending');
}

function promiseBroken(s: SpecialScript): void {
  s.validationNotice();
  s.call(40, '11:30', 'no_answer');
  const talked = s.call(15, '13:00', 'conversation');
  s.promise(talked, s.today - 5, Math.floor(s.ledger.owed / 400) * 100, 'broken', s.at(4, '03:00'));
  s.call(3, '17:10', 'no_answer');
}

/** Washington allows three communications in seven days: a call, a text and an e-mail this week. */
function washington(s: SpecialScript): void {
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

function china(s: SpecialScript): void {
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

function escalation(s: SpecialScript): void {
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
  s.story.escalations.push({
    kind: 'field_visit',
    status: 'pending',
    requestedBy: ALICE,
    requestReason: textsFor('US').escalationReasons.field_visit,
    createdAt: s.at(2, '11:20'),
    decidedBy: null,
    decisionReason: null,
    decidedAt: null,
  });
}

export const specialCaseId = (ref: string): string =>
  seedId(
    'case',
    SPECIALS.findIndex(([spec]) => spec.accountRef === ref),
  );
