import {
  CHINA_ZONES,
  CONTIGUOUS_US_ZONES,
  US_STATE_ZONES,
} from '@arrears/shared/compliance/jurisdiction-zones';
import {
  addDays,
  DAY_MS,
  debtorCalendarZone,
  isoWeekday,
  knownZones,
  localDate,
  zoneClock,
} from '@arrears/shared/domain/calendar';
import { eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../server/src/db/client.ts';
import { caseQueueState } from '../../server/src/db/schema/index.ts';
import { knownZoneNames } from '../../server/src/db/zone-names.ts';
import { debtorCalendarSql } from '../../server/src/modules/queues/debtor-calendar.ts';
import {
  buildCase,
  buildContact,
  buildContactPoint,
  buildDebtor,
  buildPortfolio,
} from './support/builders.ts';
import { createTestDatabase } from './support/db.ts';

/**
 * The SQL copies of the shared calendar (decision record 034) answer what the calendar answers: the
 * queues' "debtor's today" (the hint, debtor_zone_hint and debtor_calendar_date), the contact insights' zone and
 * local clock, over many zones and the days their clocks change.
 */

let handle: DatabaseHandle;
let portfolioId: string;
/** Zones both the database and the engine know. */
let known: Set<string>;

beforeAll(async () => {
  handle = await createTestDatabase();
  portfolioId = (await buildPortfolio(handle.db)).id;
  known = new Set(await knownZoneNames(handle.db));
});
afterAll(async () => {
  await handle?.close();
});

/**
 * Zones whose clocks change in odd ways: at midnight, by half an hour, twice a year in the south. (Morocco, Cuba,
 * Moldova and parts of Canada are left out: the database's tz data and Node's disagree on their 2026 rules.)
 */
const CHANGING = [
  'America/New_York',
  'America/Los_Angeles',
  'Europe/Berlin',
  'America/Santiago',
  'America/Asuncion',
  'America/St_Johns',
  'Europe/London',
  'Europe/Dublin',
  'Asia/Beirut',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
];

/** The instants a zone's offset changes in 2026, found on the calendar's own clock hour by hour. */
function transitions(zone: string): number[] {
  const clock = zoneClock(zone);
  const found: number[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let at = start; at < start + 366 * DAY_MS; at += 3_600_000) {
    if (clock.offsetAt(at) !== clock.offsetAt(at + 3_600_000)) found.push(at + 3_600_000);
  }
  return found;
}

/** Instants around each change of the changing zones, and a few ordinary ones. */
function dstInstants(): number[] {
  const offsets = [-DAY_MS / 2, -3_600_000, -60_000, 0, 60_000, 3_600_000, DAY_MS / 2];
  const instants = CHANGING.flatMap((zone) => transitions(zone).flatMap((at) => offsets.map((d) => at + d)));
  return [...new Set([...instants, Date.UTC(2026, 5, 10, 12), Date.UTC(2026, 11, 31, 23, 30)])];
}

/**
 * The zones the product serves (every US state's and China's). The database converts with its own tz data and
 * Node with ICU's; their versions differ for a few zones whose rules changed lately (Morocco, Cuba, parts of
 * Canada), so the conversions are compared on these and on the odd ones above, where both agree.
 */
const SERVED = [
  ...new Set([...Object.values(US_STATE_ZONES).flat(), ...CONTIGUOUS_US_ZONES, ...CHINA_ZONES, 'UTC']),
].sort();

const zoneName = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...CHANGING) },
    { weight: 2, arbitrary: fc.constantFrom(...SERVED) },
    { weight: 1, arbitrary: fc.constantFrom('Mars/Olympus', 'EST', 'America/Nowhere') },
  );

const debtorShape = () =>
  fc.record({
    named: fc.option(zoneName(), { nil: null }),
    points: fc.array(fc.option(zoneName(), { nil: null }), { maxLength: 3 }),
    jurisdiction: fc.constantFrom(
      { country: 'US', region: 'NY' },
      { country: 'US', region: 'AZ' },
      { country: 'US', region: 'AK' },
      { country: 'US', region: null },
      { country: 'US', region: 'ZZ' },
      { country: 'CN', region: null },
      { country: 'GB', region: null },
    ),
  });

type DebtorShape = {
  named: string | null;
  points: (string | null)[];
  jurisdiction: { country: string; region: string | null };
};

/** The debtor's calendar zone as the server's facts give it to the engine (unknown zones dropped, named first). */
function calendarZoneOf(shape: DebtorShape): string {
  return debtorCalendarZone({
    debtor: { timeZones: knownZones([shape.named, ...shape.points]), jurisdiction: shape.jurisdiction },
  });
}

async function buildShape(shape: DebtorShape) {
  const debtor = await buildDebtor(handle.db, {
    explicitTimeZone: shape.named,
    jurisdictionCountry: shape.jurisdiction.country,
    jurisdictionRegion: shape.jurisdiction.region,
  });
  const caseRow = await buildCase(handle.db, { portfolioId, debtorId: debtor.id });
  // Points after the case, in creation order, so the hint's triggers keep it.
  for (const [n, zone] of shape.points.entries()) {
    await buildContactPoint(handle.db, debtor.id, {
      timeZone: zone,
      createdAt: new Date(Date.UTC(2026, 0, 1) + n * 1000),
    });
  }
  return caseRow;
}

