import type { CaseFrame, CasePlanner } from './case-story.ts';
import { cnMobile, usPhone } from './contact-values.ts';
import { agentsOf, supervisorOf } from './demo-users.ts';
import { usState } from './geography.ts';
import { type LocalStamp, stampOf } from './local-time.ts';
import type { Random } from './random.ts';
import type { CaseStory } from './story.ts';
import { textsFor } from './texts.ts';

type Flag =
  | 'none'
  | 'cease'
  | 'attorney'
  | 'bankrupt'
  | 'deceased'
  | 'disputeOpen'
  | 'disputeVerified'
  | 'complaintOpen'
  | 'complaintResolved';

/** Per thousand eligible cases (active, over 20 days past due): how often each event happens; one at most. */
const US_FLAGS: readonly (readonly [Flag, number])[] = [
  ['none', 920],
  ['cease', 10],
  ['attorney', 10],
  ['bankrupt', 6],
  ['deceased', 3],
  ['disputeOpen', 12],
  ['disputeVerified', 10],
  ['complaintOpen', 6],
  ['complaintResolved', 6],
];
const CN_FLAGS: readonly (readonly [Flag, number])[] = [
  ['none', 970],
  ['deceased', 3],
  ['disputeOpen', 5],
  ['complaintOpen', 6],
  ['complaintResolved', 6],
];

const ATTORNEYS = ['Priya Natarajan, Esq.', 'Daniel Cho, Esq.', 'Rachel Goldberg, Esq.', 'Marcus Bell, Esq.'];

/** A daytime instant on a day, when offices receive mail and debtors call. */
export const daytime = (rng: Random, day: number): LocalStamp => stampOf(day, rng.int(9, 16), rng.int(0, 59));

/**
 * The events that change a case's course, decided before its contact history so the history can respect
 * them: debtor flags (cease, attorney, bankruptcy, death), disputes, complaints, consent revocations and
 * opt-outs. Each stop shortens the frame; nothing is collected after it.
 */
export const planCaseEvents: CasePlanner = (story, frame, rng, ctx, daysPastDue) => {
  const { today } = ctx.clock(story.debtor.zone);
  const { debtor } = story;
  const texts = textsFor(debtor.country);
  const worker = story.agent ?? rng.pick(agentsOf(story.portfolio.team));
  const stopOn = (day: number): LocalStamp => {
    const at = daytime(rng, day);
    frame.lastDay = Math.min(frame.lastDay, day - 1);
    frame.stopAt = at;
    return at;
  };
  /** A day in [from, to], or null when the frame has no room for it. */
  const dayIn = (from: number, to: number) => (from <= to ? rng.int(from, to) : null);
  const flag =
    story.status === 'active' && daysPastDue > 20
      ? rng.weighted(debtor.country === 'US' ? US_FLAGS : CN_FLAGS)
      : 'none';
  const recent = dayIn(Math.max(frame.firstDay + 10, today - 60), frame.lastDay);
  if (flag === 'cease' && recent !== null) {
    debtor.ceaseRequestedAt = stopOn(recent);
    // docs/compliance/CATALOG.md, principle 9: after a cease request only the letter that acknowledges it may go out.
    const ack = recent + rng.int(1, 3);
    if (ack < today) frame.letters.push({ at: stampOf(ack, 10, rng.int(0, 59)), purpose: 'cease_ack' });
  } else if (flag === 'attorney' && recent !== null) {
    const name = rng.pick(ATTORNEYS);
    const phone = usPhone(rng, 212);
    debtor.attorney = { name, contact: phone, since: stopOn(recent) };
    debtor.thirdParties.push({ name, relationship: 'attorney', phone, debtorAgreed: true });
  } else if (flag === 'bankrupt' && recent !== null) {
    debtor.bankruptcyFiledAt = stopOn(recent);
  } else if (flag === 'deceased' && recent !== null) {
    debtor.deceasedAt = stopOn(recent);
    const last = debtor.fullName.split(' ').pop() ?? '';
    const name =
      debtor.country === 'US'
        ? `${rng.pick(ctx.pools.usFirst)} ${last}`
        : `${debtor.fullName.slice(0, 1)}${rng.pick(ctx.pools.cnGiven)}`;
    const phone =
      debtor.country === 'US'
        ? usPhone(rng, usState(debtor.region ?? '').areaCodes[0] ?? 212)
        : cnMobile(rng);
    // US-REGF-DECEASED: the estate's representative is the one person the collector may still contact.
    debtor.thirdParties.push({ name, relationship: 'executor', phone, debtorAgreed: true });
  } else if (flag === 'disputeOpen') {
    const day = dayIn(Math.max(frame.firstDay + 5, today - 25), frame.lastDay);
    if (day !== null)
      story.disputes.push({
        receivedAt: stopOn(day),
        reason: rng.pick(texts.disputeReasons),
        verificationSentAt: null,
        recordedBy: worker,
      });
  } else if (flag === 'disputeVerified') {
    const day = dayIn(frame.firstDay + 5, Math.min(frame.lastDay, today - 40));
    if (day !== null) {
      const sent = stampOf(day + rng.int(7, 25), 10, rng.int(0, 59));
      frame.pauses.push([day, day + 25]);
      frame.letters.push({ at: sent, purpose: 'validation_notice' });
      story.disputes.push({
        receivedAt: daytime(rng, day),
        reason: rng.pick(texts.disputeReasons),
        verificationSentAt: sent,
        recordedBy: worker,
      });
    }
  } else if (flag === 'complaintOpen' || flag === 'complaintResolved') {
    planComplaint(story, frame, rng, today, worker, flag === 'complaintOpen', stopOn);
  }
  planOptOuts(story, frame, rng);
};

