import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../server/src/db/client.ts';
import {
  contactZone,
  windowEnd,
  windowStart,
  zoneMapJoin,
  zoneMapJson,
} from '../../server/src/modules/oversight/debtor-zone.ts';
import { backfillContactInsights } from '../../server/src/modules/oversight/insights.ts';
import {
  buildCase,
  buildContact,
  buildContactPoint,
  buildDebtor,
  buildPortfolio,
  buildWorkedCase,
  key,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

interface Insight {
  contact_id: number;
  debtor_zone: string;
  local_hour: number;
  local_minute: number;
  local_weekday: number;
  window_position: number;
  timed: boolean;
}

const stamped = () =>
  queryRows<Insight>(
    handle.db,
    sql`select contact_id::int, debtor_zone, local_hour::int, local_minute::int, local_weekday::int,
        window_position::int, timed from contact_insights order by contact_id`,
  );

/** The derivation the audit ran per row before the stamp (decision record 009), read for every contact. */
async function derived(): Promise<Insight[]> {
  const rows = await queryRows<Omit<Insight, 'window_position'> & { ws: number; we: number }>(
    handle.db,
    sql`select cl.id::int as contact_id, zone as debtor_zone,
        extract(hour from cl.occurred_at at time zone zone)::int as local_hour,
        extract(minute from cl.occurred_at at time zone zone)::int as local_minute,
        extract(isodow from cl.occurred_at at time zone zone)::int as local_weekday,
        (cl.direction = 'outbound' and cl.agent_id is not null and cl.kind in ('call', 'autodial_call', 'voicemail',
          'sms', 'email', 'app_push', 'field_visit', 'third_party_contact')) as timed, ws::int, we::int
      from contact_log cl
      join cases on cases.id = cl.case_id
      join debtors d on d.id = cl.debtor_id
      join portfolios p on p.id = cases.portfolio_id
      ${zoneMapJoin(await zoneMapJson(handle.db))}
      cross join lateral (select ${contactZone} as zone, ${windowStart()} as ws, ${windowEnd()} as we) w
      order by cl.id`,
  );
  return rows.map(({ ws, we, ...row }) => {
    const m = row.local_hour * 60 + row.local_minute;
    const position = m < ws || m >= we ? 2 : m < ws + 30 || m >= we - 30 ? 1 : 0;
    return { ...row, window_position: position };
  });
}

describe('contact insights stamped at record time', () => {
  it('equal the derived zone, local time and window position, across DST and for a Shanghai debtor', async () => {
    const w = await buildWorkedCase(handle.db);
    const logCall = (iso: string) =>
      callerFor(handle.db, w.agent, { now: new Date(iso) }).caller.contacts.logCall({
        idempotencyKey: key(),
        caseId: w.caseRow.id,
        contactPointId: w.mobile.id,
        kind: 'call',
        outcome: 'no_answer',
      });
    // Through the guard and recordContact: Friday 08:20 EDT before the change, Friday 08:20 EST after it.
    await logCall('2026-10-30T12:20:00Z');
    await logCall('2026-11-06T13:20:00Z');
    // Through the builder: 13:00 EST (plain) and 07:15 EST (outside).
    await buildContact(handle.db, w.caseRow, {
      occurredAt: new Date('2026-11-06T18:00:00Z'),
      agentId: w.agent.id,
    });
    await buildContact(handle.db, w.caseRow, {
      occurredAt: new Date('2026-11-13T12:15:00Z'),
      agentId: w.agent.id,
    });
    // A debtor in China known only by a contact point in Shanghai: Tuesday 21:45, near CN-CBA-HOURS' 22:00 end.
    const cnPortfolio = await buildPortfolio(handle.db, { country: 'CN', region: null, currency: 'CNY' });
    const cnDebtor = await buildDebtor(handle.db, { jurisdictionCountry: 'CN', jurisdictionRegion: null });
    const cnPoint = await buildContactPoint(handle.db, cnDebtor.id, { timeZone: 'Asia/Shanghai' });
    const cnCase = await buildCase(handle.db, {
      portfolioId: cnPortfolio.id,
      debtorId: cnDebtor.id,
      teamId: w.team.id,
      assignedAgentId: w.agent.id,
      currency: 'CNY',
    });
    await buildContact(handle.db, cnCase, {
      occurredAt: new Date('2026-11-03T13:45:00Z'),
      agentId: w.agent.id,
    });
    // Inbound, through the locked (unjudged) path: stamped, but not a timed attempt.
    await callerFor(handle.db, w.agent, { now: new Date('2026-11-04T02:00:00Z') }).caller.contacts.logCall({
      idempotencyKey: key(),
      caseId: cnCase.id,
      contactPointId: cnPoint.id,
      kind: 'call',
      direction: 'inbound',
      outcome: 'conversation',
    });
    // A Texas debtor with no zone anywhere: the jurisdiction's first zone, through the guard. Monday 10:00 CST.
    const tx = await buildWorkedCase(handle.db, {
      debtor: { explicitTimeZone: null, jurisdictionRegion: 'TX' },
      portfolio: { region: 'TX' },
    });
    await callerFor(handle.db, tx.agent, { now: new Date('2026-11-09T16:00:00Z') }).caller.contacts.logCall({
      idempotencyKey: key(),
      caseId: tx.caseRow.id,
      contactPointId: tx.mobile.id,
      kind: 'call',
      outcome: 'no_answer',
    });

    const rows = await stamped();
    expect(rows).toHaveLength(7);
    expect(rows).toEqual(await derived());
    const pick = ({
      debtor_zone,
      local_hour,
      local_minute,
      local_weekday,
      window_position,
      timed,
    }: Insight) => [debtor_zone, local_hour, local_minute, local_weekday, window_position, timed];
    expect(rows.map(pick)).toEqual([
      ['America/New_York', 8, 20, 5, 1, true],
      ['America/New_York', 8, 20, 5, 1, true],
      ['America/New_York', 13, 0, 5, 0, true],
      ['America/New_York', 7, 15, 5, 2, true],
      ['Asia/Shanghai', 21, 45, 2, 1, true],
      ['Asia/Shanghai', 10, 0, 3, 0, false],
      ['America/Chicago', 10, 0, 1, 0, true],
    ]);

    // The backfill's set-based derivation stamps the same rows.
    await handle.db.execute(sql`delete from contact_insights`);
    expect(await backfillContactInsights(handle.db)).toBe(7);
    expect(await stamped()).toEqual(rows);
    expect(await backfillContactInsights(handle.db)).toBe(0);
  });
});
