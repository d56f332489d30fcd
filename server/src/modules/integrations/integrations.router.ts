import {
  createdIntegrationKey,
  createIntegrationKeyInput,
  integrationKeyList,
  revokeIntegrationKeyInput,
} from '@arrears/shared/schemas/integrations';
import { z } from 'zod';
import { router } from '../../trpc/init.ts';
import { plainMutation, userQuery } from '../../trpc/procedures.ts';
import { createKey, listKeys, revokeKey } from './keys.service.ts';

/**
 * Admin › Integrations: the API keys of connected systems (the dialer's door). An admin lists, creates (the key is
 * answered once) and revokes them; each change is audited with the admin's id.
 */
export const integrationsRouter = router({
  list: userQuery('admin:manage', integrationKeyList, listKeys),

  create: plainMutation('admin:manage', createIntegrationKeyInput, createdIntegrationKey, createKey),

  revoke: plainMutation(
    'admin:manage',
    revokeIntegrationKeyInput,
    z.object({ revokedAt: z.string() }),
    revokeKey,
  ),
});
