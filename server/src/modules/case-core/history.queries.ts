import type { EffectiveParameters } from '@arrears/shared/compliance/packs';
import { DAY_MS } from '@arrears/shared/domain/calendar';
import { and, eq, gte, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { contactLog } from '../../db/schema/index.ts';
import type { CaseHead } from './facts.assemble.ts';
import type { ContactLogRow } from './facts.mapping.ts';
import { historyDays } from './parameters.ts';

type HistoryRow = ContactLogRow & { debtorId: string };

/**
 * The debtors' contact log since `since`, plus every third-party contact ever (US-REGF-LOC is "once"), as the
 * facts loader's statement reads it for one debtor.
 */
function loggedHistoryOf(db: Executor, debtorIds: string[], since: Date): Promise<HistoryRow[]> {
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
      purpose: contactLog.purpose,
    })
    .from(contactLog)
    .where(
      and(
        inArray(contactLog.debtorId, debtorIds),
        or(gte(contactLog.occurredAt, since), eq(contactLog.kind, 'third_party_contact')),
        // A row a later one corrects (a message that failed, bounced or was delivered) is read as the later one.
        sql`not exists (select 1 from ${contactLog} k where k.corrects_id = ${contactLog.id})`,
      ),
    );
}

/** Where a case's history window starts: its portfolio's longest rule window before `at`. */
export const windowStart = (params: EffectiveParameters, at: Date) =>
  at.getTime() - historyDays(params) * DAY_MS;

/**
 * The logged history of the debtors whose case's window reaches further back than the first read, read again in
 * one statement from the earliest of those windows; by debtor. Empty when every window fit.
 */
export async function historyBeyond(
  db: Executor,
  heads: ReadonlyArray<{ head: CaseHead; params: EffectiveParameters | string }>,
  at: Date,
  readSince: Date,
): Promise<Map<string, ContactLogRow[]>> {
  const beyond = heads.flatMap(({ head, params }) =>
    typeof params !== 'string' && windowStart(params, at) < readSince.getTime()
      ? [{ debtorId: head.debtor.id, from: windowStart(params, at) }]
      : [],
  );
  const byDebtor = new Map<string, ContactLogRow[]>();
  if (beyond.length === 0) return byDebtor;
  const debtorIds = [...new Set(beyond.map((b) => b.debtorId))];
  for (const id of debtorIds) byDebtor.set(id, []);
  const earliest = Math.min(...beyond.map((b) => b.from));
  for (const { debtorId, ...row } of await loggedHistoryOf(db, debtorIds, new Date(earliest))) {
    byDebtor.get(debtorId)?.push(row);
  }
  return byDebtor;
}
