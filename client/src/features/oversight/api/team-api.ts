import type { TeamCasesInput } from '@arrears/shared/schemas/supervision';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

export function useTeamOverviewQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.team.overview.queryOptions());
}

export function useTeamCasesQuery(input: TeamCasesInput | null) {
  const trpc = useTRPC();
  return useQuery(
    trpc.team.cases.queryOptions(input ?? { teamId: '' }, {
      enabled: input !== null,
      placeholderData: keepPreviousData,
    }),
  );
}

/** Moves the selected cases; the counts, the lists and every queue refresh after. */
export function useReassignCases() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.team.reassign.mutationOptions({
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.team.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.queues.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() }),
        ]),
    }),
  );
}
