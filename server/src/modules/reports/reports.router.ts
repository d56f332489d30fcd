import type { Permission } from '@arrears/shared/auth/roles';
import {
  agencyRow,
  agentLeagueRow,
  collectedInput,
  collectedRow,
  contactsPerCollectedRow,
  liquidationRow,
  portfolioOption,
  promiseKeptRow,
  type ReportFilters,
  reportCsvInput,
  reportCsvOutput,
  reportInput,
  rightPartyRow,
  rollRateRow,
  teamLeagueRow,
  vintageRow,
} from '@arrears/shared/schemas/reports';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { router } from '../../trpc/init.ts';
import { permissionProcedure } from '../../trpc/procedures.ts';
import {
  agencyReport,
  agentLeagueReport,
  collectedReport,
  contactsPerCollectedReport,
  liquidationReport,
  listPortfolios,
  promiseKeptReport,
  rightPartyReport,
  rollRatesReport,
  teamLeagueReport,
  vintageReport,
} from './reports.queries.ts';
import { reportCsv } from './reports.service.ts';

/**
 * A report read by its filters alone: its rows as `load` reads them for the filters (and the clock's now, for the
 * reports that count up to today).
 */
function filteredReport<const P extends Permission, Row extends z.ZodType>(
  permission: P,
  row: Row,
  load: (db: Database, filters: ReportFilters, now: Date) => Promise<z.input<Row>[]>,
) {
  return permissionProcedure(permission)
    .input(reportInput)
    .output(z.array(row))
    .query(({ ctx, input }) => load(ctx.db, input.filters, ctx.now()));
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
  vintage: filteredReport('reports:read', vintageRow, vintageReport),
  liquidation: filteredReport('reports:read', liquidationRow, liquidationReport),
  rollRates: filteredReport('reports:read', rollRateRow, rollRatesReport),
  promiseKept: filteredReport('reports:read', promiseKeptRow, promiseKeptReport),
  rightParty: filteredReport('reports:read', rightPartyRow, rightPartyReport),
  contactsPerCollected: filteredReport('reports:read', contactsPerCollectedRow, contactsPerCollectedReport),
  agentLeague: filteredReport('reports:read', agentLeagueRow, agentLeagueReport),
  teamLeague: filteredReport('reports:read', teamLeagueRow, teamLeagueReport),
  agency: filteredReport('reports:read', agencyRow, agencyReport),
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
