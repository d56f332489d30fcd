import { cnCbaDials } from '@arrears/shared/compliance/rules/cn-cba-dials';
import { usRegf7in7 } from '@arrears/shared/compliance/rules/us-regf-7in7';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { QaReason } from '@arrears/shared/schemas/oversight';
import { and, type SQL, sql } from 'drizzle-orm';
import {
  cases,
  complaints,
  complianceDecisions,
  contactInsights,
  contactLog,
  debtors,
  disputes,
  portfolios,
  reviews,
  users,
} from '../../db/schema/index.ts';
import { caseScope } from '../cases/cases.service.ts';
import { isoMicros, latestReview, reviewColumns } from './audit.statements.ts';
import { WINDOW_INSIDE } from './insights.ts';

/**
 * The QA sample's SQL (decision records 009, 029 and 030): the risks that weigh a contact, and the statement that
 * finds them for a day's contacts and keys each contact for the draw. Tables and columns are named through the
 * Drizzle schema, each table once per FROM; a table read again in a subquery (a contact's other calls, its
 * decision twice) shadows the outer one there. The steps between are the statement's own names (`day`, `keyed`).
 */

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

export const REASON_ORDER = Object.keys(QA_WEIGHTS) as QaReason[];
/** Every risk but the cap, which needs a count of the case's calls. */
const CHEAP_REASONS = REASON_ORDER.filter((reason) => reason !== 'near_cap');
/** The stratum of contacts with no risk at all. */
export const PLAIN = 'plain';

/**
 * The contenders of a day's sample, largest key first: each stratum's first `size` contacts of the outbound
 * contacts by agents in [from, to) inside the viewer's scope, with their risks, weight, Efraimidis–Spirakis key
 * (`u` a hash of the day and the contact id) and the day's population.
 */
export function qaCandidates(
  user: SessionUser,
  input: { date: string; teamId?: string | undefined; size: number },
  from: SQL,
  to: SQL,
): SQL {
  const { date, size } = input;
  const cheapWeight = CHEAP_REASONS.map(
    (reason) => sql`(case when ${sql.raw(reason)} then ${QA_WEIGHTS[reason]}::int else 0 end)`,
  );
  const calls = sql`('call', 'autodial_call', 'voicemail')`;
  const cl = contactLog;
  const cd = complianceDecisions;
  // The window is literal SQL, as a constant of the plan.
  const callsBefore = (window: '1 day' | '7 days') => sql`${cl.caseId} = weighed.case_id
    and ${cl.direction} = 'outbound' and ${cl.kind} in ${calls}
    and ${cl.occurredAt} > weighed.occurred_at - interval '${sql.raw(window)}' and ${cl.occurredAt} <= weighed.occurred_at`;
  const parameter = (name: string, fallback: number) =>
    sql`coalesce((${portfolios.ruleParameters} ->> ${sql.raw(`'${name}'`)})::int, ${fallback}::int)`;
  return sql`with day as (
        select ${cl.id} as id, ${cl.occurredAt} as occurred_at, ${cl.caseId} as case_id, ${cl.agentId} as agent_id,
          ${cl.kind} as kind, ${cl.outcome} as outcome, ${cl.decisionId} as decision_id,
          ${cl.contactPointId} as contact_point_id, ${cases.accountRef} as account_ref,
          ${cases.portfolioId} as portfolio_id, ${debtors.jurisdictionCountry} as jurisdiction_country,
          -- A key lookup per contact of the day: joined, the planner hashes all of contact_insights.
          coalesce((select ${contactInsights.windowPosition} <> ${WINDOW_INSIDE}::int from ${contactInsights}
            where ${contactInsights.contactId} = ${cl.id}), false) as window_edge,
          coalesce(${debtors.ceaseRequestedAt} <= ${cl.occurredAt}, false) as after_cease
        from ${cl}
        join ${cases} on ${cases.id} = ${cl.caseId}
        join ${debtors} on ${debtors.id} = ${cl.debtorId}
        where ${and(
          caseScope(user),
          sql`${cl.occurredAt} >= ${from}`,
          sql`${cl.occurredAt} < ${to}`,
          sql`${cl.direction} = 'outbound'`,
          sql`${cl.agentId} is not null`,
          input.teamId ? sql`${cases.teamId} = ${input.teamId}` : undefined,
        )}
      ), complained as (
        select distinct ${complaints.agentId} as agent_id from ${complaints}
        where ${complaints.receivedAt} < ${to}
          and ${complaints.receivedAt} >= ${to} - ${`${COMPLAINT_DAYS} days`}::interval
      ), flagged as (
        select day.*,
          exists (select 1 from ${disputes} where ${disputes.caseId} = day.case_id
            and ${disputes.receivedAt} <= day.occurred_at
            and (${disputes.verificationSentAt} is null or ${disputes.verificationSentAt} > day.occurred_at
                 or ${disputes.receivedAt} > day.occurred_at - ${`${DISPUTE_DAYS} days`}::interval)) as after_dispute,
          coalesce((select ${cd.outcome} = 'overridden' from ${cd} where ${cd.id} = day.decision_id),
            false) as overridden,
          coalesce((select ${cd.outcome} = 'allowed' and jsonb_array_length(${cd.warnings}) > 0
            from ${cd} where ${cd.id} = day.decision_id), false) as warned,
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
              (select count(*) from ${cl} where ${callsBefore('1 day')}
                and ${cl.contactPointId} is not distinct from weighed.contact_point_id
                and ${cl.outcome} <> 'conversation')
                >= ${parameter(cnCbaDials.parameterName('max'), cnCbaDials.defaults.max)} - 1
            else
              (select count(*) from ${cl} where ${callsBefore('7 days')}
                and ${cl.outcome} not in ('busy', 'not_in_service', 'failed'))
                >= ${parameter(usRegf7in7.parameterName('maxCalls'), usRegf7in7.defaults.maxCalls)} - 1
            end) as near_cap
        from weighed join ${portfolios} on ${portfolios.id} = weighed.portfolio_id
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
        select distinct id from strata where stratum_rank <= ${size}
      )
      select k.id, ${isoMicros(sql`k.occurred_at`)} as occurred_at, k.case_id, k.account_ref, k.agent_id,
        ${users.name} as agent_name, k.kind, k.outcome, k.decision_id, k.population, k.weight, k.key,
        k.near_cap, k.window_edge, k.after_dispute, k.after_cease, k.overridden, k.agent_complaints, k.warned,
        ${reviewColumns}
      from contenders c join keyed k on k.id = c.id
      left join ${users} on ${users.id} = k.agent_id
      ${latestReview(reviews.contactId, sql`k.id`)}
      order by k.key desc, k.id`;
}
