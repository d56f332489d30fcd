import { buildAgency, buildEscalation, key } from '../support/builders.ts';
import { approvedCase, freshPoolCase } from './compliance.ts';
import { type MatrixRow, only } from './types.ts';

/** Agents and supervisors request and carry out escalations; only a supervisor decides a request. */
export const escalationsMatrix: Record<string, MatrixRow> = {
  'escalations.request': {
    access: only('agent', 'supervisor'),
    call: async (c, world) => {
      const { caseRow } = await freshPoolCase(world);
      return c.escalations.request({
        idempotencyKey: key(),
        caseId: caseRow.id,
        kind: 'field_visit',
        reason: 'Phones unanswered for weeks',
      });
    },
  },
  'escalations.decide': {
    access: only('supervisor'),
    call: async (c, world) => {
      const { caseRow } = await freshPoolCase(world);
      const request = await buildEscalation(world.db, {
        caseId: caseRow.id,
        kind: 'legal_filing',
        requestedBy: world.users.agent.id,
      });
      return c.escalations.decide({
        idempotencyKey: key(),
        requestId: request.id,
        approve: true,
        reason: 'Debt verified, not time-barred',
      });
    },
  },
  'escalations.scheduleFieldVisit': {
    access: only('agent', 'supervisor'),
    call: async (c, world) => {
      const { caseRow, home } = await approvedCase(world, 'field_visit');
      const tomorrowNoon = new Date(Date.now() + 2 * 86_400_000);
      tomorrowNoon.setUTCHours(17, 0, 0, 0);
      return c.escalations.scheduleFieldVisit({
        idempotencyKey: key(),
        caseId: caseRow.id,
        addressId: home.id,
        scheduledFor: tomorrowNoon.toISOString(),
      });
    },
  },
  'escalations.placeWithAgency': {
    access: only('agent', 'supervisor'),
    call: async (c, world) => {
      const { caseRow } = await approvedCase(world, 'agency_placement');
      const agency = await buildAgency(world.db);
      return c.escalations.placeWithAgency({
        idempotencyKey: key(),
        caseId: caseRow.id,
        agencyId: agency.id,
      });
    },
  },
  'escalations.fileLegalAction': {
    access: only('agent', 'supervisor'),
    call: async (c, world) => {
      const { caseRow } = await approvedCase(world, 'legal_filing');
      return c.escalations.fileLegalAction({
        idempotencyKey: key(),
        caseId: caseRow.id,
        court: 'Springfield District Court',
        claimMinor: 50_000,
      });
    },
  },
};
