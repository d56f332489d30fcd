import type { LocalStamp } from './local-time.ts';
import type { Random } from './random.ts';
import type { CaseStory, PaymentStory } from './story.ts';

/**
 * A case's money: what is owed, and payments allocated fees → interest → principal against it, in time order.
 * A payment never exceeds what is still owed, so the balance never goes below zero.
 */
export class Ledger {
  private paid = { fees: 0, interest: 0, principal: 0 };

  constructor(
    private readonly story: CaseStory,
    private readonly rng: Random,
  ) {}

  get total(): number {
    return this.story.principalMinor + this.story.interestMinor + this.story.feesMinor;
  }

  get owed(): number {
    return this.total - this.paid.fees - this.paid.interest - this.paid.principal;
  }

  pay(at: LocalStamp, amountMinor: number, recordedBy: string | null, viaAgency = false): number {
    const amount = Math.min(amountMinor, this.owed);
    if (amount <= 0) return 0;
    const { story } = this;
    const fees = Math.min(amount, story.feesMinor - this.paid.fees);
    const interest = Math.min(amount - fees, story.interestMinor - this.paid.interest);
    const principal = amount - fees - interest;
    this.paid = {
      fees: this.paid.fees + fees,
      interest: this.paid.interest + interest,
      principal: this.paid.principal + principal,
    };
    const method: PaymentStory['method'] = viaAgency ? 'agency' : this.method();
    const byAgent = method === 'card' || method === 'check';
    story.payments.push({
      at,
      amountMinor: amount,
      method,
      fees,
      interest,
      principal,
      recordedBy: byAgent ? recordedBy : null,
      viaAgency,
    });
    return amount;
  }

  /** What was owed at an instant, from the payments received before it. */
  owedAt(at: LocalStamp): number {
    return (
      this.total - this.story.payments.filter((p) => p.at < at).reduce((sum, p) => sum + p.amountMinor, 0)
    );
  }

  private method(): PaymentStory['method'] {
    if (this.story.debtor.country === 'CN')
      return this.rng.weighted([
        ['wallet', 60],
        ['bank_transfer', 40],
      ] as const);
    const wallet = this.story.portfolio.creditor.product === 'bnpl' ? 20 : 0;
    return this.rng.weighted([
      ['card', 40],
      ['bank_transfer', 25],
      ['wallet', wallet],
      ['check', 10],
    ] as const);
  }
}
