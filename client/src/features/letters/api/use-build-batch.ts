import { useMutation } from '@tanstack/react-query';
import { useInvalidateOnSettled } from '../../../hooks/use-invalidate.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** Builds the print batch (every queued letter judged at the cut-off); the page then shows its letters' fates. */
export function useBuildBatch() {
  const trpc = useTRPC();
  return useMutation(
    trpc.letters.buildBatch.mutationOptions(useInvalidateOnSettled(trpc.letters.overview.queryKey())),
  );
}
