import { sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';

/**
 * The book's stories approve an escalation and then act on it; an approval allows one action (decision record 026), so
 * each placement, visit and filing uses up the oldest approval of its kind on its case decided before it. The same
 * statement as the migration that introduced consumption, for the rows the seed writes afterwards.
 */
export async function markUsedApprovals(db: Executor): Promise<void> {
  await db.execute(sql`
    update escalation_requests e set consumed_at = u.at, consumed_for = u.action_id
    from (
      select a.action_id, a.at, (
        select r.id from escalation_requests r
         where r.case_id = a.case_id and r.kind = a.kind and r.status = 'approved' and r.decided_at <= a.at
         order by r.decided_at, r.id limit 1) as request_id
      from (
        select id as action_id, case_id, 'agency_placement'::escalation_kind as kind, placed_at as at
          from agency_placements
        union all
        select id, case_id, 'field_visit'::escalation_kind, created_at from field_visits
        union all
        select id, case_id, 'legal_filing'::escalation_kind, coalesce(filed_at, created_at) from legal_actions
      ) a
    ) u
    where e.id = u.request_id and e.consumed_at is null`);
}
