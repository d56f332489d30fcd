import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** A built batch's zip, fetched when asked for (a click) and not kept in the cache. */
export function useBatchZip() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchId: string) =>
      queryClient.fetchQuery(trpc.letters.batchZip.queryOptions({ batchId }, { staleTime: 0, gcTime: 0 })),
  });
}
