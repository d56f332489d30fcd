import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../server/src/db/client.ts';
import { statement } from '../../server/src/db/statement.ts';
import { createTestDatabase, usingServer } from './support/db.ts';

let handle: DatabaseHandle;

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
});
