import { and, eq, gte, inArray, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { contactLog } from '../../db/schema/index.ts';
import type { ContactLogRow } from './facts.mapping.ts';

export type HistoryRow = ContactLogRow & { debtorId: string };

/**
 * The debtors' contact log since `since`, plus every third-party contact ever (US-REGF-LOC is "once"): the second
 * read of the facts loader, for the cases whose portfolio lengthened a window beyond the first read's.
 */
export function loggedHistoryOf(db: Executor, debtorIds: string[], since: Date): Promise<HistoryRow[]> {
  return db
    .select({
      debtorId: contactLog.debtorId,
      occurredAt: contactLog.occurredAt,
      kind: contactLog.kind,
      direction: contactLog.direction,
      contactPointId: contactLog.contactPointId,
      caseIds: contactLog.caseIds,
      outcome: contactLog.outcome,
      thirdPartyId: contactLog.thirdPartyId,
    })
    .from(contactLog)
    .where(
      and(
        inArray(contactLog.debtorId, debtorIds),
        or(gte(contactLog.occurredAt, since), eq(contactLog.kind, 'third_party_contact')),
      ),
    );
}
