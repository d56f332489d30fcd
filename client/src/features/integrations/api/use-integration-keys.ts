import { useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidateOnSettled } from '../../../hooks/use-invalidate.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** Every integration key (never the key itself) and the teams and portfolios a key may work for. */
export function useIntegrationKeysQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.integrations.list.queryOptions());
}

/** Creates a key; the answer holds the key in full, shown once and kept nowhere. */
export function useCreateIntegrationKey() {
  const trpc = useTRPC();
  return useMutation(
    trpc.integrations.create.mutationOptions(useInvalidateOnSettled(trpc.integrations.list.queryKey())),
  );
}

export function useRevokeIntegrationKey() {
  const trpc = useTRPC();
  return useMutation(
    trpc.integrations.revoke.mutationOptions(useInvalidateOnSettled(trpc.integrations.list.queryKey())),
  );
}
