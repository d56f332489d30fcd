import { useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidate } from '../../../hooks/use-invalidate.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** Every integration key (never the key itself) and the teams and portfolios a key may work for. */
export function useIntegrationKeysQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.integrations.list.queryOptions());
}

/** Creates a key; the answer holds the key in full, shown once and kept nowhere. */
export function useCreateIntegrationKey() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(
    trpc.integrations.create.mutationOptions({
      onSettled: () => invalidate(trpc.integrations.list.queryKey()),
    }),
  );
}

export function useRevokeIntegrationKey() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(
    trpc.integrations.revoke.mutationOptions({
      onSettled: () => invalidate(trpc.integrations.list.queryKey()),
    }),
  );
}
