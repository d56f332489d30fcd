import { DAY_MS } from '@arrears/shared/domain/calendar';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../client.ts';
import { seedId } from './ids.ts';
import { teamId, userId } from './reference-data.ts';

/** The placement a supervisor recalls in the end-to-end test: with Meridian, on a US Collections case. */
export const DEMO_RECALL_PLACEMENT_ID = seedId('agencyPlacement', 0xe2e_0000_0001);
const DEMO_RECALL_ESCALATION_ID = seedId('escalation', 0xe2e_0000_0001);

/**
 * Agency rows of the demo book (decision 014), after the generated cases: the commission owed on every payment
 * the generated agencies reported (placement rate, rounded half up), and one fresh placement of a US Collections
 * case, approved by sam, that a supervisor can recall. Deterministic: the case is the first eligible by account.
 */
export async function seedAgencyDemo(
  db: Executor,
  now: Date,
): Promise<{ commissions: number; placed: boolean }> {
  const [commissions] = await queryRows<{ n: number }>(
    db,
    sql`with inserted as (
          insert into agency_commissions
            (payment_id, placement_id, agency_id, amount_minor, commission_minor, currency, commission_bps, reference)
          select p.id, ap.id, ap.agency_id, p.amount_minor,
                 (p.amount_minor * ap.commission_bps + 5000) / 10000, p.currency, ap.commission_bps,
                 'SEED-' || p.id
            from payments p join agency_placements ap on ap.id = p.agency_placement_id
           where p.amount_minor > 0
          on conflict (payment_id) do nothing
          returning 1)
        select count(*)::int as n from inserted`,
  );
  const [target] = await queryRows<{ id: string; balance_minor: number; currency: string }>(
    db,
    sql`select c.id, c.balance_minor, c.currency from cases c join debtors d on d.id = c.debtor_id
         where c.team_id = ${teamId('US Collections')}::uuid and c.status = 'active' and c.stage = 'agent'
           and c.days_past_due > 120 and c.hold_until is null
           and d.cease_requested_at is null and d.bankruptcy_filed_at is null and d.deceased_at is null
           and not exists (select 1 from agency_placements ap where ap.case_id = c.id)
           and not exists (select 1 from escalation_requests e where e.case_id = c.id)
           and not exists (select 1 from disputes x where x.case_id = c.id and x.verification_sent_at is null)
         order by c.account_ref limit 1`,
  );
  if (!target) return { commissions: commissions?.n ?? 0, placed: false };
  const placedAt = new Date(now.getTime() - 3 * DAY_MS).toISOString();
  const approvedAt = new Date(now.getTime() - 4 * DAY_MS).toISOString();
  const supervisor = userId('sam@arrearsdesk.demo');
  await db.execute(sql`
    insert into escalation_requests
      (id, case_id, kind, status, requested_by, request_reason, decided_by, decision_reason, decided_at, created_at)
    values (${DEMO_RECALL_ESCALATION_ID}::uuid, ${target.id}::uuid, 'agency_placement', 'approved',
      ${userId('alice@arrearsdesk.demo')}::uuid, 'Over 120 days past due, no answer on any channel',
      ${supervisor}::uuid, 'Approved for placement', ${approvedAt}::timestamptz, ${approvedAt}::timestamptz)`);
  await db.execute(sql`
    insert into agency_placements
      (id, case_id, agency_id, status, balance_at_placement_minor, currency, commission_bps, placed_by, approved_by,
       placed_at, created_at)
    values (${DEMO_RECALL_PLACEMENT_ID}::uuid, ${target.id}::uuid, ${seedId('agency', 0)}::uuid, 'placed',
      ${target.balance_minor}, ${target.currency},
      (select commission_bps from agencies where id = ${seedId('agency', 0)}::uuid),
      ${supervisor}::uuid, ${supervisor}::uuid, ${placedAt}::timestamptz, ${placedAt}::timestamptz)`);
  await db.execute(sql`update cases set stage = 'agency' where id = ${target.id}::uuid`);
  return { commissions: commissions?.n ?? 0, placed: true };
}
