import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

const SUMMARY_ROWS = 15;

/** The first rows of the agent's own queue, for the case screen's left pane. */
export function useQueueSummaryQuery(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(
    trpc.queues.list.queryOptions(
      { queue: 'mine', page: 1, pageSize: SUMMARY_ROWS, sort: { field: 'priority', direction: 'desc' } },
      { enabled, staleTime: 30_000 },
    ),
  );
}
