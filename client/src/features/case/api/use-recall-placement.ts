import { useMutation } from '@tanstack/react-query';
import { useInvalidateAgencyWrites } from '../../../hooks/use-invalidate-agency-writes.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** Recalls a live placement from its agency. */
export function useRecallPlacement() {
  const trpc = useTRPC();
  const invalidate = useInvalidateAgencyWrites();
  return useMutation(trpc.agencies.recall.mutationOptions({ onSettled: invalidate }));
}
