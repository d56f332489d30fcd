import { bucketFor } from '@arrears/shared/domain/buckets';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../server/src/db/client.ts';
import { type SeedSummary, seedDemoBook } from '../../server/src/db/seed/demo-book.ts';
import { DEMO_ACCOUNT_REFS } from '../../server/src/db/seed/specials.ts';
import { bulkLoadOffTriggers } from '../../server/src/db/triggers.ts';
import { createTestDatabase, type TestDatabase } from './support/db.ts';

/** An instant in US daylight time, when New York is UTC−4 and Shanghai UTC+8, so local days differ by zone. */
const NOW = new Date('2026-03-18T15:30:00Z');
const options = { cases: 300, seed: 7, now: NOW };

let first: DatabaseHandle;
let second: TestDatabase;
let summary: SeedSummary;
beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase({ as: 'owner' })]);
  summary = await seedDemoBook(first.db, options);
  // On the server the second book takes the bulk path (COPY with indexes, keys and key triggers set aside), as
  // `pnpm db:seed` does there, as the owner; it must come out the same book.
  await seedDemoBook(second.db, { ...options, bulkLoadUrl: second.ownerUrl });
}, 120_000);
afterAll(() => Promise.all([first?.close(), second?.close()]));

/** The debtor's zone (every contact point of a seeded debtor carries it), for local days and hours. */
const zone = sql.raw('(select cp.time_zone from contact_points cp where cp.debtor_id = d.id limit 1)');
const today = sql`(${NOW.toISOString()}::timestamptz at time zone ${zone})::date`;
const localDay = (column: string) => sql`(${sql.raw(column)} at time zone ${zone})::date`;
const COUNTED_CALL = sql.raw(
  "l.kind in ('call', 'autodial_call', 'voicemail') and l.direction = 'outbound' and l.outcome not in ('busy', 'not_in_service', 'failed')",
);