function planComplaint(
  story: CaseStory,
  frame: CaseFrame,
  rng: Random,
  today: number,
  agent: string,
  open: boolean,
  stopOn: (day: number) => LocalStamp,
): void {
  const texts = textsFor(story.debtor.country);
  const from = open ? Math.max(frame.firstDay + 5, today - 14) : frame.firstDay + 5;
  const to = open ? frame.lastDay : Math.min(frame.lastDay, today - 20);
  if (from > to) return;
  const day = rng.int(from, to);
  const receivedAt = open ? stopOn(day) : daytime(rng, day);
  // Regulation (CFPB) expects a response within 15 days; an open complaint holds the case until then.
  const resolveBy = stampOf(day + 15, 17);
  if (open) {
    story.holdUntil = resolveBy;
    story.holdReason = 'Complaint under review';
  }
  story.complaints.push({
    receivedAt,
    agent,
    channel: rng.pick(['phone', 'email', 'letter', 'regulator']),
    description: rng.pick(texts.complaints),
    status: open ? rng.pick(['open', 'investigating'] as const) : 'resolved',
    assignedTo: supervisorOf(story.portfolio.team),
    resolveBy,
    resolution: open ? null : rng.pick(texts.resolutions),
    resolvedAt: open ? null : daytime(rng, day + rng.int(3, 14)),
  });
}

/** TCPA revocations ("STOP") and Reg F 1006.14(h) opt-outs, which take effect at once (docs/compliance/CATALOG.md, principle 6). */
function planOptOuts(story: CaseStory, frame: CaseFrame, rng: Random): void {
  const { debtor } = story;
  if (frame.lastDay - frame.firstDay < 4) return;
  const when = () => daytime(rng, rng.int(frame.firstDay + 2, frame.lastDay));
  for (const point of debtor.points) {
    if (debtor.country === 'US' && point.consentSms && rng.chance(0.07)) point.consentRevokedAt = when();
  }
  if (debtor.country === 'CN') {
    if (rng.chance(0.01)) debtor.optOuts.push({ channel: 'app_push', point: null, at: when() });
    return;
  }
  if (!rng.chance(0.05)) return;
  const work = debtor.points.findIndex((p) => p.kind === 'work_phone');
  const choice = rng.weighted([
    ['sms', 3],
    ['email', 3],
    ['work', work >= 0 ? 3 : 0],
    ['phone', 1],
  ] as const);
  if (choice === 'work') debtor.optOuts.push({ channel: null, point: work, at: when() });
  else debtor.optOuts.push({ channel: choice, point: null, at: when() });
}
