import { useTRPC } from '../lib/trpc.ts';
import { useInvalidate } from './use-invalidate.ts';

/**
 * After any agency write (on the agencies page or a case's agency panel) the lists, the case and its ledger
 * show the new state.
 */
export function useInvalidateAgencyWrites() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return () =>
    invalidate(
      trpc.agencies.pathKey(),
      trpc.casework.pathKey(),
      trpc.payments.pathKey(),
      trpc.compliance.pathKey(),
      trpc.queues.pathKey(),
    );
}
