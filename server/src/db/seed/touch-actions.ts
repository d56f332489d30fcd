import type { ActionKind, ContactOutcome } from '@arrears/shared/domain/enums';
import type { HistoryWriter } from './history-writer.ts';
import { textsFor } from './texts.ts';

/**
 * What happens on one touch day of a generic case: an automated reminder, an agent's dials, a call from the
 * debtor, a location call to a third party. Each goes through the writer, which checks the rules.
 */
const US_CALL_OUTCOMES: readonly (readonly [ContactOutcome, number])[] = [
  ['no_answer', 38],
  ['voicemail', 22],
  ['conversation', 18],
  ['busy', 6],
  ['wrong_party', 3],
  ['third_party', 3],
  ['not_in_service', 2],
  ['failed', 2],
];
const CN_CALL_OUTCOMES: readonly (readonly [ContactOutcome, number])[] = [
  ['no_answer', 45],
  ['conversation', 20],
  ['busy', 12],
  ['voicemail', 5],
  ['wrong_party', 3],
  ['third_party', 3],
  ['not_in_service', 2],
  ['failed', 3],
];

/** The first rung: the creditor's app, a text or an e-mail, sent by the dialer's scheduler (no agent). */
export function reminder(writer: HistoryWriter, day: number): boolean {
  const at = writer.time(day);
  const kinds: ActionKind[] = ['app_push', 'sms', 'email'];
  const first = writer.rng.int(0, 2);
  return kinds.some((_, i) => writer.message(kinds[(first + i) % 3]!, at, true));
}

export function inbound(writer: HistoryWriter, day: number): boolean {
  // The debtor called in: opt-outs limit what we initiate, not which line they used.
  const point = writer.point('mobile', 0, 'phone') ?? writer.point('landline', 0, 'phone');
  return writer.offer({
    at: writer.time(day),
    kind: 'call',
    direction: 'inbound',
    point,
    agent: writer.worker(),
    outcome: 'conversation',
    durationSeconds: writer.rng.int(120, 900),
    disclosures: writer.us ? ['mini_miranda'] : null,
    notes: writer.rng.pick(textsFor(writer.story.debtor.country).conversationNotes),
  });
}

/** An agent's call; Chinese teams dial up to three times a day, hours apart (CN-CBA-DIALS allows six). */
export function dial(writer: HistoryWriter, day: number): boolean {
  const outcomes = writer.us ? US_CALL_OUTCOMES : CN_CALL_OUTCOMES;
  if (writer.us) return writer.call(writer.time(day), writer.rng.weighted(outcomes));
  const times = [writer.time(day), writer.time(day), writer.time(day)]
    .slice(0, writer.rng.int(1, 3))
    .sort((a, b) => a - b);
  let any = false;
  for (const at of times) {
    const outcome = writer.rng.weighted(outcomes);
    any = writer.call(at, outcome, ['mobile', 'work_phone']) || any;
    if (outcome === 'conversation') break;
  }
  return any;
}

/** Location contact with a third party: once each (US-REGF-LOC), never naming the debt (1692b, CN-NIFA-3P). */
export function thirdParty(writer: HistoryWriter, day: number): boolean {
  const { debtor } = writer.story;
  const used = new Set(writer.story.contacts.map((c) => c.thirdParty));
  const unanswered = writer.story.contacts.filter(
    (c) => c.kind === 'call' && c.outcome !== 'conversation',
  ).length;
  const index = debtor.thirdParties.findIndex((t, i) =>
    debtor.country === 'CN'
      ? t.debtorAgreed && t.relationship !== 'attorney' && unanswered >= 3
      : ['relative', 'friend', 'neighbor'].includes(t.relationship) && !used.has(i),
  );
  if (index < 0 || (debtor.country === 'US' && used.has(index))) return false;
  const notes =
    debtor.country === 'CN'
      ? '仅询问客户联系方式，未透露欠款信息。'
      : "Asked for the debtor's current number; did not mention the account.";
  return writer.offer({
    at: writer.time(day),
    kind: 'third_party_contact',
    point: null,
    thirdParty: index,
    agent: writer.worker(),
    outcome: 'third_party',
    durationSeconds: writer.rng.int(30, 180),
    notes,
    details: { purpose: 'location' },
  });
}
