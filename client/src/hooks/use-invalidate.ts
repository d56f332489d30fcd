import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * Marks the queries under each key stale at once (those on screen refetch): what a write calls when it settles,
 * with the keys of everything that shows what it changed.
 */
export function useInvalidate() {
  const queryClient = useQueryClient();
  return useCallback(
    (...queryKeys: QueryKey[]) =>
      Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
    [queryClient],
  );
}

/**
 * The options of a write that marks the queries under each key stale when it settles, success or not:
 * `useMutation(trpc.x.mutationOptions(useInvalidateOnSettled(trpc.y.queryKey())))`.
 */
export function useInvalidateOnSettled(...queryKeys: QueryKey[]) {
  const invalidate = useInvalidate();
  return { onSettled: () => invalidate(...queryKeys) };
}

/**
 * The options of a write that marks the queries under each key stale once it succeeded, without waiting for them
 * (a failed write changed nothing worth reading again).
 */
export function useInvalidateOnSuccess(...queryKeys: QueryKey[]) {
  const invalidate = useInvalidate();
  return {
    onSuccess: () => {
      void invalidate(...queryKeys);
    },
  };
}
