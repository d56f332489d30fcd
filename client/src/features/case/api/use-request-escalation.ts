import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInvalidateCase } from './use-invalidate-case.ts';

/** Asks a supervisor for an agency placement, field visit or legal filing. */
export function useRequestEscalation(caseId: string) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCase();
  return useMutation(trpc.escalations.request.mutationOptions({ onSettled: () => invalidate(caseId) }));
}
