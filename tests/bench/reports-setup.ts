import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../../server/src/db/client.ts';

/**
 * `pnpm bench:reports-setup` (bench setup, not part of `pnpm bench`): tops the payments of a seeded book up to
 * at least TARGET (default 1,000,000) rows, as the benchmark asks; the seed makes ~390k per million
 * cases. The new payments keep the ledger's rules (decision record 006): each goes to an active case that
 * still owes, three instalments of 5 % of its balance each, allocated fees → interest → principal against
 * what the case's earlier payments left outstanding, received after its placement and its last payment and
 * before now; the case's paid and owed amounts move with them and its version is bumped. The report rollups
 * follow through their triggers in the same transaction. Run it on your own book (BENCH_DATABASE_URL), not on
 * a shared one: it writes. Idempotency keys `topup-<case>-<n>` make a second run add nothing twice.
 */
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/arrears_reports';
const TARGET = Number(process.env.TARGET_PAYMENTS ?? 1_000_000);
const PER_CASE = 3;

const handle = await openDatabase({ url: URL, poolSize: 1 });
try {
  const [{ n: before } = { n: 0 }] = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from payments`,
  );
  const cases = Math.ceil(Math.max(0, TARGET - before) / PER_CASE);
  if (cases === 0) {
    console.log(`${URL} already holds ${before.toLocaleString('en')} payments`);
  } else {
    const started = performance.now();
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table topup on commit drop as
        select c.id, c.currency, c.balance_minor, c.version,
               c.fees_minor - coalesce(p.fees, 0) as fees_left,
               c.interest_minor - coalesce(p.interest, 0) as interest_left,
               greatest(c.placed_at, coalesce(p.last_at, c.placed_at)) as after,
               c.balance_minor / 20 as instalment
          from cases c
          left join (select case_id, sum(allocated_fees_minor) as fees, sum(allocated_interest_minor) as interest,
                            max(received_at) as last_at
                       from payments group by case_id) p on p.case_id = c.id
         where c.status = 'active' and c.balance_minor >= 2000
           and not exists (select 1 from payments t where t.idempotency_key = 'topup-' || c.id || '-1')
           and greatest(c.placed_at, coalesce(p.last_at, c.placed_at)) < now() - interval '2 days'
         order by md5(c.id::text)
         limit ${cases}`);
      await tx.execute(sql`
        insert into payments (case_id, amount_minor, currency, method, idempotency_key, allocated_fees_minor,
                              allocated_interest_minor, allocated_principal_minor, received_at, created_at)
        select t.id, t.instalment, t.currency, (array['card', 'bank_transfer', 'wallet'])[1 + (i % 3)]::payment_method,
               'topup-' || t.id || '-' || i,
               f.now_fees - f.before_fees,
               f.now_interest - f.before_interest,
               t.instalment - (f.now_fees - f.before_fees) - (f.now_interest - f.before_interest),
               at, at
          from topup t
          cross join generate_series(1, ${PER_CASE}) as i
          cross join lateral (select t.after + (now() - interval '1 day' - t.after) * i / ${PER_CASE + 1} as at) w
          cross join lateral (
            select least(t.instalment * (i - 1), t.fees_left) as before_fees,
                   least(t.instalment * i, t.fees_left) as now_fees,
                   least(t.instalment * (i - 1) - least(t.instalment * (i - 1), t.fees_left), t.interest_left)
                     as before_interest,
                   least(t.instalment * i - least(t.instalment * i, t.fees_left), t.interest_left) as now_interest
          ) f`);
      await tx.execute(sql`
        update cases c set paid_minor = c.paid_minor + t.instalment * ${PER_CASE},
                           balance_minor = c.balance_minor - t.instalment * ${PER_CASE},
                           version = c.version + 1, updated_at = now()
          from topup t where t.id = c.id`);
    });
    await handle.db.execute(sql`analyze payments`);
    const [{ n: after } = { n: 0 }] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from payments`,
    );
    console.log(
      `${URL}: ${before.toLocaleString('en')} → ${after.toLocaleString('en')} payments ` +
        `(${cases.toLocaleString('en')} cases × ${PER_CASE}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
} finally {
  await handle.close();
}
