import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../server/src/db/client.ts';

/**
 * The census of a seeded book: how many cases, people and events of each kind it holds, as `kind → count`. A kind
 * is named `<what>:<value>` (`status:closed`, `team:China Collections`, `stop:bankruptcy`, `special:DEMO-…`), so two
 * censuses can be compared kind by kind. It is what decision record 028 wrote down before the seed was made fast,
 * and what the census test checks the fast seed against: every kind the demo book had is still there.
 */
export async function bookCensus(db: Executor): Promise<Record<string, number>> {
  const rows = await queryRows<{ kind: string; n: number }>(
    db,
    sql`
    select 'status:' || status as kind, count(*)::int as n from cases group by 1
    union all select 'status+balance:' || status || (case when balance_minor = 0 then ':zero' else ':owing' end), count(*)::int from cases group by 1
    union all select 'bucket:' || bucket, count(*)::int from cases group by 1
    union all select 'stage:' || stage, count(*)::int from cases group by 1
    union all select 'currency:' || currency, count(*)::int from cases group by 1
    union all select 'team:' || t.name, count(*)::int from cases c join teams t on t.id = c.team_id group by 1
    union all select 'assigned:' || (case when assigned_agent_id is null then 'pool' else 'agent' end), count(*)::int from cases group by 1
    union all select 'on hold', count(*)::int from cases where hold_until is not null
    union all select 'creditor:' || cr.name, count(*)::int from cases c join portfolios p on p.id = c.portfolio_id join creditors cr on cr.id = p.creditor_id group by 1
    union all select 'country:' || jurisdiction_country, count(*)::int from debtors group by 1
    union all select 'language:' || language, count(*)::int from debtors group by 1
    union all select 'stop:cease', count(*)::int from debtors where cease_requested_at is not null
    union all select 'stop:attorney', count(*)::int from debtors where attorney_name is not null
    union all select 'stop:bankruptcy', count(*)::int from debtors where bankruptcy_filed_at is not null
    union all select 'stop:deceased', count(*)::int from debtors where deceased_at is not null
    union all select 'military', count(*)::int from debtors where military
    union all select 'contact point:' || kind, count(*)::int from contact_points group by 1
    union all select 'third party:' || relationship, count(*)::int from third_parties group by 1
    union all select 'opt-out:' || coalesce(channel::text, 'one point'), count(*)::int from opt_outs group by 1
    union all select 'contact:' || kind || ':' || direction, count(*)::int from contact_log group by 1
    union all select 'outcome:' || outcome, count(*)::int from contact_log group by 1
    union all select 'promise:' || status, count(*)::int from promises group by 1
    union all select 'plan:' || status, count(*)::int from payment_plans group by 1
    union all select 'payment:' || method, count(*)::int from payments group by 1
    union all select 'dispute:' || (case when verification_sent_at is null then 'open' else 'verified' end), count(*)::int from disputes group by 1
    union all select 'complaint:' || status, count(*)::int from complaints group by 1
    union all select 'escalation:' || kind || ':' || status, count(*)::int from escalation_requests group by 1
    union all select 'agency placement:' || status, count(*)::int from agency_placements group by 1
    union all select 'field visit:' || status, count(*)::int from field_visits group by 1
    union all select 'legal action:' || status, count(*)::int from legal_actions group by 1
    union all select 'case notes', count(*)::int from case_notes
    union all select 'callbacks', count(*)::int from callbacks
    union all select 'special:' || account_ref, count(*)::int from cases where account_ref like 'DEMO-%' group by 1
    union all select 'user:' || role, count(*)::int from users group by 1
    union all select 'reminder send:' || state, count(*)::int from reminder_sends group by 1
    union all select 'outbound message', count(*)::int from outbound_messages
    union all select 'contact insight', count(*)::int from contact_insights
    union all select 'report:collections', count(*)::int from report_daily_collections
    union all select 'report:contacts', count(*)::int from report_daily_contacts
    union all select 'report:promises', count(*)::int from report_daily_promises
    union all select 'report:cohorts', count(*)::int from report_vintage_cohorts
    union all select 'report:bucket rolls', count(*)::int from report_bucket_rolls
    union all select 'report:agency balances', count(*)::int from report_agency_balances`,
  );
  return Object.fromEntries(
    rows.map((row) => [row.kind, row.n]).sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}
