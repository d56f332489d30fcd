import { hashKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

export function useSignOut() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => {
        // The gate watches `auth.me`: null sends the person to sign in. Its query must stay in the cache (an
        // observer of a removed query never hears of it again); everything else the last person saw goes.
        const sessionKey = trpc.auth.me.queryKey();
        queryClient.setQueryData(sessionKey, null);
        queryClient.removeQueries({ predicate: (query) => query.queryHash !== hashKey(sessionKey) });
      },
    }),
  );
}
