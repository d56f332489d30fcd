import type { LetterPurpose } from '@arrears/shared/schemas/letters';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** Fetches a letter of the case as a PDF when asked (a click), never cached: it is built from today's ledger. */
export function useLetterPreview(caseId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (purpose: LetterPurpose) =>
      queryClient.fetchQuery(
        trpc.letters.preview.queryOptions({ caseId, purpose }, { staleTime: 0, gcTime: 0 }),
      ),
  });
}
