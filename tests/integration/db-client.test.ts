import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../server/src/db/client.ts';
import { statement } from '../../server/src/db/statement.ts';
import { queueMembership } from '../../server/src/modules/queues/queue-membership.ts';
import { queuePageAndCount } from '../../server/src/modules/queues/queues.queries.ts';
import { buildCase, buildDebtor, buildPortfolio, buildTeam, buildUser } from './support/builders.ts';
import { asOwner, createTestDatabase, type TestDatabase, usingServer } from './support/db.ts';

let handle: TestDatabase;

beforeAll(async () => {
  handle = await createTestDatabase({ poolSize: 1 });
});
afterAll(async () => {
  await handle?.close();
});

/** The statements the connection has prepared, read on that same connection (the pool holds one). */
const preparedHere = (db: DatabaseHandle['db']) =>
  queryRows<{ statement: string }>(db, sql`select statement from pg_prepared_statements`);

describe('the database client', () => {
  it('prepares parameterised statements on the server, in and out of transactions', async () => {
    expect(handle.kind).toBe(usingServer() ? 'postgres' : 'pglite');
    const marker = (tag: string) => sql`select ${tag}::text as tag, count(*)::int as n from cases`;
    await queryRows(handle.db, marker('outside'));
    await handle.db.transaction(async (tx) => {
      await queryRows(tx, marker('inside'));
      await tx.transaction((savepoint) => queryRows(savepoint, marker('savepoint')));
    });
    const statements = (await preparedHere(handle.db)).map((row) => row.statement);
    const ours = statements.filter((text) => text.includes('::text as tag, count(*)::int as n from cases'));
    // PGlite runs in process: there is no round trip or server plan cache to save, and its driver prepares nothing.
    if (handle.kind === 'postgres') {
      // One statement text, prepared once on the connection and reused by the transaction and its savepoint.
      expect(ours).toHaveLength(1);
    } else {
      expect(ours).toHaveLength(0);
    }
  });

  it('runs a statement built once with the values of each call, on either driver and inside a transaction', async () => {
    let built = 0;
    const sum = statement<{ a: number; b: string }, { total: number; label: string }>((slot) => {
      built++;
      return sql`select (${slot.a}::int + ${slot.a}::int) as total, ${slot.b}::text || '!' as label`;
    });
    expect(await sum(handle.db, { a: 2, b: 'two' })).toEqual([{ total: 4, label: 'two!' }]);
    const inside = await handle.db.transaction((tx) => sum(tx, { a: 5, b: 'five' }));
    expect(inside).toEqual([{ total: 10, label: 'five!' }]);
    expect(built).toBe(1);
  });

  it('opens a transaction with a statement: commits what the decision returns, rolls back what it refuses', async () => {
    const db = handle.db;
    // The owner creates the probe table (the app's role may not); default privileges let the app write it.
    await asOwner(handle, (owner) =>
      owner.execute(sql`create table opening_probe (n int not null check (n > 0))`),
    );
    const add = statement<{ n: number }, { n: number }>(
      (slot) => sql`insert into opening_probe (n) values (${slot.n}::int) returning n`,
    );
    const kept = await add.opening(db, { n: 1 }, (rows) => rows.map((row) => row.n));
    expect(kept).toEqual([1]);
    const refusal = new Error('not this one');
    await expect(
      add.opening(db, { n: 2 }, () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    // A statement the server refuses: the error reaches the caller and the connection (the only one) is usable.
    const failed = await add.opening(db, { n: -1 }, (rows) => rows).catch((error: Error) => error);
    // Drizzle wraps the server's message on PGlite; postgres.js gives it as is.
    const { message, cause } = failed as Error & { cause?: Error };
    expect(cause?.message ?? message).toMatch(/check constraint/);
    const rows = await queryRows<{ n: number }>(db, sql`select n from opening_probe order by n`);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("keeps a queue page on the prepared statement's generic plan, not planned again on every call", async () => {
    const db = handle.db;
    const team = await buildTeam(db);
    const agent = await buildUser(db, 'agent', { teamId: team.id });
    const portfolio = await buildPortfolio(db);
    const debtor = await buildDebtor(db);
    const first = await buildCase(db, {
      portfolioId: portfolio.id,
      debtorId: debtor.id,
      teamId: team.id,
      assignedAgentId: agent.id,
    });
    // Thousands of the agent's cases, so that a plan for any row count costs more than one for a page of 50.
    await db.execute(sql`insert into cases
      select (jsonb_populate_record(null::cases, to_jsonb(c) || jsonb_build_object(
        'id', gen_random_uuid(), 'account_ref', 'PLAN-' || g))).*
      from cases c, generate_series(1, 3000) g where c.id = ${first.id}`);
    // Their queue rows came with them (a trigger); each gets a priority of its own, as a judgement would store.
    await db.execute(sql`update case_queue_state q set priority = substr(c.account_ref, 6)::int
      from cases c where c.id = q.case_id and c.account_ref like 'PLAN-%'`);
    // Only the owner may ANALYZE (as the app role it would be skipped with a warning).
    await asOwner(handle, (owner) => owner.execute(sql`analyze cases, case_queue_state`));
    const membership = queueMembership('mine', { id: agent.id, teamIds: [team.id] }, new Date());
    const request = {
      sort: { field: 'priority' as const, direction: 'desc' as const },
      page: 1,
      pageSize: 50,
    };
    for (let call = 0; call < 8; call++) {
      const { rows, total } = await queuePageAndCount(db, membership, request, new Date());
      expect([rows.length, total]).toEqual([50, { count: 1000, capped: true }]);
    }
    // The count and the page, each a prepared statement of its own.
    const plans = await queryRows<{ generic: number; custom: number }>(
      db,
      sql`select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements
          where statement like '%as members limit%'
             or statement like '%order by priority desc, id desc limit%'`,
    );
    if (handle.kind === 'postgres') {
      // PostgreSQL plans the first five calls for their values, then keeps the generic plan when it is as cheap.
      expect(plans).toHaveLength(2);
      for (const plan of plans) expect(plan.generic).toBeGreaterThan(0);
    } else {
      expect(plans).toEqual([]);
    }
  });
});
