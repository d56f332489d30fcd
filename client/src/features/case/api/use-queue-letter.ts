import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** Puts a letter of the case on the print queue (judged again at the print run's cut-off). */
export function useQueueLetter() {
  const trpc = useTRPC();
  return useMutation(trpc.letters.queue.mutationOptions());
}
