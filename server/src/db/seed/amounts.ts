import type { Random } from './random.ts';
import type { Product } from './reference-data.ts';

/**
 * What a debtor owes, by product: principal, interest accrued while overdue, late fees. Integer minor units
 * throughout; `principalMinor` is the principal charged (the ledger keeps payments in `paidMinor`, so
 * balance = principal + interest + fees − paid holds without rewriting principal on each payment).
 */
export interface Amounts {
  originalPrincipalMinor: number;
  principalMinor: number;
  interestMinor: number;
  feesMinor: number;
}

interface ProductTerms {
  /** Principal range in major units. */
  min: number;
  max: number;
  /** Annual interest while overdue, as a fraction (0 for products that charge none). */
  apr: number;
  /** Late fee per overdue month, in minor units, and how many months it is charged at most. */
  monthlyFeeMinor: (principalMinor: number) => number;
  maxFeeMonths: number;
}

const TERMS: Record<Product, ProductTerms> = {
  bnpl: { min: 40, max: 1_200, apr: 0, monthlyFeeMinor: () => 800, maxFeeMonths: 4 },
  card: { min: 400, max: 12_000, apr: 0.2499, monthlyFeeMinor: () => 3_900, maxFeeMonths: 6 },
  utility: { min: 60, max: 2_500, apr: 0, monthlyFeeMinor: (p) => Math.round(p * 0.015), maxFeeMonths: 6 },
  consumer_loan: { min: 2_000, max: 60_000, apr: 0.18, monthlyFeeMinor: () => 0, maxFeeMonths: 0 },
  // Chinese lenders' total cost of credit is capped at 24% a year: interest only, no fees.
  microloan: { min: 300, max: 15_000, apr: 0.24, monthlyFeeMinor: () => 0, maxFeeMonths: 0 },
};

export function makeAmounts(rng: Random, product: Product, daysPastDue: number): Amounts {
  const terms = TERMS[product];
  const major = Math.exp(Math.log(terms.min) + rng.next() * (Math.log(terms.max) - Math.log(terms.min)));
  const principalMinor = Math.round(major) * 100 + rng.int(0, 99);
  // Interest runs from the last statement (a month before the due date), for at most 18 months.
  const interestDays = Math.min(daysPastDue + 30, 540);
  const interestMinor = Math.round((principalMinor * terms.apr * interestDays) / 365);
  const months = Math.min(terms.maxFeeMonths, Math.ceil(daysPastDue / 30));
  const feesMinor = Math.min(
    terms.monthlyFeeMinor(principalMinor) * months,
    Math.round(principalMinor * 0.25),
  );
  return { originalPrincipalMinor: principalMinor, principalMinor, interestMinor, feesMinor };
}
