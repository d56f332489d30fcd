import type { CaseFrame } from './case-story.ts';
import type { BookContext } from './context.ts';
import { HistoryWriter } from './history-writer.ts';
import { dayOf, type LocalStamp, stampOf } from './local-time.ts';
import type { Random } from './random.ts';
import type { CaseStory } from './story.ts';
import { dial, inbound, reminder, thirdParty } from './touch-actions.ts';

/**
 * Plans a generic case's contacts inside its frame; the returned writer knows its conversations (the ledger
 * turns some into promises and plans) and what the caps still allow. Touch days cluster in the weeks after placement and in the last
 * three weeks, as a worked book does; fixed events (the validation notice, letters allowed after a stop, a
 * completed visit) keep their own days.
 */
export function planHistory(
  story: CaseStory,
  frame: CaseFrame,
  rng: Random,
  ctx: BookContext,
): HistoryWriter {
  const writer = new HistoryWriter(story, rng);
  const { today } = ctx.clock(story.debtor.zone);
  const fixed = new Map<number, () => void>();
  if (story.debtor.country === 'US' && frame.firstDay <= frame.lastDay) {
    // Reg F 1006.34: the validation notice is the initial communication, mailed the day after placement.
    fixed.set(frame.firstDay, () => {
      if (writer.message('letter', stampOf(frame.firstDay, 10, rng.int(0, 59)), true, 'validation_notice')) {
        story.validationNoticeSentAt = story.initialCommunicationAt;
      }
    });
  }
  for (const letter of frame.letters) {
    fixed.set(dayOf(letter.at), () => writer.message('letter', letter.at, false, letter.purpose));
  }
  const visitAt = frame.visitAt;
  if (visitAt !== null) fixed.set(dayOf(visitAt), () => visit(story, writer, visitAt));

  const from = story.debtor.country === 'US' ? frame.firstDay + 1 : frame.firstDay;
  const span = frame.lastDay - from + 1;
  const touches = new Set<number>();
  if (span > 0) {
    const count = Math.min(
      Math.ceil(span / 2),
      rng.int(1, 8) + (story.dueDay < today - 60 ? rng.int(0, 3) : 0),
    );
    for (let i = 0; i < count; i++) {
      const roll = rng.next();
      const day =
        roll < 0.4
          ? from + rng.int(0, span - 1)
          : roll < 0.7
            ? from + rng.int(0, Math.min(span, 30) - 1)
            : frame.lastDay - rng.int(0, Math.min(span, 21) - 1);
      if (!fixed.has(day) && !frame.pauses.some(([a, b]) => day >= a && day <= b)) touches.add(day);
    }
  }
  const days = [...new Set([...fixed.keys(), ...touches])].sort((a, b) => a - b);
  for (const day of days) {
    const event = fixed.get(day);
    if (event) event();
    else touch(story, frame, writer, rng, day);
  }
  return writer;
}

function touch(story: CaseStory, frame: CaseFrame, writer: HistoryWriter, rng: Random, day: number): void {
  if (day < frame.agentFrom || story.stage === 'reminder') {
    reminder(writer, day);
    return;
  }
  const action = rng.weighted([
    ['dial', 62],
    ['inbound', 6],
    ['sms', 14],
    ['email', 9],
    ['letter', 6],
    ['thirdParty', 3],
  ] as const);
  const at = writer.time(day);
  const done =
    action === 'dial'
      ? dial(writer, day)
      : action === 'inbound'
        ? inbound(writer, day)
        : action === 'thirdParty'
          ? thirdParty(writer, day)
          : writer.message(action, at, false);
  // A contact the rules or the debtor's choices refuse becomes a letter, which no frequency rule counts.
  if (!done && action !== 'letter') writer.message('letter', at, false);
}

function visit(story: CaseStory, writer: HistoryWriter, at: LocalStamp): void {
  const home = writer.point('home_address', at, 'field_visit');
  const plan = story.fieldVisits[0];
  const talked = plan?.metDebtor ?? false;
  writer.offer({
    at,
    kind: 'field_visit',
    point: home,
    agent: plan?.createdBy ?? writer.worker(),
    outcome: talked ? 'conversation' : 'no_answer',
    durationSeconds: talked ? 900 : 120,
    notes: plan?.outcome ?? null,
    details: { recordingRef: plan?.recordingRef ?? null },
  });
}