describe('the demo book', () => {
  it('is the same book for the same seed and instant', async () => {
    const book = sql`
      select c.id, c.account_ref, c.balance_minor, c.paid_minor, c.bucket, c.assigned_agent_id, d.full_name,
        (select count(*)::int from contact_log l where l.case_id = c.id) as contacts
      from cases c join debtors d on d.id = c.debtor_id order by c.id`;
    const [a, b] = await Promise.all([queryRows(first.db, book), queryRows(second.db, book)]);
    expect(a).toHaveLength(300);
    expect(b).toEqual(a);
    expect(summary.rows.contactLog).toBeGreaterThan(1000);
  });

  it("keeps every case's queue row and the keys triggers keep there, and leaves those triggers on, whichever path loaded it", async () => {
    for (const handle of [first, second]) {
      const drift = await queryRows(
        handle.db,
        sql`select c.account_ref from cases c left join case_queue_state q on q.case_id = c.id
            where q.case_id is null
               or (q.debtor_id, q.status, q.assigned_agent_id, q.team_id)
                 is distinct from (c.debtor_id, c.status, c.assigned_agent_id, c.team_id)
               or q.calendar_zone_hint is distinct from debtor_zone_hint(c.debtor_id)
               or q.next_pending_due is distinct from
                 (select min(p.due_date) from promises p where p.case_id = c.id and p.status = 'pending')
               or q.second_pending_due is distinct from
                 (select min(p.due_date) from promises p
                  where p.case_id = c.id and p.status = 'pending' and p.due_date > q.next_pending_due)`,
      );
      const off = await queryRows(
        handle.db,
        sql`select tgname from pg_trigger where not tgisinternal and tgenabled = 'D'`,
      );
      expect(drift).toEqual([]);
      expect(off).toEqual([]);
    }
    const CASE_KEY_TRIGGERS = bulkLoadOffTriggers();
    // The load switches these off by name: a name the schema does not have would leave its trigger running per row.
    const named = await queryRows<{ tgname: string }>(
      first.db,
      sql`select tgname::text from pg_trigger where not tgisinternal and tgname::text in ${CASE_KEY_TRIGGERS}`,
    );
    expect(named.map((row) => row.tgname).sort()).toEqual([...CASE_KEY_TRIGGERS].sort());
    const hinted = await queryRows<{ n: number }>(
      second.db,
      sql`select count(*)::int as n from case_queue_state
          where calendar_zone_hint is not null and next_pending_due is not null`,
    );
    expect(hinted[0]!.n).toBeGreaterThan(10);
  });

  it('reconciles every balance: principal + interest + fees − paid, paid = the payments, allocated in full', async () => {
    const broken = await queryRows(
      first.db,
      sql`
      select c.account_ref from cases c
      left join (select case_id, sum(amount_minor) as paid, sum(allocated_fees_minor) as fees,
                        sum(allocated_interest_minor) as interest from payments group by case_id) p on p.case_id = c.id
      where c.balance_minor <> c.principal_minor + c.interest_minor + c.fees_minor - c.paid_minor
         or c.paid_minor <> coalesce(p.paid, 0) or c.balance_minor < 0
         or coalesce(p.fees, 0) > c.fees_minor or coalesce(p.interest, 0) > c.interest_minor`,
    );
    const unallocated = await queryRows(
      first.db,
      sql`select id from payments
          where allocated_fees_minor + allocated_interest_minor + allocated_principal_minor <> amount_minor`,
    );
    expect(broken).toEqual([]);
    expect(unallocated).toEqual([]);
  });

  it('keeps days past due and the bucket true to the due date on the debtor’s today', async () => {
    const rows = await queryRows<{ dpd: number; bucket: string; expected: number }>(
      first.db,
      sql`select c.days_past_due as dpd, c.bucket, greatest(0, ${today} - c.due_date) as expected
          from cases c join debtors d on d.id = c.debtor_id`,
    );
    for (const row of rows) expect([row.dpd, row.bucket]).toEqual([row.expected, bucketFor(row.expected)]);
    expect(new Set(rows.map((r) => r.bucket)).size).toBe(7);
  });

  it('gives US cases to the US team and Chinese cases to the China team, some waiting in the pool', async () => {
    const rows = await queryRows<{ country: string; team: string; agentTeam: string | null }>(
      first.db,
      sql`select p.jurisdiction_country as country, t.name as team, ut.name as "agentTeam"
          from cases c join portfolios p on p.id = c.portfolio_id join teams t on t.id = c.team_id
          left join users u on u.id = c.assigned_agent_id left join teams ut on ut.id = u.team_id`,
    );
    for (const row of rows) {
      expect(row.team).toBe(row.country === 'US' ? 'US Collections' : 'China Collections');
      if (row.agentTeam !== null) expect(row.agentTeam).toBe(row.team);
    }
    const pooled = rows.filter((r) => r.agentTeam === null).length / rows.length;
    expect(pooled).toBeGreaterThan(0.05);
    expect(pooled).toBeLessThan(0.3);
  });

  it('is Chinese where it is Chinese: debtors, lenders, portfolios, agency, notes and templates', async () => {
    const HAN = /\p{Script=Han}/u;
    const debtors = await queryRows<{ language: string; name: string; count: number }>(
      first.db,
      sql`select d.language, min(d.full_name) as name, count(*)::int as count from debtors d
          where d.jurisdiction_country = 'CN' group by d.language`,
    );
    expect(debtors.map((d) => d.language)).toEqual(['zh']);
    expect(debtors[0]!.name).toMatch(HAN);
    const names = await queryRows<{ name: string }>(
      first.db,
      sql`select name from creditors where country = 'CN'
          union all select name from portfolios where jurisdiction_country = 'CN'
          union all select a.name from agencies a
            join agency_placements ap on ap.agency_id = a.id join cases c on c.id = ap.case_id
            where c.currency = 'CNY'
          union all select n.body from case_notes n join cases c on c.id = n.case_id where c.currency = 'CNY'`,
    );
    expect(names.length).toBeGreaterThan(4);
    for (const { name } of names) expect(name).not.toMatch(/[A-Za-z]{3,}/);
    const sms = await queryRows<{ body: string }>(
      first.db,
      sql`select t.body from message_templates t join portfolios p on p.id = t.portfolio_id
          where p.jurisdiction_country = 'CN' and t.channel = 'sms'`,
    );
    expect(sms).toHaveLength(2);
    for (const { body } of sms) expect(body).toMatch(/^【[^】]+】.*回TD退订$/u);
  });

  it('holds every demo special, in the situation its account reference names', async () => {
    const rows = await queryRows<Record<string, unknown>>(
      first.db,
      sql`
      select c.account_ref as ref, u.email as agent, p.jurisdiction_region as region, c.currency,
        d.cease_requested_at is not null as ceased, d.attorney_name is not null as represented,
        d.bankruptcy_filed_at is not null as bankrupt, d.deceased_at is not null as deceased,
        (select count(*)::int from contact_log l where l.case_id = c.id) as contacts,
        (select count(*)::int from contact_log l where l.case_id = c.id and ${COUNTED_CALL}
           and ${localDay('l.occurred_at')} > ${today} - 7) as "callsThisWeek",
        (select count(*)::int from contact_log l where l.case_id = c.id and l.outcome = 'conversation'
           and ${localDay('l.occurred_at')} > ${today} - 7) as "talksThisWeek",
        (select count(*)::int from contact_log l where l.case_id = c.id and l.outcome = 'conversation'
           and ${localDay('l.occurred_at')} = ${today} - 1) as "talksYesterday",
        (select count(*)::int from disputes x where x.case_id = c.id and x.verification_sent_at is null) as "openDisputes",
        (select count(*)::int from promises x where x.case_id = c.id and x.status = 'pending' and x.due_date = ${today}) as "dueToday",
        (select count(*)::int from promises x where x.case_id = c.id and x.status = 'broken') as broken,
        (select count(*)::int from escalation_requests x where x.case_id = c.id and x.status = 'pending'
           and x.kind = 'field_visit') as "visitsWaiting"
      from cases c join debtors d on d.id = c.debtor_id join portfolios p on p.id = c.portfolio_id
      left join users u on u.id = c.assigned_agent_id
      where c.account_ref like 'DEMO-%'`,
    );
    const byRef = Object.fromEntries(rows.map((r) => [r.ref, r]));
    const R = DEMO_ACCOUNT_REFS;
    expect(Object.keys(byRef).sort()).toEqual(Object.values(R).sort());
    for (const ref of Object.values(R)) {
      expect(byRef[ref]?.agent).toBe(ref === R.china ? 'li.wei@arrearsdesk.demo' : 'alice@arrearsdesk.demo');
    }
    expect(byRef[R.cap7in7]).toMatchObject({ callsThisWeek: 7, talksThisWeek: 0 });
    expect(byRef[R.maCap]).toMatchObject({ region: 'MA', callsThisWeek: 2, talksThisWeek: 0 });
    expect(byRef[R.conversationYesterday]).toMatchObject({ talksYesterday: 1 });
    expect(byRef[R.disputed]).toMatchObject({ openDisputes: 1 });
    expect(byRef[R.ceased]).toMatchObject({ ceased: true });
    expect(byRef[R.attorney]).toMatchObject({ represented: true });
    expect(byRef[R.bankrupt]).toMatchObject({ bankrupt: true });
    expect(byRef[R.deceased]).toMatchObject({ deceased: true });
    expect(byRef[R.promiseToday]).toMatchObject({ dueToday: 1 });
    expect(byRef[R.promiseBroken]?.broken).toBeGreaterThan(0);
    expect(byRef[R.washington]).toMatchObject({ region: 'WA' });
    expect(byRef[R.china]).toMatchObject({ currency: 'CNY', region: null });
    expect(byRef[R.fresh]).toMatchObject({ contacts: 0 });
    expect(byRef[R.escalation]).toMatchObject({ visitsWaiting: 1 });
  });
});

