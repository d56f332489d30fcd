import type { CaseListInput } from '@arrears/shared/schemas/cases';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** One page of the case list; the previous page stays on screen (dimmed) while the next one loads. */
export function useCasesQuery(input: CaseListInput) {
  const trpc = useTRPC();
  return useQuery(trpc.cases.list.queryOptions(input, { placeholderData: keepPreviousData }));
}
