import { useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidate } from '../../../hooks/use-invalidate.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** Every portfolio's ladder policy (its own or the defaults). */
export function useLadderPoliciesQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.ladder.policies.queryOptions());
}

/** The latest nightly rolls with what each did. */
export function useRollRunsQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.ladder.runs.queryOptions({ limit: 7 }));
}

export function useUpdateLadderPolicy() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(
    trpc.ladder.updatePolicy.mutationOptions({
      onSettled: () => invalidate(trpc.ladder.policies.queryKey()),
    }),
  );
}
