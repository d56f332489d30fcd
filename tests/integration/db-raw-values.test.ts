import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../server/src/db/client.ts';
import { createTestDatabase } from './support/db.ts';

let handle: DatabaseHandle;

beforeAll(async () => {
  // As the owner: one test runs migrate(), which the app's role may not (decision record 021).
  handle = await createTestDatabase({ poolSize: 1, as: 'owner' });
});
afterAll(async () => {
  await handle?.close();
});

const instant = new Date('2026-01-02T03:04:05.678Z');
const one = (value: string) => sql`(values (${sql.raw(value)})) t(x)`;

/**
 * Each kind of value a raw `sql` template may bind, with what PGlite answers. Run with and without
 * TEST_DATABASE_URL: the server must answer the same (drizzle's postgres-js driver passed dates and objects through
 * unconverted, and postgres.js read the string 'true' as false).
 */
const bindings: ReadonlyArray<readonly [string, SQL, unknown]> = [
  [
    'a Date cast to timestamptz',
    sql`select (${instant}::timestamptz at time zone 'UTC')::text as v`,
    '2026-01-02 03:04:05.678',
  ],
  [
    'a Date against a timestamptz',
    sql`select count(*)::int as v from ${one(`'2026-01-02T03:04:05.678Z'::timestamptz`)} where x = ${instant}`,
    1,
  ],
  [
    'epoch milliseconds against a timestamptz',
    sql`select count(*)::int as v from ${one(`'2026-01-02T03:04:05.678Z'::timestamptz`)} where x = ${instant.getTime()}`,
    1,
  ],
  [
    'ISO text against a timestamptz',
    sql`select count(*)::int as v from ${one(`'2026-01-02T03:04:05.678Z'::timestamptz`)} where x = ${instant.toISOString()}`,
    1,
  ],
  [
    'a Date against a timestamp',
    sql`select count(*)::int as v from ${one(`'2026-01-02T03:04:05.678'::timestamp`)} where x = ${instant}`,
    1,
  ],
  ['a Date cast to date', sql`select (${instant}::date)::text as v`, '2026-01-02'],
  [
    'a Date against a date',
    sql`select count(*)::int as v from ${one(`'2026-01-02'::date`)} where x = ${instant}`,
    1,
  ],
  ['a Date cast to text', sql`select ${instant}::text as v`, '2026-01-02T03:04:05.678Z'],
  [
    'a list of Dates as timestamptz[]',
    sql`select array_length(${sql.param([instant, instant])}::timestamptz[], 1) as v`,
    2,
  ],
  [
    'a list of Dates in any()',
    sql`select count(*)::int as v from ${one(`'2026-01-02T03:04:05.678Z'::timestamptz`)} where x = any(${sql.param([instant])})`,
    1,
  ],
  ['a list of Dates as date[]', sql`select (${sql.param([instant])}::date[])::text as v`, '{2026-01-02}'],
  ['numbers as numeric[]', sql`select (${sql.param([1.5, 2])}::numeric[])::text as v`, '{1.5,2}'],
  ['numbers as int[]', sql`select (${sql.param([1, 2])}::int[])::text as v`, '{1,2}'],
  ['strings as text[]', sql`select (${sql.param(['a', 'b"c'])}::text[])::text as v`, '{a,"b\\"c"}'],
  ['an object as jsonb', sql`select (${{ a: 1 }}::jsonb)->>'a' as v`, '1'],
  ['an object as json', sql`select (${{ a: 1 }}::json)->>'a' as v`, '1'],
  ['a list as jsonb', sql`select (${sql.param([1, 2])}::jsonb)::text as v`, '[1, 2]'],
  [
    'an object against a jsonb',
    sql`select count(*)::int as v from ${one(`'{"a":1}'::jsonb`)} where x = ${{ a: 1 }}`,
    1,
  ],
  ['JSON text as jsonb', sql`select (${'{"a":1}'}::jsonb)->>'a' as v`, '1'],
  ['true as boolean', sql`select ${true}::boolean::text as v`, 'true'],
  ['the string "true" as boolean', sql`select ${'true'}::boolean::text as v`, 'true'],
  [
    'the string "true" against a boolean',
    sql`select count(*)::int as v from ${one('true')} where x = ${'true'}`,
    1,
  ],
  ['1 against a boolean', sql`select count(*)::int as v from ${one('true')} where x = ${1}`, 1],
  ['a bigint past 2^53', sql`select (${9007199254740993n}::bigint)::text as v`, '9007199254740993'],
  ['text as time', sql`select ${'10:00'}::time::text as v`, '10:00:00'],
  ['text as interval', sql`select ${'1 day'}::interval::text as v`, '1 day'],
  ['bytes as bytea', sql`select encode(${Buffer.from('hi')}::bytea, 'hex') as v`, '6869'],
];

describe('values bound in raw sql', () => {
  it.each(bindings)('takes %s as PGlite does', async (_kind, query, expected) => {
    const [row] = await queryRows<{ v: unknown }>(handle.db, query);
    expect(row?.v).toEqual(expected);
  });

  it('still takes a Date after migrate() built a second drizzle on the same client', async () => {
    await handle.migrate();
    const [row] = await queryRows<{ v: string }>(handle.db, bindings[0]![1]);
    expect(row?.v).toBe('2026-01-02 03:04:05.678');
    await expect(handle.db.transaction((tx) => queryRows(tx, bindings[14]![1]))).resolves.toEqual([
      { v: '1' },
    ]);
  });
});
