import type { ApprovalsListInput } from '@arrears/shared/schemas/supervision';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidateOnSettled } from '../../../hooks/use-invalidate.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** One page of the approvals queue (or its history); the previous page stays on screen while the next loads. */
export function useApprovalsQuery(input: ApprovalsListInput) {
  const trpc = useTRPC();
  return useQuery(trpc.approvals.list.queryOptions(input, { placeholderData: keepPreviousData }));
}

/** Approves or rejects through `escalations.decide`, the write POL-APPROVAL reads; the queue refreshes after. */
export function useDecideEscalation() {
  const trpc = useTRPC();
  return useMutation(
    trpc.escalations.decide.mutationOptions(
      useInvalidateOnSettled(trpc.approvals.pathKey(), trpc.compliance.check.pathKey()),
    ),
  );
}
