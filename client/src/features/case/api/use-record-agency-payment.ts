import { useMutation } from '@tanstack/react-query';
import { useInvalidateAgencyWrites } from '../../../hooks/use-invalidate-agency-writes.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** Records what the agency reports it collected on a placement. */
export function useRecordAgencyPayment() {
  const trpc = useTRPC();
  const invalidate = useInvalidateAgencyWrites();
  return useMutation(trpc.agencies.recordPayment.mutationOptions({ onSettled: invalidate }));
}
