import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInvalidateCase } from './use-invalidate-case.ts';

/** Logs a call (judged by the compliance guard when outbound). */
export function useLogCall(caseId: string) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCase();
  return useMutation(trpc.contacts.logCall.mutationOptions({ onSettled: () => invalidate(caseId) }));
}
