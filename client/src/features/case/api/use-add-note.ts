import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInvalidateCase } from './use-invalidate-case.ts';

/** Adds a note to the case. */
export function useAddNote(caseId: string) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCase();
  return useMutation(trpc.casework.addNote.mutationOptions({ onSettled: () => invalidate(caseId) }));
}
