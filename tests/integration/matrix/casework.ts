import { buildDispute, key } from '../support/builders.ts';
import { freshPoolCase } from './compliance.ts';
import { type MatrixRow, type MatrixWorld, only, signedIn } from './types.ts';

/**
 * Whoever can see a case reads its screen, timeline and statement; the people who work cases record events
 * and reveal personal data; only a supervisor holds a case. Each write runs on a fresh pool case.
 */
const workers = only('agent', 'supervisor');
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

/** A row whose call records one event on a fresh case of the world's team pool. */
function eventRow(
  call: (
    c: Parameters<MatrixRow['call']>[0],
    fresh: Awaited<ReturnType<typeof freshPoolCase>>,
    world: MatrixWorld,
  ) => Promise<unknown>,
  access = workers,
): MatrixRow {
  return { access, call: async (c, world) => call(c, await freshPoolCase(world), world) };
}

export const caseworkMatrix: Record<string, MatrixRow> = {
  'casework.get': { access: signedIn, call: (c, world) => c.casework.get({ caseId: world.caseId }) },
  'casework.timeline': {
    access: signedIn,
    call: (c, world) => c.casework.timeline({ caseId: world.caseId }),
  },
  'casework.statement': {
    access: signedIn,
    call: (c, world) => c.casework.statement({ caseId: world.caseId }),
  },
  'casework.revealContact': eventRow((c, { caseRow, mobile }) =>
    c.casework.revealContact({ idempotencyKey: key(), caseId: caseRow.id, contactPointId: mobile.id }),
  ),
  'casework.recordDispute': eventRow((c, { caseRow }) =>
    c.casework.recordDispute({ idempotencyKey: key(), caseId: caseRow.id, reason: 'Not my debt' }),
  ),
  'casework.recordVerificationSent': eventRow(async (c, { caseRow }, world) => {
    const dispute = await buildDispute(world.db, caseRow.id, { receivedAt: new Date(hourAgo()) });
    return c.casework.recordVerificationSent({ idempotencyKey: key(), disputeId: dispute.id });
  }),
  'casework.recordCease': eventRow((c, { caseRow }) =>
    c.casework.recordCease({ idempotencyKey: key(), caseId: caseRow.id, receivedAt: hourAgo() }),
  ),
  'casework.recordAttorney': eventRow((c, { caseRow }) =>
    c.casework.recordAttorney({
      idempotencyKey: key(),
      caseId: caseRow.id,
      name: 'R. Counsel',
      contact: '+1 212 555 0100',
    }),
  ),
  'casework.recordBankruptcy': eventRow((c, { caseRow }) =>
    c.casework.recordBankruptcy({ idempotencyKey: key(), caseId: caseRow.id, filedAt: hourAgo() }),
  ),
  'casework.recordDeath': eventRow((c, { caseRow }) =>
    c.casework.recordDeath({ idempotencyKey: key(), caseId: caseRow.id }),
  ),
  'casework.recordOptOut': eventRow((c, { caseRow }) =>
    c.casework.recordOptOut({ idempotencyKey: key(), caseId: caseRow.id, channel: 'sms' }),
  ),
  'casework.revokeConsent': eventRow((c, { caseRow, mobile }) =>
    c.casework.revokeConsent({ idempotencyKey: key(), caseId: caseRow.id, contactPointId: mobile.id }),
  ),
  'casework.markUndeliverable': eventRow((c, { caseRow, mobile }) =>
    c.casework.markUndeliverable({ idempotencyKey: key(), caseId: caseRow.id, contactPointId: mobile.id }),
  ),
  'casework.recordComplaint': eventRow((c, { caseRow }) =>
    c.casework.recordComplaint({
      idempotencyKey: key(),
      caseId: caseRow.id,
      channel: 'phone',
      description: 'Called me three times today',
    }),
  ),
  'casework.addNote': eventRow((c, { caseRow }) =>
    c.casework.addNote({ idempotencyKey: key(), caseId: caseRow.id, body: 'Asked for a plan' }),
  ),
  'casework.scheduleCallback': eventRow((c, { caseRow }) =>
    c.casework.scheduleCallback({ idempotencyKey: key(), caseId: caseRow.id, dueAt: tomorrow() }),
  ),
  'casework.setHold': eventRow(
    (c, { caseRow }) =>
      c.casework.setHold({
        idempotencyKey: key(),
        caseId: caseRow.id,
        until: tomorrow(),
        reason: 'Complaint under review',
      }),
    only('supervisor'),
  ),
  'casework.sendStatement': eventRow((c, { caseRow, home }) =>
    c.casework.sendStatement({
      idempotencyKey: key(),
      caseId: caseRow.id,
      channel: 'letter',
      contactPointId: home.id,
    }),
  ),
};
