import { useInfiniteQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

const PAGE = 30;

/** The case's one timeline, newest first, a page at a time ("Load more" follows the cursor). */
export function useCaseTimelineQuery(caseId: string) {
  const trpc = useTRPC();
  return useInfiniteQuery(
    trpc.casework.timeline.infiniteQueryOptions(
      { caseId, limit: PAGE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
}
