import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInvalidateCase } from './use-invalidate-case.ts';

/** Records money received; the idempotency key makes a repeat the same payment. */
export function useRecordPayment(caseId: string) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCase();
  return useMutation(trpc.payments.recordPayment.mutationOptions({ onSettled: () => invalidate(caseId) }));
}
