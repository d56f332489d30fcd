import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** Records a mailed letter as returned mail. */
export function useMarkReturned() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.letters.markReturned.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.letters.overview.queryKey() }),
    }),
  );
}
