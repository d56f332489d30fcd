import type { TeamCasesInput } from '@arrears/shared/schemas/supervision';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidateOnSettled } from '../../../hooks/use-invalidate.ts';
import { useTRPC } from '../../../lib/trpc.ts';

export function useTeamOverviewQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.team.overview.queryOptions());
}

/** The alerts machines raised for the viewer's teams, newest first. */
export function useTeamAlertsQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.team.alerts.queryOptions());
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
  return useMutation(
    trpc.team.reassign.mutationOptions(
      useInvalidateOnSettled(trpc.team.pathKey(), trpc.queues.pathKey(), trpc.cases.pathKey()),
    ),
  );
}