describe('the invented histories obey the contact rules', () => {
  it('places every call, text, e-mail, push and visit within 08:00–21:00 of the debtor’s zone, outside the hours they refused', async () => {
    const local = sql`(l.occurred_at at time zone coalesce(cp.time_zone, ${zone}))`;
    const outside = await queryRows(
      first.db,
      sql`select l.id, l.kind, to_char(${local}, 'HH24:MI') as local
          from contact_log l join debtors d on d.id = l.debtor_id left join contact_points cp on cp.id = l.contact_point_id
          where l.direction = 'outbound'
            and l.kind in ('call', 'autodial_call', 'voicemail', 'sms', 'email', 'app_push', 'field_visit', 'third_party_contact')
            and (extract(hour from ${local}) not between 8 and 20
              or exists (select 1 from jsonb_array_elements(d.inconvenient_times) w
                         where ${local}::time >= (w->>'from')::time and ${local}::time < (w->>'to')::time))`,
    );
    expect(outside).toEqual([]);
    const [checked] = await queryRows<{ count: number }>(
      first.db,
      sql`select count(*)::int as count from contact_log where direction = 'outbound' and kind in ('call', 'sms')`,
    );
    expect(checked?.count).toBeGreaterThan(500);
  });

  it('never puts more than seven counted calls about one debt in seven local days', async () => {
    const over = await queryRows(
      first.db,
      sql`
      with per_day as (
        select l.case_id, ${localDay('l.occurred_at')} as day, count(*) as calls
        from contact_log l join debtors d on d.id = l.debtor_id where ${COUNTED_CALL} group by 1, 2
      ), windows as (
        select case_id, day, sum(calls) over (partition by case_id order by day
          range between interval '6 days' preceding and current row) as calls
        from per_day
      )
      select case_id, day, calls from windows where calls > 7`,
    );
    expect(over).toEqual([]);
  });

  it('waits seven local days after a US conversation before calling about the debt again', async () => {
    const early = await queryRows(
      first.db,
      sql`select talk.case_id, talk.occurred_at from contact_log talk
          join debtors d on d.id = talk.debtor_id
          join contact_log l on l.case_id = talk.case_id and l.occurred_at > talk.occurred_at and ${COUNTED_CALL}
          where d.jurisdiction_country = 'US' and talk.kind = 'call' and talk.outcome = 'conversation'
            and ${localDay('l.occurred_at')} - ${localDay('talk.occurred_at')} <= 6`,
    );
    expect(early).toEqual([]);
  });

  it('texts only with consent, and honours revocations, opt-outs and workplace limits from the moment they happen', async () => {
    const breaches = await queryRows(
      first.db,
      sql`
      select l.id, 'opt-out' as why from contact_log l join opt_outs o on o.debtor_id = l.debtor_id
      where l.direction = 'outbound' and l.occurred_at >= o.at
        and (o.contact_point_id = l.contact_point_id
          or (o.channel = 'phone' and l.kind in ('call', 'autodial_call', 'voicemail'))
          or o.channel::text = l.kind::text)
      union all
      select l.id, 'consent' from contact_log l join contact_points cp on cp.id = l.contact_point_id
      where l.direction = 'outbound' and l.kind in ('sms', 'autodial_call')
        and (not cp.consent_sms or l.occurred_at >= coalesce(cp.consent_revoked_at, 'infinity'))
      union all
      select l.id, 'workplace' from contact_log l join contact_points cp on cp.id = l.contact_point_id
      where l.direction = 'outbound' and cp.kind = 'work_phone' and (cp.employer_prohibits or cp.inconvenient)`,
    );
    expect(breaches).toEqual([]);
  });

  it('contacts nobody after a cease request, bankruptcy, death or attorney, nor while a dispute waits for verification', async () => {
    const after = await queryRows(
      first.db,
      sql`select c.account_ref, l.kind, l.purpose from contact_log l
          join cases c on c.id = l.case_id join debtors d on d.id = l.debtor_id
          where l.direction = 'outbound'
            and not (l.kind = 'letter' and l.purpose in ('cease_ack', 'validation_notice'))
            and (l.occurred_at > least(d.cease_requested_at, d.bankruptcy_filed_at, d.deceased_at, d.attorney_since)
              or exists (select 1 from disputes x where x.case_id = c.id and l.occurred_at > x.received_at
                           and l.occurred_at < coalesce(x.verification_sent_at, 'infinity')))`,
    );
    expect(after).toEqual([]);
  });
});
