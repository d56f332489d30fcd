import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** The jurisdiction packs, their rules and parameters: code on the server, so it changes only with a release. */
export function useRulesCatalogQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.rules.catalog.queryOptions(undefined, { staleTime: 30 * 60_000 }));
}
