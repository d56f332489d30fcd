import { useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidateOnSettled } from '../../../hooks/use-invalidate.ts';
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
  return useMutation(
    trpc.ladder.updatePolicy.mutationOptions(useInvalidateOnSettled(trpc.ladder.policies.queryKey())),
  );
}
