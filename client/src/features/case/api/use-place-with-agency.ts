import { useMutation, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInvalidateCase } from './use-invalidate-case.ts';

/** Places an approved case with an agency; the guard judges it and the approval is used up with it. */
export function usePlaceWithAgency(caseId: string) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCase();
  return useMutation(
    trpc.escalations.placeWithAgency.mutationOptions({ onSettled: () => invalidate(caseId) }),
  );
}

/** The agencies a case can be placed with, for the placement form. */
export function useAgencyChoices(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.agencies.choices.queryOptions(), enabled });
}
