import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { cases } from '../../server/src/db/schema/index.ts';
import { statement } from '../../server/src/db/statement.ts';
import { caseScope, caseScopeTemplate } from '../../server/src/modules/cases/cases.service.ts';
import { buildCase, buildPortfolio, buildTeam, buildUser } from './support/builders.ts';
import { createTestDatabase } from './support/db.ts';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe('the scope template', () => {
  it('selects exactly the cases caseScope selects, for every role and number of teams', async () => {
    const db = handle.db;
    const [red, blue, green] = [await buildTeam(db), await buildTeam(db), await buildTeam(db)];
    const portfolio = await buildPortfolio(db);
    const agent = await buildUser(db, 'agent', { teamId: red.id });
    const loner = await buildUser(db, 'agent');
    const other = await buildUser(db, 'agent', { teamId: blue.id });
    const viewers: SessionUser[] = [
      agent,
      loner,
      other,
      await buildUser(db, 'supervisor', { supervises: [red.id, blue.id] }),
      await buildUser(db, 'supervisor', { supervises: [green.id] }),
      await buildUser(db, 'supervisor'),
      await buildUser(db, 'manager'),
      await buildUser(db, 'admin'),
    ];
    // Own, pooled and others' cases in each team, and one of the loner's.
    const ids: string[] = [];
    for (const team of [red, blue, green]) {
      for (const assignedAgentId of [null, agent.id, other.id]) {
        ids.push((await buildCase(db, { portfolioId: portfolio.id, teamId: team.id, assignedAgentId })).id);
      }
    }
    ids.push(
      (await buildCase(db, { portfolioId: portfolio.id, teamId: null, assignedAgentId: loner.id })).id,
    );

    for (const viewer of viewers) {
      const expected = await db
        .select({ id: cases.id })
        .from(cases)
        .where(and(inArray(cases.id, ids), caseScope(viewer)));
      const template = caseScopeTemplate(viewer);
      const visible = statement<Record<string, string>, { id: string }>(
        () => sql`select ${cases.id} as id from ${cases}
          where ${cases.id} = any(${sql.placeholder('ids')}::uuid[]) and ${template.condition}`,
      );
      const rows = await visible(db, { ...template.values, ids: `{${ids.join(',')}}` });
      expect(rows.map((row) => row.id).sort(), `${viewer.role} with ${viewer.teamIds.length} teams`).toEqual(
        expected.map((row) => row.id).sort(),
      );
    }
    // The shapes differ by role and number of teams only.
    expect(caseScopeTemplate(agent).key).toBe(caseScopeTemplate(other).key);
  });
});
