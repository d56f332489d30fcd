import { z } from 'zod';
import { errorMessage } from '../errors/messages.ts';
import { refineMessage } from '../errors/zod-issues.ts';
import { id, shortText } from './primitives.ts';

/** The admin's view of the integration keys (Admin › Integrations): never the key itself, nor its hash. */

export const integrationKeyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  portfolios: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type IntegrationKeyView = z.infer<typeof integrationKeyView>;

export const integrationKeyList = z.object({
  keys: z.array(integrationKeyView),
  /** What a key may be scoped to. */
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  portfolios: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type IntegrationKeyList = z.infer<typeof integrationKeyList>;

/**
 * Not keyed (decision 022's idempotency keys store the answer, and this answer is the secret): a retried create
 * makes a second key, which the list shows and the admin revokes.
 */
export const createIntegrationKeyInput = z.object({
  name: shortText(80).min(1),
  teamIds: z
    .array(id('teamIds'))
    .max(100)
    .refine((ids) => ids.length > 0, refineMessage(errorMessage('integration.teamRequired'))),
  portfolioIds: z.array(id('portfolioIds')).max(100).default([]),
});

/** The key in full, shown once: only its hash is kept. */
export const createdIntegrationKey = z.object({ key: z.string(), view: integrationKeyView });
export type CreatedIntegrationKey = z.infer<typeof createdIntegrationKey>;

export const revokeIntegrationKeyInput = z.object({ keyId: id('keyId') });
