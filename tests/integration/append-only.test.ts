import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../server/src/db/client.ts';
import * as s from '../../server/src/db/schema/index.ts';
import { buildCase, buildContactPoint, buildPortfolio, buildUser } from './support/builders.ts';
import { createTestDatabase } from './support/db.ts';

let handle: DatabaseHandle;
let caseId: string;
let debtorId: string;

beforeAll(async () => {
  // The triggers hold against the owner too (whose role could ALTER them; the app's role cannot, decision 021).
  handle = await createTestDatabase({ as: 'owner' });
  const portfolio = await buildPortfolio(handle.db);
  const row = await buildCase(handle.db, { portfolioId: portfolio.id });
  caseId = row.id;
  debtorId = row.debtorId;
  const actor = await buildUser(handle.db, 'agent');
  const at = new Date('2026-11-20T15:00:00Z');
  await handle.db.insert(s.contactLog).values({
    caseId,
    debtorId,
    caseIds: [caseId],
    kind: 'call',
    direction: 'outbound',
    outcome: 'no_answer',
    agentId: actor.id,
    occurredAt: at,
  });
  await handle.db.insert(s.complianceDecisions).values({
    caseId,
    debtorId,
    actionKind: 'call',
    outcome: 'blocked',
    allowed: false,
    violations: [],
    warnings: [],
    ruleIds: ['US-REGF-TIME'],
    facts: {},
    rulesetVersion: 'test',
    evaluatedAt: at,
  });
  await handle.db.insert(s.payments).values({
    caseId,
    amountMinor: 500,
    currency: 'USD',
    method: 'card',
    idempotencyKey: 'k1',
    receivedAt: at,
  });
  await handle.db.insert(s.auditEvents).values({ action: 'test', entityType: 'case', entityId: caseId });
  await handle.db.insert(s.reviews).values({ contactId: 1, reviewerId: actor.id, note: 'looked at it' });
  const [message] = await handle.db
    .insert(s.outboundMessages)
    .values({ idempotencyKey: 'm1', channel: 'email', recipient: 'a@example.test', body: 'hello' })
    .returning();
  await handle.db.insert(s.outboundMessageEvents).values({ messageId: message!.id, state: 'queued', at });
  const mobile = await buildContactPoint(handle.db, debtorId);
  await handle.db.insert(s.inboundReplies).values({
    debtorId,
    contactPointId: mobile.id,
    body: 'who is this?',
    receivedAt: at,
    classification: 'unclassified',
  });
});
afterAll(() => handle.close());

/** The database's own message, under drizzle's "Failed query" wrapper. */
async function failureOf(statement: string): Promise<string> {
  const error = await handle.db.execute(sql.raw(statement)).then(
    () => null,
    (e: Error & { cause?: Error }) => e,
  );
  return error ? String(error.cause?.message ?? error.message) : 'no error';
}

const TABLES = {
  contact_log: 'notes',
  compliance_decisions: 'override_reason',
  payments: 'method',
  audit_events: 'action',
  reviews: 'note',
  inbound_replies: 'body',
  outbound_message_events: 'detail',
};

describe('the append-only tables', () => {
  it('are exactly the history tables, each refusing UPDATE and DELETE per row and TRUNCATE per statement', async () => {
    const triggers = await queryRows<{ table: string; events: string[] }>(
      handle.db,
      // tgtype bits: 1 row-level, 8 DELETE, 16 UPDATE, 32 TRUNCATE.
      sql`select c.relname as table, array_agg(distinct e.refusal order by e.refusal) as events
            from pg_trigger t
            join pg_class c on c.oid = t.tgrelid
            join pg_proc p on p.oid = t.tgfoid
            cross join lateral (
              select event || case when t.tgtype & 1 = 1 then ' row' else ' statement' end as refusal
                from (values (8, 'delete'), (16, 'update'), (32, 'truncate')) v(bit, event)
               where t.tgtype & v.bit <> 0) e
           where p.proname = 'arrears_reject_history_change' and t.tgenabled <> 'D'
           group by c.relname order by c.relname`,
    );
    const refusals = ['delete row', 'truncate statement', 'update row'];
    expect(triggers).toEqual(
      Object.keys(TABLES)
        .sort()
        .map((table) => ({ table, events: refusals })),
    );
  });
});

describe.each(Object.entries(TABLES))('%s is append-only in the database', (table, column) => {
  it('rejects UPDATE', async () => {
    expect(await failureOf(`update ${table} set ${column} = ${column}`)).toMatch(/append-only: UPDATE/);
  });
  it('rejects DELETE', async () => {
    expect(await failureOf(`delete from ${table}`)).toMatch(/append-only: DELETE/);
  });
  it('rejects TRUNCATE', async () => {
    expect(await failureOf(`truncate ${table} cascade`)).toMatch(/append-only: TRUNCATE/);
  });
  it('still accepts INSERT and keeps every row', async () => {
    const rows = await queryRows<{ n: number }>(
      handle.db,
      sql.raw(`select count(*)::int as n from ${table}`),
    );
    expect(rows[0]?.n).toBe(1);
  });
});

describe('payments', () => {
  it('refuses a second payment with the same idempotency key', async () => {
    await expect(
      handle.db.insert(s.payments).values({
        caseId,
        amountMinor: 500,
        currency: 'USD',
        method: 'card',
        idempotencyKey: 'k1',
        receivedAt: new Date(),
      }),
    ).rejects.toThrow();
  });
});
