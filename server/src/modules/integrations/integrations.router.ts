import {
  createdIntegrationKey,
  createIntegrationKeyInput,
  integrationKeyList,
  revokeIntegrationKeyInput,
} from '@arrears/shared/schemas/integrations';
import { z } from 'zod';
import { router } from '../../trpc/init.ts';
import { permissionProcedure } from '../../trpc/procedures.ts';
import { createKey, listKeys, revokeKey } from './keys.service.ts';

/**
 * Admin › Integrations: the API keys of connected systems (the dialer's door). An admin lists, creates (the key is
 * answered once) and revokes them; each change is audited with the admin's id.
 */
export const integrationsRouter = router({
  list: permissionProcedure('admin:manage')
    .input(z.object({}).optional())
    .output(integrationKeyList)
    .query(({ ctx }) => listKeys(ctx.db)),

  create: permissionProcedure('admin:manage')
    .input(createIntegrationKeyInput)
    .output(createdIntegrationKey)
    .mutation(({ ctx, input }) => createKey(ctx.db, { user: ctx.user, input, now: ctx.now(), ip: ctx.ip })),

  revoke: permissionProcedure('admin:manage')
    .input(revokeIntegrationKeyInput)
    .output(z.object({ revokedAt: z.string() }))
    .mutation(({ ctx, input }) => revokeKey(ctx.db, { user: ctx.user, input, now: ctx.now(), ip: ctx.ip })),
});
