import type { EffectiveParameters } from '@arrears/shared/compliance/packs';
import { DAY_MS } from '@arrears/shared/domain/calendar';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import {
  cases,
  contactLog,
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
import type { ContactLogRow } from './facts.mapping.ts';
import type { Approval } from './facts.ts';
import { loggedHistoryOf } from './facts-batch.queries.ts';
import { assembleCase, type CaseHead, caseParameters, type LoadedCase } from './facts-batch.ts';
import { liveApproval } from './live-approvals.ts';
import { historyDays } from './parameters.ts';
import type { PromiseRow } from './promise-standing.ts';

export interface AtOnceOptions {
  /**
   * Where the contact history read starts. Rows before the case's own window (its portfolio's parameters) are
   * dropped; a window reaching further back than this costs a second round trip.
   */
  historySince: Date;
  /** Also read the case's live promises due on or after this date (what promiseStanding needs). */
  promisesSince?: string;
  /** Also read the ids of the debtor's other active cases. */
  siblings?: boolean;
  /** Only a case matching this condition on `cases` (a viewer's scope): null otherwise, as for a missing case. */
  scope?: SQL;
  /** Also read the debtor's third parties (creation order). */
  thirdParties?: boolean;
  /**
   * The instant the approvals must still be usable at, when it is not `at`: the guard books a visit now for a later
   * slot, and the approval is used when the visit is booked (decision record 026).
   */
  approvalsAt?: Date;
}

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
  promises: Array<{ status: PromiseRow['status']; dueDate: string; createdAt: string }> | null;
  siblings: string[] | null;
  people: Record<string, unknown>[] | null;
}

/**
 * Everything the engine and the queues need about one case in ONE statement (each list a JSON subselect): the
 * same rows and conditions as loadCaseFacts and loadFactsForCases, mapped by the same functions. The guard reads a
 * case's facts this way before judging and again after recording, where several statements per read made up most
 * of a guarded action's cost. Null when the case does not exist.
 */
export async function loadCaseAtOnce(
  db: Executor,
  caseId: string,
  at: Date,
  options: AtOnceOptions,
): Promise<CaseAtOnce | null> {
  const since = options.historySince.toISOString();
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
  // The scope names `cases` itself, so it is checked on the row by its key rather than on the alias.
  const scoped =
    options.scope === undefined
      ? sql``
      : sql`and exists (select 1 from ${cases} where ${cases.id} = c.id and ${options.scope})`;
  const [row] = await queryRows<Json>(
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
              'outcome', x.outcome, 'thirdPartyId', x.third_party_id))
            from ${contactLog} x where x.debtor_id = c.debtor_id
              and (x.occurred_at >= ${since}::timestamptz or x.kind = 'third_party_contact')), '[]'::jsonb)
            as logged,
          coalesce((select jsonb_agg(jsonb_build_object('caseId', v.case_id, 'at', v.scheduled_for,
              'addressId', v.address_id))
            from ${fieldVisits} v join ${cases} vc on vc.id = v.case_id
            where vc.debtor_id = c.debtor_id and v.status = 'scheduled'), '[]'::jsonb) as scheduled,
          ${promisesPart} as promises,
          ${siblingsPart} as siblings,
          ${peoplePart} as people
        from ${cases} c ${CASE_HEAD_JOINS}
        where c.id = ${caseId} ${scoped}`,
  );
  if (!row) return null;
  const fromJson = caseHeadFromJson(row);
  const head = fromJson.head;
  const params = caseParameters(head);
  const logged = await history(db, head, params, at, options.historySince, row.logged);
  const scheduled = row.scheduled.map(
    (visit): ContactLogRow => ({
      occurredAt: new Date(visit.at),
      kind: 'field_visit',
      direction: 'outbound',
      contactPointId: visit.addressId,
      caseIds: [visit.caseId],
      outcome: null,
      thirdPartyId: null,
    }),
  );
  const loaded = assembleCase(head, params, {
    points: fromJson.points,
    optOuts: fromJson.optOuts,
    disputes: fromJson.disputes,
    approvals: row.approvals,
    history: [...logged, ...scheduled],
  });
  return {
    loaded,
    promises: (row.promises ?? []).map((p) => ({
      caseId,
      status: p.status,
      dueDate: p.dueDate,
      createdAt: new Date(p.createdAt),
    })),
    siblings: row.siblings ?? [],
    thirdParties: (row.people ?? []).map((json) => rowFromJson(thirdParties, json)),
  };
}

/** The logged history inside the case's own window, read again from further back when the window needs it. */
async function history(
  db: Executor,
  head: CaseHead,
  params: EffectiveParameters | string,
  at: Date,
  readSince: Date,
  json: Json['logged'],
): Promise<ContactLogRow[]> {
  if (typeof params === 'string') return [];
  const from = at.getTime() - historyDays(params) * DAY_MS;
  const rows =
    from >= readSince.getTime()
      ? json.map((row) => ({ ...row, occurredAt: new Date(row.occurredAt) }))
      : await loggedHistoryOf(db, [head.debtor.id], new Date(from));
  return rows.filter((row) => row.occurredAt.getTime() >= from || row.kind === 'third_party_contact');
}
