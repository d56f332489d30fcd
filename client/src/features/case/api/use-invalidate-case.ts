import { useCallback } from 'react';
import { useInvalidate } from '../../../hooks/use-invalidate.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/**
 * After any action on a case, everything that shows the case is refetched at once: its verdicts (an action
 * changes what the engine allows), the case itself, its timeline and ledger, and the lists it appears in.
 * Called on success and on failure alike, since a refused attempt is recorded too.
 */
export function useInvalidateCase() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useCallback(
    (caseId: string) =>
      invalidate(
        trpc.compliance.check.queryKey({ caseId }),
        trpc.compliance.decisions.pathKey(),
        trpc.casework.pathKey(),
        trpc.payments.pathKey(),
        trpc.queues.pathKey(),
        trpc.cases.list.pathKey(),
      ),
    [trpc, invalidate],
  );
}
