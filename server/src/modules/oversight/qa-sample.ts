import { cnCbaDials } from '@arrears/shared/compliance/rules/cn-cba-dials';
import { usRegf7in7 } from '@arrears/shared/compliance/rules/us-regf-7in7';
import { addDays, localDate } from '@arrears/shared/domain/calendar';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { QaReason, QaSampleOutput } from '@arrears/shared/schemas/oversight';
import { and, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { caseScope } from '../cases/cases.service.ts';
import { isoMicros, latestReview, reviewColumns, reviewOf } from './audit.queries.ts';
import { localMidnight } from './debtor-zone.ts';
import { WINDOW_INSIDE } from './insights.ts';

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
  /** Efraimidis–Spirakis key, ln(u) / weight: the larger, the earlier drawn. */
  key: number | string;
}

const REASON_ORDER = Object.keys(QA_WEIGHTS) as QaReason[];
/** Every risk but the cap, which needs a count of the case's calls. */
const CHEAP_REASONS = REASON_ORDER.filter((reason) => reason !== 'near_cap');
/** The stratum of contacts with no risk at all. */
const PLAIN = 'plain';

/**
 * The day's risk-weighted QA sample, stratified by reason: outbound contacts by agents on a local day of the
 * viewer's zone, inside the viewer's scope. Each contact gets an Efraimidis–Spirakis key ln(u)/weight (larger
 * first; drawn by key alone, the sample is weighted without replacement). `u` is a hash of the day and the
 * contact id, so the same day shows the same sample on every reload, to every reviewer, with nothing stored; the
 * risks are read from append-only rows at or before the contact (complaints up to the end of the day), so they do
 * not drift either. Each reason is a stratum (a contact with two reasons is in both; one with none is in the
 * plain stratum), and the sample is dealt from them in rounds: each round every stratum gives its best undrawn
 * contact, strata in the order of those contacts' keys, so a day where one risk dominates still shows every
 * other risk present instead of twenty rows of one. See decision records 009 and 029.
 */
