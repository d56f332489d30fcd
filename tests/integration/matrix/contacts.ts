import { buildThirdParty, key } from '../support/builders.ts';
import { freshPoolCase } from './compliance.ts';
import { type MatrixRow, only } from './types.ts';

/** The people who work cases record contacts; managers and admins do not. Inputs are ones the guard allows. */
export const contactsMatrix: Record<string, MatrixRow> = {
  'contacts.logCall': {
    access: only('agent', 'supervisor'),
    call: async (c, world) => {
      const { caseRow, mobile } = await freshPoolCase(world);
      return c.contacts.logCall({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: mobile.id,
        kind: 'call',
        // Inbound and now: a call may be logged only today (decision record 020), when New York may be outside
        // calling hours on the real clock; an inbound call is not judged, so access is all this row meets.
        direction: 'inbound',
        outcome: 'conversation',
      });
    },
  },
  'contacts.sendMessage': {
    access: only('agent', 'supervisor'),
    call: async (c, world) => {
      const { caseRow, home } = await freshPoolCase(world);
      return c.contacts.sendMessage({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: home.id,
        channel: 'letter',
        body: 'This is an attempt to collect a debt; any information obtained will be used for that purpose.',
        disclosures: ['mini_miranda_initial'],
      });
    },
  },
  'contacts.contactThirdParty': {
    access: only('agent', 'supervisor'),
    call: async (c, world) => {
      const { caseRow } = await freshPoolCase(world);
      const neighbor = await buildThirdParty(world.db, caseRow.debtorId);
      return c.contacts.contactThirdParty({
        idempotencyKey: key(),
        caseId: caseRow.id,
        thirdPartyId: neighbor.id,
        purpose: 'location',
      });
    },
  },
};
