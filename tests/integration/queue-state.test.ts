import type { SessionUser } from '@arrears/shared/schemas/auth';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../server/src/db/client.ts';
import { caseQueueState, cases } from '../../server/src/db/schema/index.ts';
import {
  buildCase,
  buildContactPoint,
  buildDebtor,
  buildPortfolio,
  buildTeam,
  buildUser,
  caseAndQueue,
  key,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/**
 * The queues' own table (case_queue_state): one row per case, its owner columns mirrored from the case by the
 * triggers listed in db/triggers.ts, whatever writes the case.
 */
const NOW = new Date('2026-11-11T17:00:00Z');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** Cases whose queue row is missing or says other than the case about its debtor, status, agent or team. */
async function outOfStep(): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    handle.db,
    sql`select ${cases.id} as id from ${cases} left join ${caseQueueState} on ${caseQueueState.caseId} = ${cases.id}
        where ${caseQueueState.caseId} is null
          or (${cases.debtorId}, ${cases.status}, ${cases.assignedAgentId}, ${cases.teamId})
            is distinct from (${caseQueueState.debtorId}, ${caseQueueState.status},
              ${caseQueueState.assignedAgentId}, ${caseQueueState.teamId})`,
  );
  return rows.map((row) => row.id);
}

const mine = async (agent: SessionUser) =>
  (await callerFor(handle.db, agent, { now: NOW }).caller.queues.list({ queue: 'mine' })).rows.map(
    (r) => r.id,
  );

describe('the queue row of a case', () => {
  it('is created with the case, with its owner columns and its debtor’s zone hint', async () => {
    const team = await buildTeam(handle.db);
    const portfolio = await buildPortfolio(handle.db);
    const debtor = await buildDebtor(handle.db);
    await buildContactPoint(handle.db, debtor.id, { timeZone: 'Asia/Shanghai' });
    const caseRow = await buildCase(handle.db, {
      portfolioId: portfolio.id,
      teamId: team.id,
      debtorId: debtor.id,
    });
    const [row] = await handle.db.select().from(caseQueueState).where(eq(caseQueueState.caseId, caseRow.id));
    expect(row).toMatchObject({
      debtorId: debtor.id,
      status: 'active',
      assignedAgentId: null,
      teamId: team.id,
      calendarZoneHint: 'Asia/Shanghai',
      priority: 0,
      nextWorkableAt: null,
    });
    expect(await outOfStep()).toEqual([]);
  });

  it('follows a reassignment, a move to another team and a close, and the queues with it', async () => {
    const db = handle.db;
    const team = await buildTeam(db);
    const otherTeam = await buildTeam(db);
    const ann = await buildUser(db, 'agent', { teamId: team.id });
    const ben = await buildUser(db, 'agent', { teamId: team.id });
    const supervisor = await buildUser(db, 'supervisor', { supervises: [team.id] });
    const portfolio = await buildPortfolio(db);
    const caseRow = await buildCase(db, {
      portfolioId: portfolio.id,
      teamId: team.id,
      assignedAgentId: ann.id,
    });
    expect(await mine(ann)).toEqual([caseRow.id]);

    await callerFor(db, supervisor, { now: NOW }).caller.team.reassign({
      idempotencyKey: key(),
      teamId: team.id,
      caseIds: [caseRow.id],
      toAgentId: ben.id,
    });
    expect(await caseAndQueue(db, caseRow.id)).toMatchObject({ assignedAgentId: ben.id });
    expect(
      (await db.select().from(caseQueueState).where(eq(caseQueueState.caseId, caseRow.id)))[0],
    ).toMatchObject({ assignedAgentId: ben.id, teamId: team.id, status: 'active' });
    expect(await mine(ann)).toEqual([]);
    expect(await mine(ben)).toEqual([caseRow.id]);

    await db
      .update(cases)
      .set({ teamId: otherTeam.id, assignedAgentId: null })
      .where(eq(cases.id, caseRow.id));
    expect(
      (await db.select().from(caseQueueState).where(eq(caseQueueState.caseId, caseRow.id)))[0],
    ).toMatchObject({ assignedAgentId: null, teamId: otherTeam.id });
    expect(await mine(ben)).toEqual([]);

    await db.update(cases).set({ status: 'paid', assignedAgentId: ben.id }).where(eq(cases.id, caseRow.id));
    expect(
      (await db.select().from(caseQueueState).where(eq(caseQueueState.caseId, caseRow.id)))[0],
    ).toMatchObject({ status: 'paid', assignedAgentId: ben.id });
    expect(await mine(ben)).toEqual([]);
    expect(await outOfStep()).toEqual([]);
  });

  it('is not written by an update that leaves the owner columns alone', async () => {
    const portfolio = await buildPortfolio(handle.db);
    const caseRow = await buildCase(handle.db, { portfolioId: portfolio.id });
    const [before] = await queryRows<{ xmin: string }>(
      handle.db,
      sql`select xmin::text from ${caseQueueState} where ${caseQueueState.caseId} = ${caseRow.id}`,
    );
    await handle.db
      .update(cases)
      .set({ version: caseRow.version + 1, balanceMinor: 1 })
      .where(eq(cases.id, caseRow.id));
    const [after] = await queryRows<{ xmin: string }>(
      handle.db,
      sql`select xmin::text from ${caseQueueState} where ${caseQueueState.caseId} = ${caseRow.id}`,
    );
    expect(after?.xmin).toBe(before?.xmin);
  });
});
