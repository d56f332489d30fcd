import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** The statement of the debt, built from the ledger when asked for. */
export function useStatementQuery(caseId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.casework.statement.queryOptions({ caseId }, { staleTime: 0 }));
}
