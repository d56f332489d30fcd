import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInvalidateCase } from './use-invalidate-case.ts';

/** Records a debtor's complaint against the case (and the agent it names). */
export function useRecordComplaint(caseId: string) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCase();
  return useMutation(trpc.casework.recordComplaint.mutationOptions({ onSettled: () => invalidate(caseId) }));
}
