import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInvalidateCase } from './use-invalidate-case.ts';

/** Sends an SMS, email, letter or app notification through the compliance guard. */
export function useSendMessage(caseId: string) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCase();
  return useMutation(trpc.contacts.sendMessage.mutationOptions({ onSettled: () => invalidate(caseId) }));
}
