import type { AppRouter } from '@arrears/server/trpc/router';
import { MAX_BATCH_CALLS } from '@arrears/shared/schemas/transport';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/**
 * The API lives on the same origin (Vite proxies it in development), so the session cookie rides along. Batches
 * are split at the server's limit of calls per request (decision 018).
 */
export function createApiClient() {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/trpc', maxItems: MAX_BATCH_CALLS })] });
}
