import type { Language } from '@arrears/shared/domain/language';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** Stores the interface language on the signed-in person (`auth.setLanguage`), so every browser opens in it. */
export function useKeepLanguage(): (language: Language) => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keep = useMutation(
    trpc.auth.setLanguage.mutationOptions({
      // The answer is the person as `auth.me` returns them: the gate then sees the language already in use.
      onSuccess: (user) => queryClient.setQueryData(trpc.auth.me.queryKey(), user),
    }),
  );
  return (language) => keep.mutateAsync({ language });
}
