import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** How many cases each queue holds, for the queue tabs. */
export function useQueueCountsQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.queues.counts.queryOptions({}, { refetchInterval: 60_000 }));
}
