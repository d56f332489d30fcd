import { zonesForJurisdiction } from '@arrears/shared/compliance/jurisdiction-zones';
import { ruleById } from '@arrears/shared/compliance/rules/registry';
import { zoneClock } from '@arrears/shared/compliance/time';
import type { ActionKind, Direction } from '@arrears/shared/domain/enums';
import { EDGE_MINUTES } from '@arrears/shared/schemas/oversight';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { contactInsights } from '../../db/schema/index.ts';
import type { CaseFacts } from '../compliance/compliance.service.ts';
import { contactZone, windowEnd, windowStart, zoneMapJoin, zoneMapJson } from './debtor-zone.ts';

/**
 * Outbound kinds a calling window applies to, as the catalog says: those US-REGF-TIME or CN-CBA-HOURS judge (letters
 * and escalations have no hour). Read from the rules so the audit's heat map counts what the engine times.
 */
const TIMED_KIND_LIST: readonly ActionKind[] = [
  ...new Set(['US-REGF-TIME', 'CN-CBA-HOURS'].flatMap((id) => ruleById(id)?.appliesTo ?? [])),
];
export const TIMED_KINDS = sql`(${sql.raw(TIMED_KIND_LIST.map((kind) => `'${kind}'`).join(', '))})`;

/** window_position: inside the calling window, inside it within EDGE_MINUTES of its start or end, outside it. */
export const WINDOW_INSIDE = 0;
export const WINDOW_NEAR_EDGE = 1;
export const WINDOW_OUTSIDE = 2;

/**
 * Inserts contact_insights from `source`, a query of contact-log rows with their `zone` and calling window `ws`/`we`
 * (minutes of the local day, half-open): the local hour, minute and ISO weekday in the zone and the position.
 */
function insertInsights(source: SQL): SQL {
  return sql`insert into contact_insights
      (contact_id, case_id, agent_id, occurred_at, timed, debtor_zone, local_hour, local_minute, local_weekday,
       window_position)
    select id, case_id, agent_id, occurred_at, timed, zone, extract(hour from lt)::int, extract(minute from lt)::int,
      extract(isodow from lt)::int,
      case
        when m < ws or m >= we then ${WINDOW_OUTSIDE}::int
        when m < ws + ${EDGE_MINUTES}::int or m >= we - ${EDGE_MINUTES}::int then ${WINDOW_NEAR_EDGE}::int
        else ${WINDOW_INSIDE}::int end
    from (
      select z.*, extract(hour from lt)::int * 60 + extract(minute from lt)::int as m
      from (select s.*, (s.occurred_at at time zone s.zone) as lt from (${source}) s) z
    ) y
    on conflict (contact_id) do nothing`;
}

const TIMED = sql`(cl.direction = 'outbound' and cl.agent_id is not null and cl.kind in ${TIMED_KINDS})`;

/** Rows an INSERT wrote: postgres.js answers `count`, PGlite `affectedRows`. */
function rowCount(result: unknown): number {
  const counted = result as { count?: number | null; affectedRows?: number };
  return counted.count ?? counted.affectedRows ?? 0;
}

/**
 * Stamps `contact_insights` for the contact-log rows `cl` matching `where` (a few rows: the zone is looked up per
 * row, see contactZone). Called in the transaction that records a contact, so the zone and window are the ones
 * of that moment.
 */
export async function stampContactInsights(db: Executor, where: SQL): Promise<number> {
  const zones = await zoneMapJson(db);
  const result = await db.execute(
    insertInsights(sql`select cl.id, cl.case_id, cl.agent_id, cl.occurred_at, ${TIMED} as timed, w.zone, w.ws, w.we
      from contact_log cl
      join cases on cases.id = cl.case_id
      join debtors d on d.id = cl.debtor_id
      join portfolios p on p.id = cases.portfolio_id
      ${zoneMapJoin(zones)}
      cross join lateral (select ${contactZone} as zone, ${windowStart()} as ws, ${windowEnd()} as we) w
      where ${where}`),
  );
  return rowCount(result);
}

/** Stamps one contact already in the log (builders, fixtures): the zone is looked up in SQL. */
export function stampContactInsight(db: Executor, contactId: number): Promise<number> {
  return stampContactInsights(db, sql`cl.id = ${contactId}`);
}

/** What an insight is computed from: the debtor's calendar zone and the calling window (minutes, half-open). */
export interface InsightBasis {
  zone: string;
  windowStart: number;
  windowEnd: number;
}

