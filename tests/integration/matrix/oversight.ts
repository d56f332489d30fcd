import { eq } from 'drizzle-orm';
import { cases, complianceDecisions } from '../../../server/src/db/schema/index.ts';
import { buildContact, key } from '../support/builders.ts';
import { type MatrixRow, type MatrixWorld, only } from './types.ts';

const WEEK = { from: '2026-11-09', to: '2026-11-15' };
const OVERSIGHT = only('supervisor', 'manager', 'admin');

/** A fresh blocked decision on the world's case, so a row does not depend on others having run. */
async function worldDecision(world: MatrixWorld): Promise<number> {
  const [caseRow] = await world.db.select().from(cases).where(eq(cases.id, world.caseId));
  const [row] = await world.db
    .insert(complianceDecisions)
    .values({
      caseId: caseRow!.id,
      debtorId: caseRow!.debtorId,
      actorId: world.users.agent.id,
      actionKind: 'call',
      outcome: 'blocked',
      allowed: false,
      violations: [],
      warnings: [],
      ruleIds: ['US-REGF-TIME'],
      facts: {},
      rulesetVersion: 'matrix',
      evaluatedAt: new Date('2026-11-10T03:00:00Z'),
    })
    .returning({ id: complianceDecisions.id });
  return row!.id;
}

async function worldContact(world: MatrixWorld): Promise<number> {
  const [caseRow] = await world.db.select().from(cases).where(eq(cases.id, world.caseId));
  const row = await buildContact(world.db, caseRow!, {
    occurredAt: new Date('2026-11-10T15:00:00Z'),
    agentId: world.users.agent.id,
  });
  return row.id;
}

/** The compliance audit and QA sample: supervisors (their teams), managers and admins; never agents. */
export const oversightMatrix: Record<string, MatrixRow> = {
  'oversight.options': { access: OVERSIGHT, call: (c) => c.oversight.options() },
  'oversight.list': { access: OVERSIGHT, call: (c) => c.oversight.list({ kind: 'decisions', ...WEEK }) },
  'oversight.decision': {
    access: OVERSIGHT,
    call: async (c, world) => c.oversight.decision({ id: await worldDecision(world) }),
  },
  'oversight.figures': { access: OVERSIGHT, call: (c) => c.oversight.figures(WEEK) },
  'oversight.heatMap': { access: OVERSIGHT, call: (c) => c.oversight.heatMap(WEEK) },
  'oversight.review': {
    access: OVERSIGHT,
    call: async (c, world) =>
      c.oversight.review({
        idempotencyKey: key(),
        target: 'contact',
        id: await worldContact(world),
        note: 'matrix review',
      }),
  },
  'oversight.qaSample': { access: OVERSIGHT, call: (c) => c.oversight.qaSample({ date: '2026-11-10' }) },
};
