import {
  collectedInput,
  collectedRow,
  portfolioOption,
  reportCsvInput,
  reportCsvOutput,
  reportInput,
} from '@arrears/shared/schemas/reports';
import { z } from 'zod';
import { router } from '../../trpc/init.ts';
import { permissionProcedure } from '../../trpc/procedures.ts';
import { collectedReport, listPortfolios } from './reports.queries.ts';
import { FILTERED_REPORTS, type FilteredReport, reportCsv } from './reports.service.ts';

/** A report read by its filters alone (FILTERED_REPORTS). */
function filteredReport<Row extends z.ZodType>(report: FilteredReport<Row>) {
  return permissionProcedure('reports:read')
    .input(reportInput)
    .output(z.array(report.row))
    .query(({ ctx, input }) => report.load(ctx.db, input.filters, ctx.now()));
}

/**
 * Recovery reports for managers and admins (the whole book: no case scope narrows them; agents and
 * supervisors are refused). Read from the rollups of decision record 011.
 */
export const reportsRouter = router({
  portfolios: permissionProcedure('reports:read')
    .output(z.array(portfolioOption))
    .query(({ ctx }) => listPortfolios(ctx.db)),
  collected: permissionProcedure('reports:read')
    .input(collectedInput)
    .output(z.array(collectedRow))
    .query(({ ctx, input }) => collectedReport(ctx.db, input.filters, input.grain)),
  vintage: filteredReport(FILTERED_REPORTS.vintage),
  liquidation: filteredReport(FILTERED_REPORTS.liquidation),
  rollRates: filteredReport(FILTERED_REPORTS.rollRates),
  promiseKept: filteredReport(FILTERED_REPORTS.promiseKept),
  rightParty: filteredReport(FILTERED_REPORTS.rightParty),
  contactsPerCollected: filteredReport(FILTERED_REPORTS.contactsPerCollected),
  agentLeague: filteredReport(FILTERED_REPORTS.agentLeague),
  teamLeague: filteredReport(FILTERED_REPORTS.teamLeague),
  agency: filteredReport(FILTERED_REPORTS.agency),
  /** One report as CSV text (formula-looking text cells neutralised); the client saves it as a file. */
  csv: permissionProcedure('reports:read')
    .input(reportCsvInput)
    .output(reportCsvOutput)
    .query(({ ctx, input }) =>
      reportCsv(ctx.db, input.report, {
        filters: input.filters,
        grain: input.grain,
        now: ctx.now(),
        language: ctx.user.language,
      }),
    ),
});
