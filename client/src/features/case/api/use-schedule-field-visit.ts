import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInvalidateCase } from './use-invalidate-case.ts';

/** Books an approved field visit; the guard judges it at its slot (hours, visits per 30 days). */
export function useScheduleFieldVisit(caseId: string) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCase();
  return useMutation(
    trpc.escalations.scheduleFieldVisit.mutationOptions({ onSettled: () => invalidate(caseId) }),
  );
}
