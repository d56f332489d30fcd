import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../../lib/trpc.ts';

/**
 * After any action on a case, everything that shows the case is refetched at once: its verdicts (an action
 * changes what the engine allows), the case itself, its timeline and ledger, and the lists it appears in.
 * Called on success and on failure alike, since a refused attempt is recorded too.
 */
export function useInvalidateCase() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (caseId: string) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.compliance.check.queryKey({ caseId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.compliance.decisions.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.casework.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.payments.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.queues.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.cases.list.pathKey() }),
      ]),
    [trpc, queryClient],
  );
}
