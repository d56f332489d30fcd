import type { AppRouter } from '@arrears/server/trpc/router';
import { hashKey, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { TRPCClient } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { type ReactNode, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { isClientError, readApiError } from '../lib/api-error.ts';
import { createApiClient, TRPCProvider } from '../lib/trpc.ts';

function createClients(): { queryClient: QueryClient; apiClient: TRPCClient<AppRouter> } {
  const apiClient = createApiClient();
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A session that expired while a page was open: refetch `auth.me` so the gate sends the person to sign in.
      onError: (error, query) => {
        const sessionKey = api.auth.me.queryKey();
        if (readApiError(error).code === 'UNAUTHORIZED' && query.queryHash !== hashKey(sessionKey)) {
          void queryClient.invalidateQueries({ queryKey: sessionKey });
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
      },
    },
  });
  const api = createTRPCOptionsProxy<AppRouter>({ client: apiClient, queryClient });
  return { queryClient, apiClient };
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [{ queryClient, apiClient }] = useState(createClients);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
        <BrowserRouter>{children}</BrowserRouter>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
