import { buildCase, buildContactPoint, buildEscalation, buildPortfolio, key } from '../support/builders.ts';
import { type MatrixRow, type MatrixWorld, only, signedIn } from './types.ts';

/**
 * A fresh case in the world's team pool (in scope for its agent and supervisor), so a row never meets what an
 * earlier row recorded (a used approval, a placement, a frequency count). Its debtor is in New York.
 */
export async function freshPoolCase(world: MatrixWorld) {
  const portfolio = await buildPortfolio(world.db);
  const caseRow = await buildCase(world.db, { portfolioId: portfolio.id, teamId: world.teamId });
  const mobile = await buildContactPoint(world.db, caseRow.debtorId, { kind: 'mobile' });
  const home = await buildContactPoint(world.db, caseRow.debtorId, { kind: 'home_address' });
  return { caseRow, mobile, home };
}

/** A fresh pool case whose `kind` escalation a supervisor of the world's team already approved. */
export async function approvedCase(
  world: MatrixWorld,
  kind: 'agency_placement' | 'field_visit' | 'legal_filing',
) {
  const fresh = await freshPoolCase(world);
  await buildEscalation(world.db, {
    caseId: fresh.caseRow.id,
    kind,
    requestedBy: world.users.agent.id,
    status: 'approved',
    decidedBy: world.users.supervisor.id,
  });
  return fresh;
}

/** Anyone who can see a case reads its verdicts and decisions; only a supervisor overrides. */
export const complianceMatrix: Record<string, MatrixRow> = {
  'compliance.check': { access: signedIn, call: (c, world) => c.compliance.check({ caseId: world.caseId }) },
  'compliance.decisions': {
    access: signedIn,
    call: (c, world) => c.compliance.decisions({ caseId: world.caseId }),
  },
  'compliance.override': {
    access: only('supervisor'),
    // A fresh case each call: two calls must be two requests (idempotency.test.ts replays one of them).
    call: async (c, world) =>
      c.compliance.override({
        idempotencyKey: key(),
        caseId: (await freshPoolCase(world)).caseRow.id,
        actionKind: 'agency_placement',
        ruleIds: ['POL-APPROVAL'],
        reason: 'Creditor asked for immediate placement',
      }),
  },
};
