import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInvalidateCase } from './use-invalidate-case.ts';

/** Schedules a callback to the debtor. */
export function useScheduleCallback(caseId: string) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCase();
  return useMutation(trpc.casework.scheduleCallback.mutationOptions({ onSettled: () => invalidate(caseId) }));
}
