import { DAY_MS } from '@arrears/shared/domain/calendar';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import {
  cases,
  contactLog,
  dialReservations,
  dialResults,
  escalationRequests,
  fieldVisits,
  promises,
  thirdParties,
} from '../../db/schema/index.ts';
import {
  CASE_HEAD_COLUMNS,
  CASE_HEAD_JOINS,
  type CaseHeadJson,
  caseHeadFromJson,
  rowFromJson,
} from './case-head.ts';
import { assembleCase, caseParameters, type LoadedCase } from './facts.assemble.ts';
import type { ContactLogRow } from './facts.mapping.ts';
import type { Approval } from './facts.ts';
import { historyBeyond, windowStart } from './history.queries.ts';
import { liveApproval } from './live-approvals.ts';
import type { PromiseRow } from './promise-standing.ts';

/**
 * History read with the other facts before the portfolio's windows are known: every pack's default windows fit in
 * it (historyDays is 31, or 32 with Massachusetts' 30 days); a portfolio that lengthened a window beyond it costs a
 * second round trip. Rows before the case's own window are dropped, so the facts are the same either way.
 */
const EARLY_HISTORY_DAYS = 32;

export interface AtOnceOptions {
  /**
   * Where the contact history read starts (EARLY_HISTORY_DAYS before `at` when left out). Rows before a case's own
   * window (its portfolio's parameters) are dropped; a window reaching further back than this costs a second
   * round trip, one for all the cases that need it.
   */
  historySince?: Date;
  /** Also read each case's live promises due on or after this date (what promiseStanding needs). */
  promisesSince?: string;
  /** Also read the ids of the debtor's other active cases. */
  siblings?: boolean;
  /** Only cases matching this condition on `cases` (a viewer's scope): the others are left out as missing. */
  scope?: SQL;
  /** Also read the debtor's third parties (creation order). */
  thirdParties?: boolean;
  /**
   * The instant the approvals must still be usable at, when it is not `at`: the guard books a visit now for a later
   * slot, and the approval is used when the visit is booked (decision record 026).
   */
  approvalsAt?: Date;
  /**
   * Also count the debtor's live dial reservations as calls at their instant (what the guard judges by; the queues
   * leave them out, since a reservation that lapses unused must not push a case's workable instant).
   */
  reservations?: boolean;
}

/** The batch's options, the same as one case's: withCase writes a change before anything reads the case again. */
export type BatchOptions = AtOnceOptions;

export interface CaseAtOnce {
  loaded: LoadedCase;
  promises: PromiseRow[];
  siblings: string[];
  /** The debtor's third parties, when asked for (else empty). */
  thirdParties: Array<typeof thirdParties.$inferSelect>;
}

interface Json extends CaseHeadJson {
  approvals: Approval[];
  logged: Array<Omit<ContactLogRow, 'occurredAt'> & { occurredAt: string }>;
  scheduled: Array<{ caseId: string; at: string; addressId: string | null }>;
  reserved: Array<{ caseId: string; at: string; kind: ContactLogRow['kind']; pointId: string }> | null;
  promises: Array<{ status: PromiseRow['status']; dueDate: string; createdAt: string }> | null;
  siblings: string[] | null;
  people: Record<string, unknown>[] | null;
}

/**
 * Everything the engine and the queues need about these cases in ONE statement (each list a JSON subselect per
 * case): the case with its debtor and portfolio, contact points (creation order), opt-outs, disputes, approvals
 * still usable (at `approvalsAt`, else `at`: decision record 026) and history, mapped by assembleCase. History is
 * the debtor's contact log (every debt: frequency is per person, and principle 5 of docs/compliance/CATALOG.md
 * needs conversations about other debts) inside the case's longest rule window before `at`, every third-party
 * contact ever (US-REGF-LOC is "once, ever"), and visits still on the calendar (a completed visit is in the contact
 * log). One case is a batch of one (loadCaseAtOnce): the guard reads a case this way before judging and again
 * after recording, and the queues judge a thousand at a time. A case that does not exist is not in the map.
 */
