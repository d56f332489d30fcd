import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInvalidateCase } from './use-invalidate-case.ts';

/** Sends the statement of the debt as a letter or email, through the compliance guard. */
export function useSendStatement(caseId: string) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCase();
  return useMutation(trpc.casework.sendStatement.mutationOptions({ onSettled: () => invalidate(caseId) }));
}
