import type { NothingWorkable } from '@arrears/shared/schemas/queues';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTRPC } from '../lib/trpc.ts';

/**
 * "Next case": claims the highest-priority case the agent can work now and opens it. When nothing can be
 * worked, `nothing` holds why (as facts: when the next case opens, which rows were passed over) and the agent
 * stays put.
 * Shared by the queue page and the case screen (the `n` key works on both).
 */
export function useNextCase() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [nothing, setNothing] = useState<NothingWorkable | null>(null);
  const mutation = useMutation(
    trpc.queues.next.mutationOptions({
      onSuccess: (answer) => {
        void queryClient.invalidateQueries({ queryKey: trpc.queues.pathKey() });
        if (answer.caseId) {
          setNothing(null);
          navigate(`/cases/${answer.caseId}`);
        } else setNothing(answer.nothing);
      },
    }),
  );
  const { mutate, isPending } = mutation;
  const takeNext = useCallback(() => {
    if (!isPending) mutate();
  }, [mutate, isPending]);
  return { takeNext, isPending, error: mutation.error, nothing, dismiss: () => setNothing(null) };
}
