import type { ActionKind, ContactOutcome, ContactPointKind } from '@arrears/shared/domain/enums';
import { makeAmounts } from './amounts.ts';
import { workable } from './case-finish.ts';
import { newStory } from './case-story.ts';
import { cnMobile, usPhone } from './contact-values.ts';
import type { BookContext } from './context.ts';
import { makeDebtor } from './debtor-story.ts';
import { usState } from './geography.ts';
import { HistoryWriter } from './history-writer.ts';
import { Ledger } from './ledger.ts';
import { dayOf, type LocalStamp, stampAt, stampOf } from './local-time.ts';
import { placementInstant, placementWeekFor } from './placements.ts';
import { createRandom, hashSeed, type Random } from './random.ts';
import { portfolioFor } from './reference-data.ts';
import type { CaseStory, ContactEvent, PromiseStory } from './story.ts';
import { textsFor } from './texts.ts';

export const ALICE = 'alice@arrearsdesk.demo';

export interface SpecialSpec {
  accountRef: string;
  /** The start of a creditor's name and the state (null for China): picks the portfolio. */
  creditor: string;
  region: string | null;
  agent: string;
  daysPastDue: number;
  placedDaysAgo: number;
}

/**
 * A hand-written case history, days counted back from the debtor's today. Every contact still goes through
 * the same ContactBudget as generic cases; a script that would break a rule throws instead of seeding it.
 */
export class SpecialScript {
  readonly story: CaseStory;
  readonly today: number;
  private readonly writer: HistoryWriter;
  readonly ledger: Ledger;
  private readonly rng: Random;

  constructor(
    private readonly ctx: BookContext,
    n: number,
    spec: SpecialSpec,
  ) {
    this.rng = createRandom(hashSeed(ctx.seed, n, 0x5eed));
    const portfolio = portfolioFor(spec.creditor, spec.region);
    const zone = portfolio.country === 'US' ? usState(portfolio.region ?? '').zone : 'Asia/Shanghai';
    this.today = ctx.clock(zone).today;
    const dueDay = this.today - spec.daysPastDue;
    const placementWeek = placementWeekFor(this.today - spec.placedDaysAgo, ctx.now);
    this.story = newStory({
      accountRef: spec.accountRef,
      portfolio,
      debtor: makeDebtor(this.rng, ctx, portfolio, dueDay - 400),
      ...makeAmounts(this.rng, portfolio.creditor.product, spec.daysPastDue),
      dueDay,
      placementWeek,
      stage: 'agent',
      agent: spec.agent,
      limitationsExpiresAt: stampOf(dueDay + 4 * 365, 0),
    });
    // A special's debtor takes calls at any hour of the window: its script chooses the hours.
    this.story.debtor.inconvenientTimes = [];
    this.writer = new HistoryWriter(this.story, this.rng);
    this.ledger = new Ledger(this.story, this.rng);
    for (const kind of ['mobile', 'home_address'] as const) this.point(kind);
    // The scripts text the mobile, so it carries the consent the debtor gave the creditor (TCPA).
    const mobile = this.story.debtor.points[this.point('mobile')]!;
    Object.assign(mobile, {
      consentSms: true,
      consentAutodial: true,
      consentGivenAt: stampOf(dueDay - 400, 12),
    });
  }

  /** The first day the case could be worked: the day after its placement file was imported. */
  get firstDay(): number {
    return dayOf(stampAt(this.story.debtor.zone, placementInstant(this.story.placementWeek))) + 1;
  }

  at(daysAgo: number, clock: string): LocalStamp {
    return stampOf(this.today - daysAgo, Number(clock.slice(0, 2)), Number(clock.slice(3, 5)));
  }

  /** The index of the debtor's contact point of a kind, adding one (with consent, for a mobile) if missing. */
  point(kind: ContactPointKind): number {
    const { debtor } = this.story;
    const found = debtor.points.findIndex((p) => p.kind === kind);
    if (found >= 0) return found;
    const us = debtor.country === 'US';
    const area = us ? (usState(debtor.region ?? '').areaCodes[0] ?? 212) : 0;
    const value =
      kind === 'email'
        ? `${debtor.fullName.toLowerCase().replace(/[^a-z]+/g, '.')}${this.rng.int(10, 99)}@gmail.com`
        : us
          ? usPhone(this.rng, area)
          : cnMobile(this.rng);
    debtor.points.push({
      kind,
      value: kind === 'home_address' ? `${this.rng.int(10, 999)} Main Street, ${debtor.region}` : value,
      label: kind,
      verified: true,
      consentSms: kind === 'mobile',
      consentAutodial: kind === 'mobile',
      consentGivenAt: kind === 'mobile' ? stampOf(this.story.dueDay - 400, 12) : null,
      consentRevokedAt: null,
      employerProhibits: false,
      inconvenient: false,
    });
    return debtor.points.length - 1;
  }

  /** Reg F 1006.34: the validation notice, mailed the day after placement, is the initial communication. */
  validationNotice(): void {
    this.expect(this.writer.message('letter', stampOf(this.firstDay, 10, 15), true, 'validation_notice'));
    this.story.validationNoticeSentAt = this.story.initialCommunicationAt;
  }

  call(
    daysAgo: number,
    clock: string,
    outcome: ContactOutcome,
    pointKind: ContactPointKind = 'mobile',
  ): LocalStamp {
    const at = this.at(daysAgo, clock);
    const talked = outcome === 'conversation';
    const us = this.story.debtor.country === 'US';
    this.contact({
      at,
      kind: 'call',
      point: this.point(pointKind),
      agent: this.story.agent,
      outcome,
      durationSeconds: talked ? 420 : outcome === 'voicemail' ? 35 : 30,
      disclosures: us && talked ? ['mini_miranda'] : null,
      notes: talked ? (textsFor(this.story.debtor.country).conversationNotes[0] ?? null) : null,
    });
    return at;
  }

  message(
    daysAgo: number,
    clock: string,
    kind: ActionKind,
    options: { automated?: boolean; purpose?: ContactEvent['purpose'] } = {},
  ): void {
    if (kind === 'email') this.point('email');
    this.expect(
      this.writer.message(
        kind,
        this.at(daysAgo, clock),
        options.automated ?? false,
        options.purpose ?? 'collection',
      ),
    );
  }

  contact(
    event: Partial<ContactEvent> & Pick<ContactEvent, 'at' | 'kind' | 'point' | 'agent' | 'outcome'>,
  ): void {
    this.expect(this.writer.offer(event));
  }

  promise(
    createdAt: LocalStamp,
    dueDay: number,
    amountMinor: number,
    status: PromiseStory['status'],
    resolvedAt: LocalStamp | null = null,
  ): PromiseStory {
    const promise: PromiseStory = {
      createdAt: createdAt + 1,
      createdBy: this.story.agent,
      dueDay,
      amountMinor,
      status,
      resolvedAt,
      plan: null,
    };
    this.story.promises.push(promise);
    return promise;
  }

  note(at: LocalStamp, body: string): void {
    this.story.notes.push({ at, author: this.story.agent ?? '', body });
  }

  finish(): CaseStory {
    const { story } = this;
    story.nextWorkableAt = workable(story)
      ? this.writer.nextCallAt(this.ctx.clock(story.debtor.zone).now)
      : null;
    return story;
  }

  private expect(added: boolean): void {
    if (!added)
      throw new Error(`demo special ${this.story.accountRef}: a scripted contact breaks a contact rule`);
  }
}
