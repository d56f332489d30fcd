import type { ReportFilters, ReportGrain, ReportName } from '@arrears/shared/schemas/reports';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { saveBlob } from '../../../lib/save-file.ts';
import { useTRPC } from '../../../lib/trpc.ts';

export type ReportRows = ReadonlyArray<Record<string, unknown>>;

/** Portfolios for the filter. */
export function useReportPortfoliosQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.reports.portfolios.queryOptions());
}

/**
 * One report's rows. While a new range or portfolio choice loads, the same report's previous rows stay on
 * screen (dimmed); another report's rows never do, since its chart and table would read them as this report's
 * (issue 15: switching report drew the agent league from the contacts report's rows).
 */
export function useReportQuery(name: ReportName, filters: ReportFilters, grain: ReportGrain, enabled = true) {
  const trpc = useTRPC();
  const input = { filters };
  const options = (() => {
    switch (name) {
      case 'collected':
        return trpc.reports.collected.queryOptions({ filters, grain });
      case 'vintage':
        return trpc.reports.vintage.queryOptions(input);
      case 'liquidation':
        return trpc.reports.liquidation.queryOptions(input);
      case 'rollRates':
        return trpc.reports.rollRates.queryOptions(input);
      case 'promiseKept':
        return trpc.reports.promiseKept.queryOptions(input);
      case 'rightParty':
        return trpc.reports.rightParty.queryOptions(input);
      case 'contactsPerCollected':
        return trpc.reports.contactsPerCollected.queryOptions(input);
      case 'agentLeague':
        return trpc.reports.agentLeague.queryOptions(input);
      case 'teamLeague':
        return trpc.reports.teamLeague.queryOptions(input);
      case 'agency':
        return trpc.reports.agency.queryOptions(input);
    }
  })();
  const query = options as unknown as { queryKey: readonly unknown[]; queryFn: () => Promise<ReportRows> };
  return useQuery({
    ...query,
    enabled,
    placeholderData: (previous, previousQuery) =>
      previousQuery && sameProcedure(previousQuery.queryKey, query.queryKey)
        ? keepPreviousData(previous)
        : undefined,
  });
}

/** tRPC query keys start with the procedure's path, e.g. `[['reports', 'vintage'], { input, type }]`. */
function sameProcedure(a: readonly unknown[], b: readonly unknown[]): boolean {
  return JSON.stringify(a[0]) === JSON.stringify(b[0]);
}

/** Fetches the report as CSV from the server (same role check) and hands it to the browser as a file. */
export function useDownloadReportCsv() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (name: ReportName, filters: ReportFilters, grain: ReportGrain) => {
    const { fileName, csv } = await queryClient.fetchQuery({
      ...trpc.reports.csv.queryOptions({ report: name, filters, grain }),
      staleTime: 0,
    });
    // The text starts with a byte-order mark (from the server), which tells Excel the file is UTF-8.
    saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
  };
}
