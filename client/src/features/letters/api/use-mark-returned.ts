import { useMutation } from '@tanstack/react-query';
import { useInvalidateOnSettled } from '../../../hooks/use-invalidate.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** Records a mailed letter as returned mail. */
export function useMarkReturned() {
  const trpc = useTRPC();
  return useMutation(
    trpc.letters.markReturned.mutationOptions(useInvalidateOnSettled(trpc.letters.overview.queryKey())),
  );
}
