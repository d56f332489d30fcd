import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** The case's agency placements, newest first, for its agency panel. */
export function useCasePlacementsQuery(caseId: string, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.agencies.placements.queryOptions({ caseId, limit: 100 }, { enabled }));
}
