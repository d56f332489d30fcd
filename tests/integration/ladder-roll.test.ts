import { bucketFor, daysPastDue } from '@arrears/shared/domain/buckets';
import { LADDER_STAGES, type LadderStage } from '@arrears/shared/domain/enums';
import { DEFAULT_LADDER_POLICY } from '@arrears/shared/schemas/ladder';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../server/src/db/client.ts';
import {
  agencyPlacements,
  auditEvents,
  cases,
  debtors,
  disputes,
  ladderPolicies,
  paymentPlans,
  portfolios,
  promises,
  rollRuns,
} from '../../server/src/db/schema/index.ts';
import { seedDemoBook } from '../../server/src/db/seed/demo-book.ts';
import { runNightlyRoll } from '../../server/src/modules/ladder/roll.service.ts';
import { createTestDatabase } from './support/db.ts';

/** The book is seeded nine days before the roll: days past due grow, reminders reach agents, some reach the agency. */
const SEEDED = new Date('2026-11-20T15:00:00Z');
const NOW = new Date('2026-11-29T10:00:00Z');
const RUN_DATE = '2026-11-29';
/** One portfolio climbs faster than the defaults, so its own policy must be the one applied. */
const FAST = { agentFromDays: 2, agencyFromDays: 60, legalFromDays: 90 };

let handle: DatabaseHandle;
let fastPortfolio: string;
let before: Array<typeof cases.$inferSelect>;
let pendingBefore: Array<typeof promises.$inferSelect>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBook(handle.db, { cases: 300, seed: 11, now: SEEDED });
  const [portfolio] = await handle.db.select().from(portfolios).orderBy(portfolios.name).limit(1);
  fastPortfolio = portfolio!.id;
  await handle.db.insert(ladderPolicies).values({ portfolioId: fastPortfolio, ...FAST });
  before = await handle.db.select().from(cases);
  pendingBefore = await handle.db.select().from(promises).where(eq(promises.status, 'pending'));
}, 180_000);
afterAll(() => handle?.close());

/** Every table of the database, each as its rows in a fixed order: two equal snapshots mean nothing changed. */
async function snapshot(except: string[] = []): Promise<Record<string, unknown[]>> {
  const tables = await queryRows<{ name: string }>(
    handle.db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    const rows = await queryRows<{ row: string }>(
      handle.db,
      sql`select to_jsonb(t)::text as row from ${sql.identifier(name)} t order by 1`,
    );
    out[name] = rows.map((r) => r.row);
  }
  return out;
}

/** The rung the rules put a case on, computed here from the rows themselves (decision 014). */
async function expectedStages(): Promise<Map<string, { dpd: number; stage: LadderStage }>> {
  const [debtorRows, disputeRows, promiseRows, planRows, placementRows, policyRows] = await Promise.all([
    handle.db.select().from(debtors),
    handle.db.select().from(disputes),
    handle.db.select().from(promises),
    handle.db.select().from(paymentPlans),
    handle.db.select().from(agencyPlacements),
    handle.db.select().from(ladderPolicies),
  ]);
  const debtorOf = new Map(debtorRows.map((d) => [d.id, d]));
  const rank = (s: LadderStage) => LADDER_STAGES.indexOf(s);
  const expected = new Map<string, { dpd: number; stage: LadderStage }>();
  for (const c of before) {
    if (c.status !== 'active') continue;
    const dpd = daysPastDue(c.dueDate, RUN_DATE);
    const policy = policyRows.find((p) => p.portfolioId === c.portfolioId) ?? DEFAULT_LADDER_POLICY;
    const d = debtorOf.get(c.debtorId)!;
    const paused =
      (c.holdUntil !== null && c.holdUntil > NOW) ||
      d.ceaseRequestedAt !== null ||
      d.bankruptcyFiledAt !== null ||
      d.deceasedAt !== null ||
      disputeRows.some((x) => x.caseId === c.id && x.verificationSentAt === null);
    // Promise states after the roll: the roll settles promises before it moves anyone.
    const paying =
      promiseRows.some((p) => p.caseId === c.id && p.status === 'pending') ||
      planRows.some((p) => p.caseId === c.id && p.status === 'active');
    const placements = placementRows.filter((p) => p.caseId === c.id);
    const timeBarred = c.limitationsExpiresAt !== null && c.limitationsExpiresAt <= NOW;
    let stage = c.stage;
    if (!paused) {
      if (
        dpd >= policy.legalFromDays &&
        rank(stage) < rank('legal') &&
        !paying &&
        !placements.some((p) => p.status === 'placed') &&
        !timeBarred
      ) {
        stage = 'legal';
      } else if (
        dpd >= policy.agencyFromDays &&
        rank(stage) < rank('agency') &&
        !paying &&
        placements.length === 0
      ) {
        stage = 'agency';
      } else if (dpd >= policy.agentFromDays && rank(stage) < rank('agent')) {
        stage = 'agent';
      }
    }
    expected.set(c.id, { dpd, stage });
  }
  return expected;
}