async function sqlTodays(caseIds: string[], now: Date): Promise<Map<string, string>> {
  const calendar = await debtorCalendarSql(handle.db, now);
  const rows = await queryRows<{ id: string; today: string }>(
    handle.db,
    sql`with ${calendar.zoneDates} select ${caseQueueState.caseId} as id, (debtor_today.today)::text as today
      from ${caseQueueState} cross join lateral ${calendar.today} where ${inArray(caseQueueState.caseId, caseIds)}`,
  );
  return new Map(rows.map((row) => [row.id, row.today]));
}

describe("the queues' debtor's today", () => {
  it('is the calendar’s local date in the calendar’s zone, for debtors of every kind, around DST changes', async () => {
    const shapes = fc.sample(debtorShape(), { numRuns: 60, seed: 16 });
    const built = [];
    for (const shape of shapes) built.push({ shape, caseRow: await buildShape(shape) });
    const ids = built.map((b) => b.caseRow.id);
    const instants = dstInstants();
    // Every instant would be thousands of statements; a seeded sample of them still crosses each change.
    const sampled = fc.sample(fc.constantFrom(...instants), { numRuns: 24, seed: 7 });
    for (const at of sampled) {
      const todays = await sqlTodays(ids, new Date(at));
      for (const { shape, caseRow } of built) {
        expect({ shape, at: new Date(at).toISOString(), today: todays.get(caseRow.id) }).toEqual({
          shape,
          at: new Date(at).toISOString(),
          today: localDate(calendarZoneOf(shape), at),
        });
      }
    }
  });

  it('reads the hint only when it is the calendar zone', async () => {
    await fc.assert(
      fc.asyncProperty(debtorShape(), async (shape) => {
        const caseRow = await buildShape(shape);
        const [row] = await handle.db
          .select({ hint: caseQueueState.calendarZoneHint })
          .from(caseQueueState)
          .where(eq(caseQueueState.caseId, caseRow.id));
        const [fn] = await queryRows<{ hint: string | null }>(
          handle.db,
          sql`select debtor_zone_hint(${caseRow.debtorId}::uuid) as hint`,
        );
        const expected = shape.named ?? shape.points.find((zone) => zone !== null) ?? null;
        expect(row?.hint).toBe(expected);
        expect(fn?.hint).toBe(expected);
        if (expected !== null && known.has(expected)) expect(calendarZoneOf(shape)).toBe(expected);
      }),
      { numRuns: 30 },
    );
  });
});

describe('the contact insights’ zone and local clock', () => {
  it('are the calendar’s zone, minute and ISO weekday of the contact', async () => {
    const instants = fc.sample(fc.constantFrom(...dstInstants()), { numRuns: 30, seed: 9 });
    await fc.assert(
      fc.asyncProperty(debtorShape(), fc.constantFrom(...instants), async (shape, at) => {
        const caseRow = await buildShape(shape);
        const contact = await buildContact(handle.db, caseRow, { occurredAt: new Date(at) });
        const [insight] = await queryRows<{ zone: string; hour: number; minute: number; weekday: number }>(
          handle.db,
          sql`select debtor_zone as zone, local_hour::int as hour, local_minute::int as minute,
              local_weekday::int as weekday from contact_insights where contact_id = ${contact.id}`,
        );
        const zone = calendarZoneOf(shape);
        const clock = zoneClock(zone);
        const minute = clock.minuteOf(at);
        expect(insight).toEqual({
          zone,
          hour: Math.floor(minute / 60),
          minute: minute % 60,
          weekday: isoWeekday(clock.dayOf(at)),
        });
      }),
      { numRuns: 40 },
    );
  });

  it('reads the local clock of every zone served as the calendar does, on the days clocks change', async () => {
    const instants = dstInstants();
    const pairs = [...SERVED, ...CHANGING].flatMap((zone) => instants.map((at) => ({ zone, at })));
    const rows = await queryRows<{ zone: string; at: string; date: string; minute: number; weekday: number }>(
      handle.db,
      sql`select p.zone, p.at, ((p.at::timestamptz) at time zone p.zone)::date::text as date,
          (extract(hour from (p.at::timestamptz) at time zone p.zone) * 60
            + extract(minute from (p.at::timestamptz) at time zone p.zone))::int as minute,
          extract(isodow from (p.at::timestamptz) at time zone p.zone)::int as weekday
        from jsonb_to_recordset(${JSON.stringify(pairs.map((p) => ({ zone: p.zone, at: new Date(p.at).toISOString() })))}::jsonb)
          as p(zone text, at text)`,
    );
    expect(rows).toHaveLength(pairs.length);
    const differ = rows.filter((row) => {
      const at = Date.parse(row.at);
      const clock = zoneClock(row.zone);
      return (
        row.date !== localDate(row.zone, at) ||
        row.minute !== clock.minuteOf(at) ||
        row.weekday !== isoWeekday(clock.dayOf(at))
      );
    });
    expect(differ.map((row) => `${row.zone} ${row.at}`)).toEqual([]);
  });
});

describe('dates the SQL takes from the calendar', () => {
  it('keeps day arithmetic on dates the same as the database’s', async () => {
    const dates = fc
      .sample(fc.integer({ min: 0, max: 30_000 }), { numRuns: 200, seed: 3 })
      .map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10));
    const rows = await queryRows<{ date: string; later: string }>(
      handle.db,
      sql`select d as date, (d::date + 90)::text as later from unnest(${sql.raw(`array[${dates.map((d) => `'${d}'`).join(',')}]`)}::text[]) as d`,
    );
    for (const row of rows) expect(row.later).toBe(addDays(row.date, 90));
  });
});
