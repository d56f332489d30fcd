import { zonesForJurisdiction } from '@arrears/shared/compliance/jurisdiction-zones';
import { formatMoney } from '@arrears/shared/domain/money';
import { localDate } from '@arrears/shared/domain/promise-state';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/client.ts';
import { cases, contactPoints, debtors } from '../../db/schema/index.ts';
import { AppError, caseNotFound, invalidField } from '../../errors.ts';
import { lockDebtorOfCase } from '../compliance/case-lock.ts';
import { candidateZonesOf } from '../compliance/facts.mapping.ts';
import { refreshWorkability } from '../queues/workability.ts';

export type CaseRow = typeof cases.$inferSelect;

export interface LockedCase {
  caseRow: CaseRow;
  /** The zone of the debtor's calendar: promise dates are days on it. */
  zone: string;
  /** Today on the debtor's calendar. */
  today: string;
}

/**
 * Opens a money write on a case: scope check and the debtor's advisory lock (the guard's lock, so a payment
 * that closes the case lands in order with contact decisions), then the case row FOR NO KEY UPDATE because
 * balances are read, changed and written back (the weaker lock still lets rows that reference the case be
 * inserted meanwhile). Reads after the locks see every earlier write (READ COMMITTED).
 */
export async function lockCaseForMoney(
  tx: Transaction,
  user: SessionUser,
  caseId: string,
  now: Date,
): Promise<LockedCase> {
  await lockDebtorOfCase(tx, user, caseId);
  const [caseRow] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('no key update');
  if (!caseRow) throw caseNotFound();
  const zone = (await calendarZones(tx, [caseRow.debtorId])).get(caseRow.debtorId) ?? 'UTC';
  return { caseRow, zone, today: localDate(zone, now) };
}

/**
 * The zone of each debtor's calendar, chosen as the compliance engine chooses it (decision 1): the zone the
 * debtor named, else a contact point's zone, else their jurisdiction's first zone; UTC only for countries
 * without a pack.
 */
export async function calendarZones(
  db: Executor,
  debtorIds: readonly string[],
): Promise<Map<string, string>> {
  if (debtorIds.length === 0) return new Map();
  const [debtorRows, points] = await Promise.all([
    db
      .select()
      .from(debtors)
      .where(inArray(debtors.id, [...debtorIds])),
    db
      .select()
      .from(contactPoints)
      .where(inArray(contactPoints.debtorId, [...debtorIds]))
      .orderBy(asc(contactPoints.createdAt), asc(contactPoints.id)),
  ]);
  const zones = new Map<string, string>();
  for (const debtor of debtorRows) {
    const own = candidateZonesOf(
      debtor,
      points.filter((p) => p.debtorId === debtor.id),
    );
    const fallback = zonesForJurisdiction({
      country: debtor.jurisdictionCountry,
      region: debtor.jurisdictionRegion,
    });
    zones.set(debtor.id, own[0] ?? fallback[0] ?? 'UTC');
  }
  return zones;
}

/** Promises, plans and payments belong to cases still being worked. */
export function requireActive(caseRow: CaseRow, what: string): void {
  if (caseRow.status !== 'active') {
    throw new AppError(
      'PRECONDITION_FAILED',
      `The case is closed (${caseRow.status}); ${what} cannot be recorded on it.`,
    );
  }
}

/** The amount must be in the case's currency: no conversion happens anywhere. */
export function requireCurrency(caseRow: CaseRow, currency: string): void {
  if (currency !== caseRow.currency) {
    throw invalidField(
      'currency',
      `this case is in ${caseRow.currency}; an amount in ${currency} cannot be recorded on it`,
    );
  }
}

/**
 * Bumps the case's version (every write does) with what the write changed, then re-ranks the case in the queues:
 * a promise, a payment or a cleared balance changes its priority and whether it is workable. Returns the new row.
 */
export async function bumpCaseVersion(
  db: Executor,
  caseId: string,
  changes: Partial<typeof cases.$inferInsert>,
  now: Date,
): Promise<CaseRow> {
  const [row] = await db
    .update(cases)
    .set({ ...changes, version: sql`${cases.version} + 1`, updatedAt: now })
    .where(eq(cases.id, caseId))
    .returning();
  await refreshWorkability(db, [caseId], now);
  return row!;
}

/** Nothing is promised or paid beyond what is owed. */
export function requireWithinBalance(caseRow: CaseRow, field: string, amountMinor: number): void {
  if (amountMinor > caseRow.balanceMinor) {
    const money = (minor: number) => formatMoney(minor, caseRow.currency, 'en-US');
    throw invalidField(
      field,
      `${money(amountMinor)} is more than the ${money(caseRow.balanceMinor)} owed on this case`,
      { balanceMinor: caseRow.balanceMinor },
    );
  }
}