describe('the nightly roll on the demo book', () => {
  let firstRun: Awaited<ReturnType<typeof runNightlyRoll>>;
  beforeAll(async () => {
    firstRun = await runNightlyRoll(handle.db, { now: NOW });
  }, 120_000);

  it('recomputes days past due and buckets of every active case and leaves closed cases alone', async () => {
    const after = new Map((await handle.db.select().from(cases)).map((c) => [c.id, c]));
    for (const c of before) {
      const now = after.get(c.id)!;
      if (c.status !== 'active') {
        expect({ dpd: now.daysPastDue, bucket: now.bucket, stage: now.stage }).toEqual({
          dpd: c.daysPastDue,
          bucket: c.bucket,
          stage: c.stage,
        });
        continue;
      }
      const dpd = daysPastDue(c.dueDate, RUN_DATE);
      expect({ id: c.id, dpd: now.daysPastDue, bucket: now.bucket }).toEqual({
        id: c.id,
        dpd,
        bucket: bucketFor(dpd),
      });
    }
    expect(firstRun.summary.redated).toBeGreaterThan(100);
  });

  it('moves exactly the cases the portfolio rules say, each move audited with the system as actor', async () => {
    const expected = await expectedStages();
    const after = new Map((await handle.db.select().from(cases)).map((c) => [c.id, c]));
    const expectedMoves = before
      .filter((c) => expected.has(c.id) && expected.get(c.id)!.stage !== c.stage)
      .map((c) => ({ id: c.id, from: c.stage, to: expected.get(c.id)!.stage }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const actualMoves = before
      .filter((c) => after.get(c.id)!.stage !== c.stage)
      .map((c) => ({ id: c.id, from: c.stage, to: after.get(c.id)!.stage }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(actualMoves).toEqual(expectedMoves);
    // The book exercises every rung and the fast portfolio's own policy.
    const reached = new Set(actualMoves.map((m) => m.to));
    expect(reached).toContain('agent');
    expect(reached).toContain('agency');
    const fastIds = new Set(before.filter((c) => c.portfolioId === fastPortfolio).map((c) => c.id));
    expect(actualMoves.some((m) => fastIds.has(m.id))).toBe(true);
    const counted = firstRun.summary.moves;
    expect(counted.agent + counted.agency + counted.legal).toBe(actualMoves.length);

    const audits = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'ladder.move'));
    expect(
      audits
        .map((a) => ({
          id: a.caseId,
          from: (a.before as { stage: string }).stage,
          to: (a.after as { stage: string }).stage,
          actor: a.actorId,
          entity: `${a.entityType}:${a.entityId}`,
        }))
        .sort((a, b) => a.id!.localeCompare(b.id!)),
    ).toEqual(actualMoves.map((m) => ({ ...m, actor: null, entity: `case:${m.id}` })));
    for (const move of actualMoves) {
      const c = after.get(move.id)!;
      // A move bumps the version (a promise the roll settled on the same case bumps it once more).
      expect(c.version).toBeGreaterThan(before.find((b) => b.id === move.id)!.version);
    }
  });

  it('marks promises past their date broken (audited), on every calendar', async () => {
    // Two days before the run date no calendar on earth is still on the due date.
    const clearlyOverdue = pendingBefore.filter((p) => p.dueDate < '2026-11-27');
    expect(clearlyOverdue.length).toBeGreaterThan(0);
    const rows = await handle.db.select().from(promises);
    for (const p of clearlyOverdue) {
      expect(['broken', 'kept']).toContain(rows.find((r) => r.id === p.id)!.status);
    }
    const broken = rows.filter((r) => pendingBefore.some((p) => p.id === r.id) && r.status === 'broken');
    expect(broken.length).toBe(firstRun.summary.promisesBroken);
    const audited = await handle.db
      .select({ id: auditEvents.entityId })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'promise.broken'));
    expect(new Set(audited.map((a) => a.id))).toEqual(new Set(broken.map((b) => b.id)));
  });

  it('records the run, and a second run the same night changes nothing at all', async () => {
    const [run] = await handle.db.select().from(rollRuns);
    expect(run).toMatchObject({ runDate: RUN_DATE, status: 'done', asOf: NOW });
    expect(run!.summary).toEqual(firstRun.summary);
    const snap = await snapshot();
    const later = new Date(NOW.getTime() + 6 * 3_600_000);
    const second = await runNightlyRoll(handle.db, { now: later });
    expect(second).toEqual({ alreadyRan: true, summary: firstRun.summary });
    expect(await snapshot()).toEqual(snap);
  });

  it('forced to run the same night again, finds nothing to change but the run record', async () => {
    const snap = await snapshot(['roll_runs']);
    const again = await runNightlyRoll(handle.db, { now: NOW, force: true });
    expect(again.alreadyRan).toBe(false);
    expect(again.summary).toMatchObject({
      redated: 0,
      moves: { agent: 0, agency: 0, legal: 0 },
      promisesBroken: 0,
      promisesKept: 0,
    });
    expect(await snapshot(['roll_runs'])).toEqual(snap);
  });

  it('the next night moves on', async () => {
    const next = await runNightlyRoll(handle.db, {
      now: new Date('2026-11-30T10:00:00Z'),
      refreshQueues: false,
    });
    expect(next.alreadyRan).toBe(false);
    expect(next.summary.redated).toBeGreaterThan(0);
    expect(await handle.db.select().from(rollRuns)).toHaveLength(2);
  });
});
