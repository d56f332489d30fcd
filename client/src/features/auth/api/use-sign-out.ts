import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

export function useSignOut() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => {
        // Nothing the last person saw may stay in memory for the next one.
        queryClient.removeQueries();
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
      },
    }),
  );
}
