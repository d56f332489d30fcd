import { ALICE, type SpecialScript } from './special-script.ts';

/*
 * Demo specials whose debtor stopped collection: a dispute, a cease request, an attorney, a bankruptcy, a
 * death. Before the stop they were worked like any case; after it only what the rules allow went out.
 */

export function disputed(s: SpecialScript): void {
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

export function ceased(s: SpecialScript): void {
  s.validationNotice();
  s.call(70, '10:40', 'no_answer');
  s.message(60, '12:00', 'sms');
  s.call(45, '17:20', 'conversation');
  s.call(30, '11:45', 'no_answer');
  s.message(15, '10:00', 'letter');
  s.story.debtor.ceaseRequestedAt = s.at(5, '10:40');
  // docs/compliance/CATALOG.md, principle 9: the one letter still allowed acknowledges that collection has stopped.
  s.message(4, '10:00', 'letter', { purpose: 'cease_ack' });
}

export function attorney(s: SpecialScript): void {
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

export function bankrupt(s: SpecialScript): void {
  s.validationNotice();
  s.call(90, '09:45', 'no_answer');
  const talked = s.call(35, '16:00', 'conversation');
  s.call(27, '10:30', 'no_answer');
  const filed = s.at(20, '09:30');
  s.story.debtor.bankruptcyFiledAt = filed;
  // The automatic stay (11 USC 362) ended the promise along with every other collection.
  s.promise(talked, s.today - 10, Math.floor(s.ledger.owed / 300) * 100, 'cancelled', filed);
}

export function deceased(s: SpecialScript): void {
  s.validationNotice();
  s.call(120, '10:10', 'no_answer');
  s.message(100, '11:00', 'letter');
  s.call(60, '14:45', 'voicemail');
  s.story.debtor.deceasedAt = s.at(30, '11:00');
  const last = s.story.debtor.fullName.split(' ').pop();
  s.story.debtor.thirdParties.push({
    name: `Jordan ${last}`,
    relationship: 'executor',
    phone: '+13125550163',
    debtorAgreed: true,
  });
}
