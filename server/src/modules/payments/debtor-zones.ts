import { jurisdictionCalendarZone, localDate } from '@arrears/shared/domain/calendar';
import type { DebtorCalendar } from '@arrears/shared/domain/promise-state';
import { asc, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { contactPoints, debtors } from '../../db/schema/index.ts';
import { type CaseRow, candidateZonesOf } from '../case-core/case-core.service.ts';

/**
 * The zone of each debtor's calendar, chosen as the calendar module chooses it (shared/src/domain/calendar.ts): the zone the
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
    zones.set(
      debtor.id,
      own[0] ??
        jurisdictionCalendarZone({ country: debtor.jurisdictionCountry, region: debtor.jurisdictionRegion }),
    );
  }
  return zones;
}

/** The debtor's calendar for a money write on a case: its zone (promise dates are days on it) and today on it. */
export async function moneyCalendar(db: Executor, caseRow: CaseRow, now: Date): Promise<DebtorCalendar> {
  const zone = (await calendarZones(db, [caseRow.debtorId])).get(caseRow.debtorId) ?? 'UTC';
  return { zone, today: localDate(zone, now) };
}
