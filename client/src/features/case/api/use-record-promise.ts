import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInvalidateCase } from './use-invalidate-case.ts';

/** Records a promise to pay (replaces a pending standalone promise). */
export function useRecordPromise(caseId: string) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCase();
  return useMutation(trpc.payments.recordPromise.mutationOptions({ onSettled: () => invalidate(caseId) }));
}
