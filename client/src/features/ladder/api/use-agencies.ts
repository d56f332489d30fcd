import { useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidateAgencyWrites } from '../../../hooks/use-invalidate-agency-writes.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** Agencies with their totals per currency over the placements the viewer may see. */
export function useAgenciesQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.agencies.list.queryOptions());
}

/** Placements, newest first, of one agency (the agencies page). */
export function usePlacementsQuery(filter: { agencyId?: string; caseId?: string }, enabled = true) {
  const trpc = useTRPC();
  return useQuery(trpc.agencies.placements.queryOptions({ ...filter, limit: 100 }, { enabled }));
}

export function useCreateAgency() {
  const trpc = useTRPC();
  const invalidate = useInvalidateAgencyWrites();
  return useMutation(trpc.agencies.create.mutationOptions({ onSettled: invalidate }));
}
