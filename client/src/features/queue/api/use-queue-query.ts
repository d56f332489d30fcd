import type { QueueListInput } from '@arrears/shared/schemas/queues';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/**
 * One page of a queue; the previous page stays on screen (dimmed) while the next loads. Workability moves
 * with the clock, so an open queue refreshes every minute.
 */
export function useQueueQuery(input: QueueListInput) {
  const trpc = useTRPC();
  return useQuery(
    trpc.queues.list.queryOptions(input, { placeholderData: keepPreviousData, refetchInterval: 60_000 }),
  );
}
