import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc.ts';

/** Every portfolio with its reminder strategy (null when it has none). */
export function useReminderStrategiesQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.reminders.list.queryOptions());
}

/** The app push, SMS and email templates a portfolio's steps may use. */
export function useReminderTemplatesQuery(portfolioId: string | null) {
  const trpc = useTRPC();
  return useQuery(trpc.reminders.templates.queryOptions(portfolioId ? { portfolioId } : skipToken));
}

/** Saves a strategy; the answer replaces the portfolio's row at once, then the list refreshes. */
export function useSaveStrategy() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.reminders.save.mutationOptions({
      onSuccess: (saved) => {
        const queryKey = trpc.reminders.list.queryKey();
        queryClient.setQueryData(queryKey, (list) =>
          list?.map((p) => (p.portfolioId === saved.portfolioId ? saved : p)),
        );
        void queryClient.invalidateQueries({ queryKey });
      },
    }),
  );
}
