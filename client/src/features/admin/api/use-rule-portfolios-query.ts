import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** Every portfolio with its packs, overrides, effective values and parameter version. */
export function useRulePortfoliosQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.rules.portfolios.queryOptions());
}
