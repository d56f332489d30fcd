import { z } from 'zod';
import { idempotencyKey } from './idempotency.ts';
import { id } from './primitives.ts';

/** The case version the agent's screen shows; a different current version answers STALE_VERSION. */
export const expectedVersion = z.number().int().min(1).optional();

const caseId = id('caseId');

/**
 * A request that changes one case: the case, the change's own fields, then the case version the screen showed
 * and the request's idempotency key. Every write on a case carries the three; they are declared here once.
 */
export function caseWriteInput<const Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object({ caseId, ...shape, expectedVersion, idempotencyKey });
}