export async function loadCasesAtOnce(
  db: Executor,
  caseIds: readonly string[],
  at: Date,
  options: BatchOptions = {},
): Promise<Map<string, CaseAtOnce>> {
  const read = new Map<string, CaseAtOnce>();
  if (caseIds.length === 0) return read;
  const historySince = options.historySince ?? new Date(at.getTime() - EARLY_HISTORY_DAYS * DAY_MS);
  const since = historySince.toISOString();
  const promisesPart =
    options.promisesSince === undefined
      ? sql`null::jsonb`
      : sql`coalesce((select jsonb_agg(jsonb_build_object('status', x.status, 'dueDate', x.due_date,
            'createdAt', x.created_at)) from ${promises} x
          where x.case_id = c.id and x.status <> 'cancelled' and x.due_date >= ${options.promisesSince}::date),
          '[]'::jsonb)`;
  const siblingsPart = options.siblings
    ? sql`coalesce((select jsonb_agg(s.id) from ${cases} s
          where s.debtor_id = c.debtor_id and s.status = 'active' and s.id <> c.id), '[]'::jsonb)`
    : sql`null::jsonb`;
  const peoplePart = options.thirdParties
    ? sql`coalesce((select jsonb_agg(to_jsonb(x) order by x.created_at, x.id) from ${thirdParties} x
          where x.debtor_id = c.debtor_id), '[]'::jsonb)`
    : sql`null::jsonb`;
  // A reservation is live from its instant until it lapses or a dial result consumes it (decision record 045).
  const reservedPart = options.reservations
    ? sql`coalesce((select jsonb_agg(jsonb_build_object('caseId', r.case_id, 'at', r.reserved_at, 'kind', r.kind,
          'pointId', r.contact_point_id))
        from ${dialReservations} r where r.debtor_id = c.debtor_id
          and r.reserved_at <= ${at.toISOString()}::timestamptz and r.expires_at > ${at.toISOString()}::timestamptz
          and not exists (select 1 from ${dialResults} d where d.reservation_id = r.id)), '[]'::jsonb)`
    : sql`null::jsonb`;
  // The scope names `cases` itself, so it is checked on the row by its key rather than on the alias.
  const scoped =
    options.scope === undefined
      ? sql``
      : sql`and exists (select 1 from ${cases} where ${cases.id} = c.id and ${options.scope})`;
  const rows = await queryRows<Json>(
    db,
    sql`select ${CASE_HEAD_COLUMNS},
          coalesce((select jsonb_agg(jsonb_build_object('id', ${escalationRequests.id}, 'kind',
              ${escalationRequests.kind}, 'decidedBy', ${escalationRequests.decidedBy})
              order by ${escalationRequests.decidedAt}, ${escalationRequests.id})
            from ${escalationRequests} where ${escalationRequests.caseId} = c.id
              and ${liveApproval(options.approvalsAt ?? at)}), '[]'::jsonb)
            as approvals,
          coalesce((select jsonb_agg(jsonb_build_object('occurredAt', x.occurred_at, 'kind', x.kind,
              'direction', x.direction, 'contactPointId', x.contact_point_id, 'caseIds', x.case_ids,
              'outcome', x.outcome, 'thirdPartyId', x.third_party_id, 'purpose', x.purpose))
            from ${contactLog} x where x.debtor_id = c.debtor_id
              and (x.occurred_at >= ${since}::timestamptz or x.kind = 'third_party_contact')
              and not exists (select 1 from ${contactLog} k where k.corrects_id = x.id)), '[]'::jsonb)
            as logged,
          coalesce((select jsonb_agg(jsonb_build_object('caseId', v.case_id, 'at', v.scheduled_for,
              'addressId', v.address_id))
            from ${fieldVisits} v join ${cases} vc on vc.id = v.case_id
            where vc.debtor_id = c.debtor_id and v.status = 'scheduled'), '[]'::jsonb) as scheduled,
          ${promisesPart} as promises,
          ${siblingsPart} as siblings,
          ${peoplePart} as people,
          ${reservedPart} as reserved
        from ${cases} c ${CASE_HEAD_JOINS}
        where c.id in ${[...caseIds]} ${scoped}`,
  );
  const heads = rows.map((row) => {
    const fromJson = caseHeadFromJson(row);
    const head = fromJson.head;
    return { row, fromJson, head, params: caseParameters(head) };
  });
  const reread = await historyBeyond(db, heads, at, historySince);
  for (const { row, fromJson, head, params } of heads) {
    const caseId = head.caseRow.id;
    // The case's own window: rows the first read took from further back are dropped.
    const from = typeof params === 'string' ? at.getTime() : windowStart(params, at);
    const logged = (
      reread.get(head.debtor.id) ??
      row.logged.map((entry) => ({ ...entry, occurredAt: new Date(entry.occurredAt) }))
    ).filter((entry) => entry.occurredAt.getTime() >= from || entry.kind === 'third_party_contact');
    const scheduled = row.scheduled.map(
      (visit): ContactLogRow => ({
        occurredAt: new Date(visit.at),
        kind: 'field_visit',
        direction: 'outbound',
        contactPointId: visit.addressId,
        caseIds: [visit.caseId],
        outcome: null,
        thirdPartyId: null,
        purpose: null,
      }),
    );
    const reserved = (row.reserved ?? []).map(
      (dial): ContactLogRow => ({
        occurredAt: new Date(dial.at),
        kind: dial.kind,
        direction: 'outbound',
        contactPointId: dial.pointId,
        caseIds: [dial.caseId],
        outcome: null,
        thirdPartyId: null,
        purpose: null,
      }),
    );
    const loaded = assembleCase(head, params, {
      points: fromJson.points,
      optOuts: fromJson.optOuts,
      disputes: fromJson.disputes,
      replies: fromJson.replies,
      approvals: row.approvals,
      history: [...logged, ...scheduled, ...reserved],
    });
    read.set(caseId, {
      loaded,
      promises: (row.promises ?? []).map((p) => ({
        caseId,
        status: p.status,
        dueDate: p.dueDate,
        createdAt: new Date(p.createdAt),
      })),
      siblings: row.siblings ?? [],
      thirdParties: (row.people ?? []).map((json) => rowFromJson(thirdParties, json)),
    });
  }
  return read;
}

/** One case as a batch of one. */
export async function loadCaseAtOnce(
  db: Executor,
  caseId: string,
  at: Date,
  options: AtOnceOptions,
): Promise<CaseAtOnce | null> {
  const read = await loadCasesAtOnce(db, [caseId], at, options);
  return read.get(caseId) ?? null;
}
