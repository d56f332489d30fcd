import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../server/src/db/client.ts';
import { bulkLoadOffTriggers, TRIGGERS, triggerTable } from '../../server/src/db/triggers.ts';
import { createTestDatabase } from './support/db.ts';

interface Found {
  name: string;
  table: string;
  function: string;
}

let handle: DatabaseHandle;
let found: Found[];

beforeAll(async () => {
  handle = await createTestDatabase();
  found = await queryRows<Found>(
    handle.db,
    sql`select g.tgname::text as name, t.relname::text as table, p.proname::text as function
          from pg_trigger g
          join pg_class t on t.oid = g.tgrelid
          join pg_namespace n on n.oid = t.relnamespace
          join pg_proc p on p.oid = g.tgfoid
         where n.nspname = 'public' and not g.tgisinternal
         order by 1`,
  );
});
afterAll(() => handle.close());

const listed = () =>
  TRIGGERS.map((t) => ({ name: t.name, table: triggerTable(t), function: t.function })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );

describe('the trigger registry (server/src/db/triggers.ts)', () => {
  it('lists every trigger of the migrated database, on its table, with its function', () => {
    const names = new Set(TRIGGERS.map((t) => t.name));
    expect(found.filter((f) => !names.has(f.name))).toEqual([]);
  });

  it('lists no trigger the database does not have', () => {
    const names = new Set(found.map((f) => f.name));
    expect(TRIGGERS.filter((t) => !names.has(t.name)).map((t) => t.name)).toEqual([]);
    expect(listed()).toEqual(found);
  });

  it('names each trigger once, and the migration that creates it', () => {
    expect(new Set(TRIGGERS.map((t) => t.name)).size).toBe(TRIGGERS.length);
    for (const trigger of TRIGGERS) {
      const text = readFileSync(new URL(`../../drizzle/${trigger.migration}.sql`, import.meta.url), 'utf8');
      expect(text, trigger.name).toMatch(
        new RegExp(`CREATE TRIGGER ${trigger.name} [^;]* ON ${triggerTable(trigger)}\\b`),
      );
    }
  });

  it('has the bulk load switch off only triggers that keep derived case keys', () => {
    expect(bulkLoadOffTriggers().length).toBeGreaterThan(0);
    for (const trigger of TRIGGERS.filter((t) => t.bulkLoad === 'off'))
      expect(trigger.keeps).toBe('case keys');
    for (const trigger of TRIGGERS.filter((t) => t.keeps === 'append-only history'))
      expect(trigger.bulkLoad).toBe('on');
  });
});
