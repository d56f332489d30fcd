import type { ComplaintsListInput } from '@arrears/shared/schemas/supervision';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidate } from '../../../hooks/use-invalidate.ts';
import { useTRPC } from '../../../lib/trpc.ts';

export function useComplaintsQuery(input: ComplaintsListInput) {
  const trpc = useTRPC();
  return useQuery(trpc.complaints.list.queryOptions(input, { placeholderData: keepPreviousData }));
}

/** The people a supervisor may hand a complaint to; only asked for when the viewer can assign. */
export function useComplaintAssigneesQuery(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.complaints.assignees.queryOptions(undefined, { enabled, staleTime: 60_000 }));
}

function useRefreshComplaints() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return () => invalidate(trpc.complaints.list.pathKey(), trpc.casework.pathKey());
}

export function useAssignComplaint() {
  const trpc = useTRPC();
  const refresh = useRefreshComplaints();
  return useMutation(trpc.complaints.assign.mutationOptions({ onSettled: refresh }));
}

export function useInvestigateComplaint() {
  const trpc = useTRPC();
  const refresh = useRefreshComplaints();
  return useMutation(trpc.complaints.investigate.mutationOptions({ onSettled: refresh }));
}

export function useResolveComplaint() {
  const trpc = useTRPC();
  const refresh = useRefreshComplaints();
  return useMutation(trpc.complaints.resolve.mutationOptions({ onSettled: refresh }));
}
