import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** Agencies with their totals per currency over the placements the viewer may see. */
export function useAgenciesQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.agencies.list.queryOptions());
}

/** Placements, newest first: of one agency (the agencies page) or of one case (the case screen). */
export function usePlacementsQuery(filter: { agencyId?: string; caseId?: string }, enabled = true) {
  const trpc = useTRPC();
  return useQuery(trpc.agencies.placements.queryOptions({ ...filter, limit: 100 }, { enabled }));
}

/** After any agency write the lists, the case and its ledger show the new state. */
function useInvalidateAgencies() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.agencies.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.casework.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.payments.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.compliance.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.queues.pathKey() }),
    ]);
}

export function useCreateAgency() {
  const trpc = useTRPC();
  const invalidate = useInvalidateAgencies();
  return useMutation(trpc.agencies.create.mutationOptions({ onSettled: invalidate }));
}

export function useRecallPlacement() {
  const trpc = useTRPC();
  const invalidate = useInvalidateAgencies();
  return useMutation(trpc.agencies.recall.mutationOptions({ onSettled: invalidate }));
}

export function useRecordAgencyPayment() {
  const trpc = useTRPC();
  const invalidate = useInvalidateAgencies();
  return useMutation(trpc.agencies.recordPayment.mutationOptions({ onSettled: invalidate }));
}
