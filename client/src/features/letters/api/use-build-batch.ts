import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** Builds the print batch (every queued letter judged at the cut-off); the page then shows its letters' fates. */
export function useBuildBatch() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.letters.buildBatch.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.letters.overview.queryKey() }),
    }),
  );
}