/**
 * The basis from the facts the guard has already loaded, so recording a contact needs no zone lookup in SQL. The
 * same order as contactZone: the engine's first candidate zone (the debtor's named zone, else the first contact
 * point's, which is also what a decision made from these facts records), else the jurisdiction's first zone, else
 * UTC; and the window the portfolio's parameters give CN-CBA-HOURS or US-REGF-TIME. An integration test pins it to
 * the SQL derivation.
 */
export function insightBasis(caseFacts: CaseFacts): InsightBasis {
  const { debtor } = caseFacts.base;
  const zone = debtor.timeZones?.[0] ?? zonesForJurisdiction(debtor.jurisdiction)[0] ?? 'UTC';
  const china = debtor.jurisdiction.country === 'CN';
  const params = caseFacts.parameters;
  return {
    zone,
    windowStart: china ? params['CN-CBA-HOURS.start'] : params['US-REGF-TIME.start'],
    windowEnd: china ? params['CN-CBA-HOURS.end'] : params['US-REGF-TIME.end'],
  };
}

/** The insight of one contact on `basis`: local hour, minute and ISO weekday, and the window position. */
export function insightOf(
  contact: {
    caseId: string;
    agentId: string | null;
    kind: ActionKind;
    direction: Direction;
    occurredAt: Date;
  },
  basis: InsightBasis,
): Omit<typeof contactInsights.$inferInsert, 'contactId'> {
  const clock = zoneClock(basis.zone);
  const at = contact.occurredAt.getTime();
  const minute = clock.minuteOf(at);
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  const weekday = (((clock.dayOf(at) % 7) + 7 + 3) % 7) + 1;
  const { windowStart: ws, windowEnd: we } = basis;
  const position =
    minute < ws || minute >= we
      ? WINDOW_OUTSIDE
      : minute < ws + EDGE_MINUTES || minute >= we - EDGE_MINUTES
        ? WINDOW_NEAR_EDGE
        : WINDOW_INSIDE;
  return {
    caseId: contact.caseId,
    agentId: contact.agentId,
    occurredAt: contact.occurredAt,
    timed:
      contact.direction === 'outbound' && contact.agentId !== null && TIMED_KIND_LIST.includes(contact.kind),
    debtorZone: basis.zone,
    localHour: Math.floor(minute / 60),
    localMinute: minute % 60,
    localWeekday: weekday,
    windowPosition: position,
  };
}

/**
 * Stamps every contact that has no insight yet, set-based: the same zone order as contactZone (the recorded
 * decision's first zone, the debtor's named zone, the first contact point's zone, the jurisdiction's first zone,
 * UTC) but with each debtor's first contact-point zone computed once and hash-joined, so the million-case book's
 * five million contacts take one pass instead of a lookup per row. Idempotent. Returns how many rows it stamped.
 */
export async function backfillContactInsights(db: Executor): Promise<number> {
  const zones = await zoneMapJson(db);
  const result = await db.execute(
    insertInsights(sql`with zm as (select ${zones}::jsonb as m),
      first_point as (
        select distinct on (cp.debtor_id) cp.debtor_id, zm.m ->> cp.time_zone as zone
        from contact_points cp cross join zm
        where zm.m ? cp.time_zone
        order by cp.debtor_id, cp.created_at, cp.id)
      select cl.id, cl.case_id, cl.agent_id, cl.occurred_at, ${TIMED} as timed,
        coalesce(
          zm.m ->> (dz.facts -> 'debtor' -> 'timeZones' ->> 0),
          zm.m ->> d.explicit_time_zone,
          fp.zone,
          zm.m ->> ('J:' || d.jurisdiction_country || ':' || coalesce(d.jurisdiction_region, '')),
          zm.m ->> ('J:' || d.jurisdiction_country || ':'),
          'UTC') as zone,
        ${windowStart()} as ws, ${windowEnd()} as we
      from contact_log cl
      join cases on cases.id = cl.case_id
      join debtors d on d.id = cl.debtor_id
      join portfolios p on p.id = cases.portfolio_id
      cross join zm
      left join compliance_decisions dz on dz.id = cl.decision_id
      left join first_point fp on fp.debtor_id = d.id
      where not exists (select 1 from contact_insights ci where ci.contact_id = cl.id)`),
  );
  return rowCount(result);
}
