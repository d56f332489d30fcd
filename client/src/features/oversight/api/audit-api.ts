import type { AuditListInput } from '@arrears/shared/schemas/oversight';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidateOnSuccess } from '../../../hooks/use-invalidate.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** Agents, teams and portfolios the viewer may filter the audit by. */
export function useAuditOptionsQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.oversight.options.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}

/** One keyset page of decisions or contacts; the previous page stays on screen while the next loads. */
export function useAuditListQuery(input: AuditListInput) {
  const trpc = useTRPC();
  return useQuery(trpc.oversight.list.queryOptions(input, { placeholderData: keepPreviousData }));
}

export function useDecisionQuery(id: number) {
  const trpc = useTRPC();
  return useQuery(trpc.oversight.decision.queryOptions({ id }, { enabled: Number.isInteger(id) && id > 0 }));
}

export function useAgentFiguresQuery(input: { from: string; to: string; teamId?: string | undefined }) {
  const trpc = useTRPC();
  return useQuery(trpc.oversight.figures.queryOptions(input, { placeholderData: keepPreviousData }));
}

export function useHeatMapQuery(input: {
  from: string;
  to: string;
  agentId?: string | undefined;
  teamId?: string | undefined;
}) {
  const trpc = useTRPC();
  return useQuery(trpc.oversight.heatMap.queryOptions(input, { placeholderData: keepPreviousData }));
}

export function useQaSampleQuery(input: { date?: string | undefined; teamId?: string | undefined }) {
  const trpc = useTRPC();
  return useQuery(trpc.oversight.qaSample.queryOptions({ ...input, size: 20 }));
}

/** Marks a decision or contact reviewed; every oversight view that shows reviews refreshes. */
export function useReview() {
  const trpc = useTRPC();
  return useMutation(trpc.oversight.review.mutationOptions(useInvalidateOnSuccess(trpc.oversight.pathKey())));
}
