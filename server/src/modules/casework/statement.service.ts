import { debtorLanguages, type Language } from '@arrears/shared/domain/language';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { Statement } from '@arrears/shared/schemas/casework';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  agencies,
  agencyPlacements,
  cases,
  creditors,
  debtors,
  payments,
  portfolios,
} from '../../db/schema/index.ts';
import { caseNotFound } from '../../errors.ts';
import { caseScope, selectCases } from '../case-core/case-core.service.ts';

/**
 * The statement of the debt (the debtor's right to know), built from the ledger: what was charged comes from
 * the case, what was paid from the payments themselves (each with its allocation, reversals as negative rows),
 * so the statement's balance is the ledger's even if a cached total on the case drifted. Also returns the
 * case version it was read at, so a send can refuse when a payment lands in between, and the languages the
 * debtor reads it in.
 */
export async function buildStatement(
  db: Executor,
  options: { user: SessionUser; caseId: string; now: Date },
): Promise<{ statement: Statement; version: number; languages: readonly Language[] }> {
  const [head] = await selectCases(db, {
    caseRow: cases,
    debtorName: debtors.fullName,
    debtorLanguage: debtors.language,
    jurisdictionCountry: debtors.jurisdictionCountry,
    portfolioName: portfolios.name,
    creditorName: creditors.name,
  })
    .innerJoin(creditors, eq(creditors.id, portfolios.creditorId))
    .where(and(eq(cases.id, options.caseId), caseScope(options.user)));
  if (!head) throw caseNotFound();
  const c = head.caseRow;
  const [ledger, [placement]] = await Promise.all([
    db
      .select()
      .from(payments)
      .where(eq(payments.caseId, c.id))
      .orderBy(asc(payments.receivedAt), asc(payments.id)),
    db
      .select({ name: agencies.name, placedAt: agencyPlacements.placedAt })
      .from(agencyPlacements)
      .innerJoin(agencies, eq(agencies.id, agencyPlacements.agencyId))
      .where(and(eq(agencyPlacements.caseId, c.id), eq(agencyPlacements.status, 'placed')))
      .orderBy(desc(agencyPlacements.placedAt))
      .limit(1),
  ]);
  const sum = (pick: (p: (typeof ledger)[number]) => number) =>
    ledger.reduce((total, p) => total + pick(p), 0);
  const paid = {
    fees: sum((p) => p.allocatedFeesMinor),
    interest: sum((p) => p.allocatedInterestMinor),
    principal: sum((p) => p.allocatedPrincipalMinor),
  };
  const component = (charged: number, paidMinor: number) => ({
    chargedMinor: charged,
    paidMinor,
    owedMinor: charged - paidMinor,
  });
  const totalChargedMinor = c.principalMinor + c.interestMinor + c.feesMinor;
  const totalPaidMinor = sum((p) => p.amountMinor);
  const statement: Statement = {
    generatedAt: options.now.toISOString(),
    creditorName: head.creditorName,
    portfolioName: head.portfolioName,
    accountRef: c.accountRef,
    debtorName: head.debtorName,
    currency: c.currency,
    dueDate: c.dueDate,
    placedAt: c.placedAt.toISOString(),
    originalPrincipalMinor: c.originalPrincipalMinor,
    principal: component(c.principalMinor, paid.principal),
    interest: component(c.interestMinor, paid.interest),
    fees: component(c.feesMinor, paid.fees),
    payments: ledger.map((p) => ({
      id: String(p.id),
      receivedAt: p.receivedAt.toISOString(),
      amountMinor: p.amountMinor,
      currency: p.currency,
      method: p.method,
      allocation: {
        feesMinor: p.allocatedFeesMinor,
        interestMinor: p.allocatedInterestMinor,
        principalMinor: p.allocatedPrincipalMinor,
      },
      reversesId: p.reversesId === null ? null : String(p.reversesId),
    })),
    totalChargedMinor,
    totalPaidMinor,
    balanceMinor: totalChargedMinor - totalPaidMinor,
    collection: {
      status: c.status,
      stage: c.stage,
      agency: placement ? { name: placement.name, placedAt: placement.placedAt.toISOString() } : null,
    },
  };
  const languages = debtorLanguages({
    language: head.debtorLanguage,
    jurisdictionCountry: head.jurisdictionCountry,
  });
  return { statement, version: c.version, languages };
}

/** The statement's text in the debtor's language, for the letters that carry it (modules/letters). */
export { statementText } from './statement-letter.ts';
