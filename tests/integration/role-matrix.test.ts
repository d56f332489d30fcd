import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { appRouter } from '../../server/src/trpc/router.ts';
import { authMatrix } from './matrix/auth.ts';
import { casesMatrix } from './matrix/cases.ts';
import { caseworkMatrix } from './matrix/casework.ts';
import { channelsMatrix } from './matrix/channels.ts';
import { complianceMatrix } from './matrix/compliance.ts';
import { contactsMatrix } from './matrix/contacts.ts';
import { escalationsMatrix } from './matrix/escalations.ts';
import { integrationsMatrix } from './matrix/integrations.ts';
import { agenciesMatrix, ladderMatrix } from './matrix/ladder.ts';
import { lettersMatrix } from './matrix/letters.ts';
import { oversightMatrix } from './matrix/oversight.ts';
import { paymentsMatrix } from './matrix/payments.ts';
import { placementsMatrix } from './matrix/placements.ts';
import { queuesMatrix } from './matrix/queues.ts';
import { remindersMatrix } from './matrix/reminders.ts';
import { reportsMatrix } from './matrix/reports.ts';
import { rulesMatrix } from './matrix/rules.ts';
import { supervisionMatrix } from './matrix/supervision.ts';
import type { Expected, MatrixRow, MatrixWorld, Who } from './matrix/types.ts';
import { buildMatrixWorld } from './matrix/world.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/**
 * Every procedure of the router, called by every role and by a signed-out caller. The rows live per module in
 * ./matrix; a procedure added to the router without a row fails the completeness test.
 */
const MATRIX: Record<string, MatrixRow> = {
  ...authMatrix,
  ...casesMatrix,
  ...caseworkMatrix,
  ...complianceMatrix,
  ...contactsMatrix,
  ...escalationsMatrix,
  ...channelsMatrix,
  ...integrationsMatrix,
  ...ladderMatrix,
  ...agenciesMatrix,
  ...lettersMatrix,
  ...oversightMatrix,
  ...paymentsMatrix,
  ...placementsMatrix,
  ...queuesMatrix,
  ...remindersMatrix,
  ...reportsMatrix,
  ...rulesMatrix,
  ...supervisionMatrix,
};
/** Sign-in is public by nature; its refusals are covered in auth.test.ts. */
const PUBLIC_BY_DESIGN = ['auth.signIn'];

let handle: DatabaseHandle;
let world: MatrixWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  world = await buildMatrixWorld(handle.db);
});
afterAll(() => handle.close());

it('covers every procedure of the router', () => {
  const procedures = Object.keys(appRouter._def.procedures).sort();
  expect(procedures).toEqual([...Object.keys(MATRIX), ...PUBLIC_BY_DESIGN].sort());
});

describe.each(Object.entries(MATRIX))('%s', (_name, { access, call }) => {
  it.each(Object.entries(access) as Array<[Who, Expected]>)('as %s → %s', async (who, expected) => {
    const caller = callerFor(handle.db, who === 'signed_out' ? null : world.users[who]).caller;
    const outcome = await call(caller, world).then(
      () => 'ok',
      (error: { code?: string }) => error.code ?? 'THREW',
    );
    expect(outcome).toBe(expected);
  });
});
