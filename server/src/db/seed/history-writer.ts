import type {
  ActionKind,
  ContactOutcome,
  ContactPointKind,
  OptOutChannel,
} from '@arrears/shared/domain/enums';
import { ContactBudget } from './contact-rules.ts';
import { agentsOf } from './demo-users.ts';
import { dayOf, type LocalStamp, stampOf } from './local-time.ts';
import type { Random } from './random.ts';
import type { CaseStory, ContactEvent } from './story.ts';
import { textsFor } from './texts.ts';

/** How long calls of each outcome last, in seconds (a busy line or a failed dial barely registers). */
const DURATIONS: Partial<Record<ContactOutcome, [number, number]>> = {
  conversation: [90, 900],
  voicemail: [20, 60],
  no_answer: [25, 45],
  wrong_party: [15, 60],
  third_party: [30, 120],
  busy: [2, 5],
};

/**
 * Writes one case's contacts in time order. Every contact is offered to the case's ContactBudget first and
 * only joins the history if the rules allow it; the caller decides what to try instead (history.ts falls
 * back to a letter, which no frequency rule counts). Times are drawn from 09:00–19:59 local, an hour inside
 * the legal window on both sides.
 */
export class HistoryWriter {
  readonly conversations: LocalStamp[] = [];
  private readonly budget: ContactBudget;
  readonly us: boolean;
  private readonly from: number;
  private readonly to: number;

  constructor(
    readonly story: CaseStory,
    readonly rng: Random,
  ) {
    const { debtor } = story;
    this.us = debtor.country === 'US';
    this.budget = new ContactBudget(debtor.country, debtor.region, debtor.inconvenientTimes);
    // Debtors who called mornings or evenings inconvenient are only contacted in the hours they left open.
    const closed = debtor.inconvenientTimes[0]?.from;
    this.from = closed === '08:00' ? 12 * 60 : 9 * 60;
    this.to = closed === '17:00' ? 17 * 60 : 20 * 60;
  }

  time(day: number): LocalStamp {
    return stampOf(day, 0) + this.rng.int(this.from, this.to - 1);
  }

  worker(): string {
    return this.story.agent ?? this.rng.pick(agentsOf(this.story.portfolio.team));
  }

  /** The first of the debtor's contact points of a kind that `channel` may use at `at`. */
  point(
    kind: ContactPointKind,
    at: LocalStamp,
    channel: OptOutChannel,
    usable: (i: number) => boolean = () => true,
  ): number | null {
    const { points, optOuts } = this.story.debtor;
    for (let i = 0; i < points.length; i++) {
      // Opt-outs by channel or by contact point take effect at once (docs/compliance/CATALOG.md, principle 6).
      const optedOut = optOuts.some((o) => o.at <= at && (o.point === i || o.channel === channel));
      if (points[i]!.kind === kind && !optedOut && usable(i)) return i;
    }
    return null;
  }

  /** Adds a contact if the rules allow it; returns whether it was added. */
  offer(
    event: Omit<
      ContactEvent,
      'direction' | 'thirdParty' | 'durationSeconds' | 'purpose' | 'disclosures' | 'notes' | 'details'
    > &
      Partial<ContactEvent>,
  ): boolean {
    const full: ContactEvent = {
      direction: 'outbound',
      thirdParty: null,
      durationSeconds: null,
      purpose: null,
      disclosures: null,
      notes: null,
      details: null,
      ...event,
    };
    const pointKind = full.point === null ? null : this.story.debtor.points[full.point]!.kind;
    const planned = {
      at: full.at,
      kind: full.kind,
      direction: full.direction,
      point: full.point,
      pointKind,
      outcome: full.outcome,
    };
    if (!this.budget.allows(planned)) return false;
    this.budget.add(planned);
    this.story.contacts.push(full);
    if (full.outcome === 'conversation' && (full.kind === 'call' || full.kind === 'field_visit'))
      this.conversations.push(full.at);
    this.story.initialCommunicationAt ??= full.at;
    return true;
  }

  /**
   * The first instant from `from` at which one more call would pass the caps (7-in-7, post-conversation, MA,
   * WA), looking a week ahead: the queue's "next workable time". Null when no phone can be called.
   */
  nextCallAt(from: LocalStamp): LocalStamp | null {
    const phone =
      (['mobile', 'landline'] as const)
        .map((kind) => this.point(kind, from, 'phone'))
        .find((p) => p !== null) ?? null;
    if (phone === null) return null;
    const pointKind = this.story.debtor.points[phone]!.kind;
    let at = Math.max(from, stampOf(dayOf(from), 0) + this.from);
    for (let i = 0; i < 9; i++) {
      if (at - stampOf(dayOf(at), 0) >= this.to) at = stampOf(dayOf(at) + 1, 0) + this.from;
      if (
        this.budget.allows({
          at,
          kind: 'call',
          direction: 'outbound',
          point: phone,
          pointKind,
          outcome: 'no_answer',
        })
      )
        return at;
      at = stampOf(dayOf(at) + 1, 0) + this.from;
    }
    return null;
  }

  /** An agent's call to the first reachable number of `kinds`; false when none may be called at `at`. */
  call(
    at: LocalStamp,
    outcome: ContactOutcome,
    kinds: readonly ContactPointKind[] = ['mobile', 'landline', 'work_phone'],
  ): boolean {
    const { debtor } = this.story;
    // Work numbers only where the employer allows it, and never in MA or WA, whose workplace caps are tight.
    const workOk = (i: number) => {
      const p = debtor.points[i]!;
      return (
        p.kind !== 'work_phone' ||
        (!p.employerProhibits && !p.inconvenient && debtor.region !== 'MA' && debtor.region !== 'WA')
      );
    };
    for (const kind of kinds) {
      const point = this.point(kind, at, 'phone', workOk);
      if (point === null) continue;
      const range = DURATIONS[outcome];
      const talked = outcome === 'conversation';
      return this.offer({
        at,
        kind: 'call',
        point,
        agent: this.worker(),
        outcome,
        durationSeconds: range ? this.rng.int(range[0], range[1]) : 0,
        disclosures: this.us && talked ? ['mini_miranda'] : null,
        notes: talked ? this.rng.pick(textsFor(debtor.country).conversationNotes) : null,
      });
    }
    return false;
  }

  /**
   * A text (to a mobile with consent not revoked), e-mail, app push or letter, by an agent or by the
   * scheduler (`automated`); US messages carry the Reg F disclosures, the first one the initial notice.
   */
  message(
    kind: ActionKind,
    at: LocalStamp,
    automated: boolean,
    purpose: ContactEvent['purpose'] = 'collection',
  ): boolean {
    const point =
      kind === 'sms'
        ? this.point('mobile', at, 'sms', (i) => {
            const p = this.story.debtor.points[i]!;
            return p.consentSms && (p.consentRevokedAt === null || at < p.consentRevokedAt);
          })
        : kind === 'email'
          ? this.point('email', at, 'email')
          : kind === 'app_push'
            ? this.point('app', at, 'app_push')
            : this.point('home_address', at, 'letter');
    if (point === null) return false;
    const initial = this.story.initialCommunicationAt === null;
    const miranda = initial ? 'mini_miranda_initial' : 'mini_miranda';
    const disclosures = !this.us
      ? null
      : kind === 'sms' || kind === 'email'
        ? [miranda, 'opt_out']
        : [miranda];
    const bounced = kind === 'email' && this.rng.chance(0.05);
    return this.offer({
      at,
      kind,
      point,
      agent: automated ? null : this.worker(),
      outcome: bounced ? 'bounced' : 'sent',
      purpose,
      disclosures,
    });
  }
}
