import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInvalidateCase } from './use-invalidate-case.ts';

/** Records a payment plan; each installment becomes a promise. */
export function useRecordPlan(caseId: string) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCase();
  return useMutation(trpc.payments.recordPlan.mutationOptions({ onSettled: () => invalidate(caseId) }));
}
