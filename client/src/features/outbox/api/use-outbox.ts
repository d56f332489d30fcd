import type { OutboxListInput } from '@arrears/shared/schemas/channels';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useInvalidateOnSettled } from '../../../hooks/use-invalidate.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** One page of the outbox; the previous page stays on screen (dimmed) while the next loads. */
export function useOutboxQuery(input: OutboxListInput) {
  const trpc = useTRPC();
  return useQuery(trpc.channels.outbox.queryOptions(input, { placeholderData: keepPreviousData }));
}

/** A message's delivery states in order. */
export function useMessageTimeline(messageId: number | null) {
  const trpc = useTRPC();
  return useQuery(
    trpc.channels.timeline.queryOptions({ messageId: messageId ?? 1 }, { enabled: messageId !== null }),
  );
}

/** Queues a failed message again (the guard judges it when the job runs); the outbox is read again after. */
export function useRetryMessage() {
  const trpc = useTRPC();
  return useMutation(trpc.channels.retry.mutationOptions(useInvalidateOnSettled(trpc.channels.pathKey())));
}

/** A portfolio's sender and push endpoint (admin). */
export function usePortfolioChannels(portfolioId: string | null) {
  const trpc = useTRPC();
  return useQuery(
    trpc.channels.settings.queryOptions(
      { portfolioId: portfolioId ?? '' },
      { enabled: portfolioId !== null },
    ),
  );
}

export function useSavePortfolioChannels() {
  const trpc = useTRPC();
  const client = useQueryClient();
  return useMutation(
    trpc.channels.saveSettings.mutationOptions({
      onSuccess: (saved) =>
        client.setQueryData(trpc.channels.settings.queryKey({ portfolioId: saved.portfolioId }), saved),
    }),
  );
}
