import { buildAgency, buildPortfolio, key } from '../support/builders.ts';
import { callerFor } from '../support/caller.ts';
import { approvedCase } from './compliance.ts';
import { type MatrixRow, type MatrixWorld, only } from './types.ts';

let agencyCount = 0;

/** A fresh pool case of the world's team placed with an agency by the team's supervisor (approved, guarded). */
async function placedCase(world: MatrixWorld) {
  const { caseRow } = await approvedCase(world, 'agency_placement');
  const agency = await buildAgency(world.db);
  const placed = await callerFor(world.db, world.users.supervisor).caller.escalations.placeWithAgency({
    idempotencyKey: key(),
    caseId: caseRow.id,
    agencyId: agency.id,
  });
  return { caseRow, agency, placementId: placed.placementId };
}

/** Ladder policies are an admin's; roll runs are read by oversight roles. */
export const ladderMatrix: Record<string, MatrixRow> = {
  'ladder.policies': { access: only('admin'), call: (c) => c.ladder.policies() },
  'ladder.updatePolicy': {
    access: only('admin'),
    call: async (c, world) => {
      const portfolio = await buildPortfolio(world.db);
      return c.ladder.updatePolicy({
        portfolioId: portfolio.id,
        policy: { agentFromDays: 5, agencyFromDays: 100, legalFromDays: 200 },
      });
    },
  },
  'ladder.runs': { access: only('supervisor', 'manager', 'admin'), call: (c) => c.ladder.runs({ limit: 5 }) },
};

/** Admins keep the agencies; oversight reads placements in scope; a supervisor recalls and records payments. */
export const agenciesMatrix: Record<string, MatrixRow> = {
  'agencies.list': { access: only('supervisor', 'manager', 'admin'), call: (c) => c.agencies.list() },
  'agencies.choices': { access: only('agent', 'supervisor'), call: (c) => c.agencies.choices() },
  'agencies.create': {
    access: only('admin'),
    call: (c) =>
      c.agencies.create({
        idempotencyKey: key(),
        name: `Matrix agency ${Date.now()}-${agencyCount++}`,
        commissionBps: 2000,
      }),
  },
  'agencies.update': {
    access: only('admin'),
    call: async (c, world) => {
      const agency = await buildAgency(world.db);
      return c.agencies.update({ agencyId: agency.id, commissionBps: 1500 });
    },
  },
  'agencies.placements': {
    access: only('supervisor', 'manager', 'admin'),
    call: (c) => c.agencies.placements({ limit: 10 }),
  },
  'agencies.recall': {
    access: only('supervisor'),
    call: async (c, world) => {
      const { placementId } = await placedCase(world);
      return c.agencies.recall({
        idempotencyKey: key(),
        placementId,
        reason: 'The agency has not reported in weeks',
      });
    },
  },
  'agencies.recordPayment': {
    access: only('supervisor'),
    call: async (c, world) => {
      const { placementId } = await placedCase(world);
      return c.agencies.recordPayment({
        idempotencyKey: key(),
        placementId,
        amountMinor: 1_000,
        currency: 'USD',
        receivedAt: new Date().toISOString(),
        reference: `MTX-${Date.now()}-${agencyCount++}`,
      });
    },
  },
};
