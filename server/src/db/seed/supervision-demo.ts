import { DAY_MS } from '@arrears/shared/domain/calendar';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../client.ts';

/**
 * What the supervision pages (issue 5: approvals, complaints) should show on a fresh demo book, beyond what the
 * generated stories leave by chance: pending requests of every kind in both teams (the US field visit on
 * DEMO-ESCALATION is a demo special), and complaints in each state, one of them past its 15-day target. Each
 * row goes on a generated case picked by a fixed rule (lowest account reference of its kind), so the seed stays
 * deterministic; the demo specials are left alone for the workbench's own walkthroughs.
 */
export async function seedSupervisionDemo(db: Executor, now: Date): Promise<Record<string, number>> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const requests = await queryRows<{ id: string }>(
    db,
    sql`
    with pick as (
      select distinct on (w.kind) w.kind, w.reason, w.days, c.id as case_id, c.assigned_agent_id as agent_id
      from (values
        ('agency_placement'::escalation_kind, 'US', 121,
         'No payment in 120+ days despite regular contact; recommend outside agency.', 3),
        ('legal_filing'::escalation_kind, 'US', 181,
         'Balance large, debtor has income, not time-barred; recommend filing suit.', 1),
        ('field_visit'::escalation_kind, 'CN', 61, '电话长期无人接听，地址已核实，申请上门拜访。', 2)
      ) as w(kind, country, min_dpd, reason, days)
      join cases c on c.status = 'active' and c.days_past_due >= w.min_dpd and c.assigned_agent_id is not null
        and c.account_ref not like 'DEMO-%' and c.stage in ('reminder', 'agent')
      join debtors d on d.id = c.debtor_id and d.jurisdiction_country = w.country
      where not exists (select 1 from escalation_requests e where e.case_id = c.id)
        and not exists (select 1 from disputes x where x.case_id = c.id and x.verification_sent_at is null)
      order by w.kind, c.account_ref
    )
    insert into escalation_requests (case_id, kind, status, requested_by, request_reason, created_at)
    select case_id, kind, 'pending', agent_id, reason, ${now.toISOString()}::timestamptz - make_interval(days => days)
    from pick
    returning id`,
  );
  const complaints = await queryRows<{ id: string }>(
    db,
    sql`
    with ranked as (
      select c.id, c.assigned_agent_id, c.team_id,
        row_number() over (partition by c.assigned_agent_id order by c.account_ref) as nth
      from cases c
      where c.status = 'active' and c.account_ref not like 'DEMO-%'
        and not exists (select 1 from complaints x where x.case_id = c.id)
    ), pick as (
      select w.*, c.id as case_id, c.assigned_agent_id as agent_id,
        (select st.supervisor_id from supervisor_teams st where st.team_id = c.team_id
         order by st.supervisor_id limit 1) as supervisor_id
      from (values
        (1, 'bob@arrearsdesk.demo', 'regulator', 'Says the agent kept calling after being asked to write instead.',
         ${ago(20)}::timestamptz, ${ago(5)}::timestamptz, 'open'::complaint_status, false),
        (2, 'carmen@arrearsdesk.demo', 'email', 'Debtor complains the agent mentioned the debt to a relative.',
         ${ago(2)}::timestamptz, ${ago(-13)}::timestamptz, 'open'::complaint_status, false),
        (3, 'bob@arrearsdesk.demo', 'phone', 'Debtor says the agent was rude and hung up on them.',
         ${ago(6)}::timestamptz, ${ago(-9)}::timestamptz, 'investigating'::complaint_status, true)
      ) as w(slot, email, channel, description, received_at, resolve_by, status, assigned)
      join users u on u.email = w.email
      join ranked c on c.assigned_agent_id = u.id and c.nth = w.slot
    )
    insert into complaints (case_id, agent_id, received_at, channel, description, status, assigned_to,
      resolve_by, recorded_by, created_at)
    select case_id, agent_id, received_at, channel, description, status,
      case when assigned then supervisor_id end, resolve_by, supervisor_id, received_at
    from pick
    returning id`,
  );
  return { escalationRequests: requests.length, complaints: complaints.length };
}
