import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc.ts';

/**
 * After any agency write (on the agencies page or a case's agency panel) the lists, the case and its ledger
 * show the new state.
 */
export function useInvalidateAgencyWrites() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.agencies.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.casework.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.payments.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.compliance.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.queues.pathKey() }),
    ]);
}
