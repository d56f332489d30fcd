import {
  agencyRow,
  agentLeagueRow,
  collectedInput,
  collectedRow,
  contactsPerCollectedRow,
  liquidationRow,
  portfolioOption,
  promiseKeptRow,
  reportCsvInput,
  reportCsvOutput,
  reportInput,
  rightPartyRow,
  rollRateRow,
  teamLeagueRow,
  vintageRow,
} from '@arrears/shared/schemas/reports';
import { z } from 'zod';
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
  vintage: permissionProcedure('reports:read')
    .input(reportInput)
    .output(z.array(vintageRow))
    .query(({ ctx, input }) => vintageReport(ctx.db, input.filters, ctx.now())),
  liquidation: permissionProcedure('reports:read')
    .input(reportInput)
    .output(z.array(liquidationRow))
    .query(({ ctx, input }) => liquidationReport(ctx.db, input.filters)),
  rollRates: permissionProcedure('reports:read')
    .input(reportInput)
    .output(z.array(rollRateRow))
    .query(({ ctx, input }) => rollRatesReport(ctx.db, input.filters)),
  promiseKept: permissionProcedure('reports:read')
    .input(reportInput)
    .output(z.array(promiseKeptRow))
    .query(({ ctx, input }) => promiseKeptReport(ctx.db, input.filters)),
  rightParty: permissionProcedure('reports:read')
    .input(reportInput)
    .output(z.array(rightPartyRow))
    .query(({ ctx, input }) => rightPartyReport(ctx.db, input.filters)),
  contactsPerCollected: permissionProcedure('reports:read')
    .input(reportInput)
    .output(z.array(contactsPerCollectedRow))
    .query(({ ctx, input }) => contactsPerCollectedReport(ctx.db, input.filters)),
  agentLeague: permissionProcedure('reports:read')
    .input(reportInput)
    .output(z.array(agentLeagueRow))
    .query(({ ctx, input }) => agentLeagueReport(ctx.db, input.filters)),
  teamLeague: permissionProcedure('reports:read')
    .input(reportInput)
    .output(z.array(teamLeagueRow))
    .query(({ ctx, input }) => teamLeagueReport(ctx.db, input.filters)),
  agency: permissionProcedure('reports:read')
    .input(reportInput)
    .output(z.array(agencyRow))
    .query(({ ctx, input }) => agencyReport(ctx.db, input.filters)),
  /** One report as CSV text (formula-looking text cells neutralised); the client saves it as a file. */
  csv: permissionProcedure('reports:read')
    .input(reportCsvInput)
    .output(reportCsvOutput)
    .query(({ ctx, input }) =>
      reportCsv(ctx.db, input.report, { filters: input.filters, grain: input.grain, now: ctx.now() }),
    ),
});