export async function qaSample(
  db: Executor,
  user: SessionUser,
  input: { date?: string | undefined; teamId?: string | undefined; size: number },
  now: Date,
): Promise<QaSampleOutput> {
  const date = input.date ?? addDays(localDate(user.timeZone, now), -1);
  const from = localMidnight(date, user.timeZone);
  const to = localMidnight(date, user.timeZone, 1);
  const cheapWeight = CHEAP_REASONS.map(
    (reason) => sql`(case when ${sql.raw(reason)} then ${QA_WEIGHTS[reason]}::int else 0 end)`,
  );
  const calls = sql`('call', 'autodial_call', 'voicemail')`;
  const rows = await queryRows<CandidateRow>(
    db,
    sql`with day as (
        select cl.id, cl.occurred_at, cl.case_id, cl.agent_id, cl.kind, cl.outcome, cl.decision_id,
          cl.contact_point_id, cases.account_ref, cases.portfolio_id, d.jurisdiction_country,
          -- A key lookup per contact of the day: joined, the planner hashes all of contact_insights.
          coalesce((select ci.window_position <> ${WINDOW_INSIDE}::int from contact_insights ci
            where ci.contact_id = cl.id), false) as window_edge,
          coalesce(d.cease_requested_at <= cl.occurred_at, false) as after_cease
        from contact_log cl
        join cases on cases.id = cl.case_id
        join debtors d on d.id = cl.debtor_id
        where ${and(
          caseScope(user),
          sql`cl.occurred_at >= ${from}`,
          sql`cl.occurred_at < ${to}`,
          sql`cl.direction = 'outbound'`,
          sql`cl.agent_id is not null`,
          input.teamId ? sql`cases.team_id = ${input.teamId}` : undefined,
        )}
      ), complained as (
        select distinct k.agent_id from complaints k
        where k.received_at < ${to} and k.received_at >= ${to} - ${`${COMPLAINT_DAYS} days`}::interval
      ), flagged as (
        select day.*,
          exists (select 1 from disputes ds where ds.case_id = day.case_id and ds.received_at <= day.occurred_at
            and (ds.verification_sent_at is null or ds.verification_sent_at > day.occurred_at
                 or ds.received_at > day.occurred_at - ${`${DISPUTE_DAYS} days`}::interval)) as after_dispute,
          coalesce((select dd.outcome = 'overridden' from compliance_decisions dd where dd.id = day.decision_id),
            false) as overridden,
          coalesce((select dd.outcome = 'allowed' and jsonb_array_length(dd.warnings) > 0
            from compliance_decisions dd where dd.id = day.decision_id), false) as warned,
          day.agent_id in (select agent_id from complained) as agent_complaints,
          day.kind in ${calls} as is_call
        from day
      ), cheap as (
        select flagged.*,
          ln((('x' || substr(md5(${date} || ':' || flagged.id::text), 1, 8))::bit(32)::bigint + 1)::float8
             / 4294967297.0) as lu
        from flagged
      ), weighed as (
        select cheap.*, 1 + ${sql.join(cheapWeight, sql` + `)} as cheap_weight,
          (select count(*) from cheap) as population
        from cheap
      ), scored as (
        -- Every call of the day is counted: the cap is a stratum of its own, so any call may need to be drawn.
        select weighed.*,
          (weighed.is_call and case
            when weighed.jurisdiction_country = 'CN' then
              (select count(*) from contact_log c2 where c2.case_id = weighed.case_id
                and c2.contact_point_id is not distinct from weighed.contact_point_id
                and c2.direction = 'outbound' and c2.outcome <> 'conversation' and c2.kind in ${calls}
                and c2.occurred_at > weighed.occurred_at - interval '1 day'
                and c2.occurred_at <= weighed.occurred_at)
                >= coalesce((p.rule_parameters ->> ${sql.raw(`'${cnCbaDials.parameterName('max')}'`)})::int,
                            ${cnCbaDials.defaults.max}::int) - 1
            else
              (select count(*) from contact_log c2 where c2.case_id = weighed.case_id
                and c2.direction = 'outbound' and c2.kind in ${calls}
                and c2.outcome not in ('busy', 'not_in_service', 'failed')
                and c2.occurred_at > weighed.occurred_at - interval '7 days'
                and c2.occurred_at <= weighed.occurred_at)
                >= coalesce((p.rule_parameters ->> ${sql.raw(`'${usRegf7in7.parameterName('maxCalls')}'`)})::int,
                            ${usRegf7in7.defaults.maxCalls}::int) - 1
            end) as near_cap
        from weighed join portfolios p on p.id = weighed.portfolio_id
      ), keyed as (
        select scored.*, cheap_weight + case when near_cap then ${QA_WEIGHTS.near_cap}::int else 0 end as weight,
          lu / (cheap_weight + case when near_cap then ${QA_WEIGHTS.near_cap}::int else 0 end) as key
        from scored
      ), strata as (
        -- Each contact in the stratum of every reason it has, or in the plain one; ranked by key inside each.
        select keyed.id, s.stratum,
          row_number() over (partition by s.stratum order by keyed.key desc, keyed.id) as stratum_rank
        from keyed cross join lateral (values ${sql.join(
          [
            ...REASON_ORDER.map((reason) => sql`(${reason}, ${sql.raw(reason)})`),
            sql`(${PLAIN}, weight = 1)`,
          ],
          sql`, `,
        )}) as s(stratum, member)
        where s.member
      ), contenders as (
        -- Only a stratum's first \`size\` can be drawn.
        select distinct id from strata where stratum_rank <= ${input.size}
      )
      select k.id, ${isoMicros(sql`k.occurred_at`)} as occurred_at, k.case_id, k.account_ref, k.agent_id,
        au.name as agent_name, k.kind, k.outcome, k.decision_id, k.population, k.weight, k.key,
        k.near_cap, k.window_edge, k.after_dispute, k.after_cease, k.overridden, k.agent_complaints, k.warned,
        ${reviewColumns}
      from contenders c join keyed k on k.id = c.id
      left join users au on au.id = k.agent_id
      ${latestReview('contact_id', sql`k.id`)}
      order by k.key desc, k.id`,
  );
  // size is at least 1, so an empty answer means the day had no contacts in scope.
  const population = Number(rows[0]?.population ?? 0);
  const drawn = dealFromStrata(rows, input.size).sort(
    (a, b) =>
      Number(b.weight) - Number(a.weight) || Number(b.key) - Number(a.key) || Number(a.id) - Number(b.id),
  );
  return {
    date,
    population,
    items: drawn.map((row) => ({
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

/**
 * Deals `size` contacts from the strata in rounds. `rows` come in key order, largest first, and hold at least each
 * stratum's first `size`, so every stratum's list below starts with its true best. A larger size deals the same
 * first rounds, so a larger sample contains the smaller one; a size of 1 is the contact with the largest key.
 */
export function dealFromStrata<
  Row extends { id: string | number; key: number | string } & Record<QaReason, boolean>,
>(rows: readonly Row[], size: number): Row[] {
  const strata = new Map<string, Row[]>();
  for (const row of rows) {
    const reasons = REASON_ORDER.filter((reason) => row[reason]);
    for (const stratum of reasons.length > 0 ? reasons : [PLAIN]) {
      const list = strata.get(stratum) ?? [];
      list.push(row);
      strata.set(stratum, list);
    }
  }
  const drawn = new Set<Row>();
  const next = new Map<string, number>();
  while (drawn.size < size) {
    const heads: Row[] = [];
    for (const [stratum, list] of strata) {
      let at = next.get(stratum) ?? 0;
      while (at < list.length && drawn.has(list[at]!)) at++;
      next.set(stratum, at + 1);
      if (at < list.length) heads.push(list[at]!);
    }
    if (heads.length === 0) break;
    heads.sort((a, b) => Number(b.key) - Number(a.key) || Number(a.id) - Number(b.id));
    for (const head of heads) {
      if (drawn.size === size) break;
      drawn.add(head);
    }
  }
  return [...drawn];
}
