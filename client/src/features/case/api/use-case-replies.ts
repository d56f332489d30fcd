import { useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidate } from '../../../hooks/use-invalidate.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInvalidateCase } from './use-invalidate-case.ts';

/** The texts the case's debtor sent, newest first, each with a person's reading of it. */
export function useCaseRepliesQuery(caseId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.channels.replies.queryOptions({ caseId }));
}

/** Classifies an unclassified reply (stop / not stop); the case's verdicts change with it. */
export function useClassifyReply() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const invalidateCase = useInvalidateCase();
  return useMutation(
    trpc.channels.classifyReply.mutationOptions({
      onSettled: (_data, _error, input) => {
        void invalidate(
          trpc.channels.replies.queryKey({ caseId: input.caseId }),
          trpc.channels.repliesToRead.queryKey(),
        );
        void invalidateCase(input.caseId);
      },
    }),
  );
}
