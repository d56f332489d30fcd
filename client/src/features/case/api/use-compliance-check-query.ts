import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/**
 * Every action's verdict on the case now. Time-of-day and frequency verdicts change with the clock, so the
 * answer is refreshed every minute while the case is open, as well as after every action.
 */
export function useComplianceCheckQuery(caseId: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.compliance.check.queryOptions({ caseId }, { staleTime: 15_000, refetchInterval: 60_000 }),
  );
}
