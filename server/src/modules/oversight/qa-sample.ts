import { DEFAULT_PARAMETERS } from '@arrears/shared/compliance/packs';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { EDGE_MINUTES, type QaReason, type QaSampleOutput } from '@arrears/shared/schemas/oversight';
import { and, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { caseScope } from '../cases/case-scope.ts';
import { addDays, localDateIn } from '../queues/debtor-calendar.ts';
import { isoMicros, latestReview, reviewColumns, reviewOf } from './audit.queries.ts';
import {
  contactZone,
  localMidnight,
  windowEnd,
  windowStart,
  zoneMapJoin,
  zoneMapJson,
} from './debtor-zone.ts';

/** What each risk adds to a contact's weight; every contact of the day starts at 1 so any may be drawn. */
export const QA_WEIGHTS: Readonly<Record<QaReason, number>> = {
  after_cease: 5,
  overridden: 5,
  after_dispute: 4,
  near_cap: 3,
  window_edge: 3,
  agent_complaints: 2,
  warned: 2,
};
/** A complaint makes an agent's contacts riskier for this long. */
const COMPLAINT_DAYS = 90;
/** A dispute makes the case's contacts riskier while unverified and this long after it was received. */
const DISPUTE_DAYS = 30;

interface CandidateRow {
  id: string | number;
  occurred_at: string;
  case_id: string;
  account_ref: string;
  agent_id: string | null;
  agent_name: string | null;
  kind: QaSampleOutput['items'][number]['kind'];
  outcome: QaSampleOutput['items'][number]['outcome'];
  decision_id: string | number | null;
  population: string | number;
  review_id: string | number | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
  review_note: string | null;
  review_at: string | null;
  near_cap: boolean;
  window_edge: boolean;
  after_dispute: boolean;
  after_cease: boolean;
  overridden: boolean;
  agent_complaints: boolean;
  warned: boolean;
  weight: number | string;
}

const REASON_ORDER = Object.keys(QA_WEIGHTS) as QaReason[];

/**
 * The day's risk-weighted QA sample: outbound contacts by agents on a local day of the viewer's zone, inside the
 * viewer's scope, drawn without replacement with probability proportional to weight (Efraimidis–Spirakis: each
 * contact gets the key ln(u)/weight and the largest keys win). `u` is a hash of the day and the contact id, so the
 * same day shows the same sample on every reload, to every reviewer, with nothing stored; the risks are read from
 * append-only rows at or before the contact (complaints up to the end of the day), so they do not drift either.
 * See decision record 009.
 */
export async function qaSample(
  db: Executor,
  user: SessionUser,
  input: { date?: string | undefined; teamId?: string | undefined; size: number },
  now: Date,
): Promise<QaSampleOutput> {
  const date = input.date ?? addDays(localDateIn(user.timeZone, now), -1);
  const from = localMidnight(date, user.timeZone);
  const to = localMidnight(date, user.timeZone, 1);
  const zones = await zoneMapJson(db);
  const weight = REASON_ORDER.map(
    (reason) => sql`(case when ${sql.raw(reason)} then ${QA_WEIGHTS[reason]}::int else 0 end)`,
  );
  const rows = await queryRows<CandidateRow>(
    db,
    sql`with day as (
        select cl.id, cl.occurred_at, cl.case_id, cl.agent_id, cl.kind, cl.outcome, cl.decision_id,
          cl.contact_point_id, cases.account_ref, d.jurisdiction_country, d.cease_requested_at, p.rule_parameters,
          (cl.occurred_at at time zone ${contactZone}) as lt, ${windowStart()} as ws, ${windowEnd()} as we
        from contact_log cl
        join cases on cases.id = cl.case_id
        join debtors d on d.id = cl.debtor_id
        join portfolios p on p.id = cases.portfolio_id
        ${zoneMapJoin(zones)}
        where ${and(
          caseScope(user),
          sql`cl.occurred_at >= ${from}`,
          sql`cl.occurred_at < ${to}`,
          sql`cl.direction = 'outbound'`,
          sql`cl.agent_id is not null`,
          input.teamId ? sql`cases.team_id = ${input.teamId}` : undefined,
        )}
      ), risks as (
        select day.*,
          (extract(hour from lt)::int * 60 + extract(minute from lt)::int) as m,
          (day.kind in ('call', 'autodial_call', 'voicemail') and case
            when day.jurisdiction_country = 'CN' then
              (select count(*) from contact_log c2 where c2.case_id = day.case_id
                and c2.contact_point_id is not distinct from day.contact_point_id
                and c2.direction = 'outbound' and c2.outcome <> 'conversation'
                and c2.kind in ('call', 'autodial_call', 'voicemail')
                and c2.occurred_at > day.occurred_at - interval '1 day' and c2.occurred_at <= day.occurred_at)
                >= coalesce((day.rule_parameters ->> 'CN-CBA-DIALS.max')::int,
                            ${DEFAULT_PARAMETERS['CN-CBA-DIALS.max']}::int) - 1
            else
              (select count(*) from contact_log c2 where c2.case_id = day.case_id
                and c2.direction = 'outbound' and c2.kind in ('call', 'autodial_call', 'voicemail')
                and c2.outcome not in ('busy', 'not_in_service', 'failed')
                and c2.occurred_at > day.occurred_at - interval '7 days' and c2.occurred_at <= day.occurred_at)
                >= coalesce((day.rule_parameters ->> 'US-REGF-7IN7.maxCalls')::int,
                            ${DEFAULT_PARAMETERS['US-REGF-7IN7.maxCalls']}::int) - 1
            end) as near_cap,
          exists (select 1 from disputes ds where ds.case_id = day.case_id and ds.received_at <= day.occurred_at
            and (ds.verification_sent_at is null or ds.verification_sent_at > day.occurred_at
                 or ds.received_at > day.occurred_at - ${`${DISPUTE_DAYS} days`}::interval)) as after_dispute,
          coalesce(day.cease_requested_at <= day.occurred_at, false) as after_cease,
          exists (select 1 from compliance_decisions dd where dd.id = day.decision_id
            and dd.outcome = 'overridden') as overridden,
          exists (select 1 from compliance_decisions dd where dd.id = day.decision_id
            and dd.outcome = 'allowed' and jsonb_array_length(dd.warnings) > 0) as warned,
          exists (select 1 from complaints k where k.agent_id = day.agent_id and k.received_at < ${to}
            and k.received_at >= ${to} - ${`${COMPLAINT_DAYS} days`}::interval) as agent_complaints
        from day
      ), weighted as (
        select risks.*,
          ((m >= ws and (m < ws + ${EDGE_MINUTES}::int)) or (m < we and m >= we - ${EDGE_MINUTES}::int)
            or m < ws or m >= we) as window_edge
        from risks
      ), keyed as (
        select weighted.*, 1 + ${sql.join(weight, sql` + `)} as weight,
          ln((('x' || substr(md5(${date} || ':' || weighted.id::text), 1, 8))::bit(32)::bigint + 1)::float8
             / 4294967297.0) as lu,
          count(*) over () as population
        from weighted
      )
      select k.id, ${isoMicros(sql`k.occurred_at`)} as occurred_at, k.case_id, k.account_ref, k.agent_id,
        au.name as agent_name, k.kind, k.outcome, k.decision_id, k.population, k.weight,
        k.near_cap, k.window_edge, k.after_dispute, k.after_cease, k.overridden, k.agent_complaints, k.warned,
        ${reviewColumns}
      from (select * from keyed order by lu / weight desc, id limit ${input.size}) k
      left join users au on au.id = k.agent_id
      ${latestReview('contact_id', sql`k.id`)}
      order by k.weight desc, lu / k.weight desc, k.id`,
  );
  // size is at least 1, so an empty answer means the day had no contacts in scope.
  const population = Number(rows[0]?.population ?? 0);
  return {
    date,
    population,
    items: rows.map((row) => ({
      contactId: Number(row.id),
      occurredAt: row.occurred_at,
      caseId: row.case_id,
      accountRef: row.account_ref,
      agentId: row.agent_id,
      agentName: row.agent_name,
      kind: row.kind,
      outcome: row.outcome,
      decisionId: row.decision_id === null ? null : Number(row.decision_id),
      weight: Number(row.weight),
      reasons: REASON_ORDER.filter((reason) => row[reason]),
      review: reviewOf(row),
    })),
  };
}
