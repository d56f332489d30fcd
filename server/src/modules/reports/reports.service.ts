import {
  agencyRow,
  agentLeagueRow,
  collectedRow,
  contactsPerCollectedRow,
  liquidationRow,
  promiseKeptRow,
  type ReportFilters,
  type ReportGrain,
  type ReportName,
  rightPartyRow,
  rollRateRow,
  teamLeagueRow,
  vintageRow,
} from '@arrears/shared/schemas/reports';
import type { Executor } from '../../db/client.ts';
import { toCsv } from './csv.ts';
import {
  agencyReport,
  agentLeagueReport,
  collectedReport,
  contactsPerCollectedReport,
  liquidationReport,
  promiseKeptReport,
  rightPartyReport,
  rollRatesReport,
  teamLeagueReport,
  vintageReport,
} from './reports.queries.ts';

export interface ReportRequest {
  filters: ReportFilters;
  grain: ReportGrain;
  now: Date;
}

/** Runs one report by name; the CSV export and the tests use it, so the file is what the screen shows. */
export function runReport(
  db: Executor,
  name: ReportName,
  { filters, grain, now }: ReportRequest,
): Promise<ReadonlyArray<Record<string, unknown>>> {
  switch (name) {
    case 'collected':
      return collectedReport(db, filters, grain);
    case 'vintage':
      return vintageReport(db, filters, now);
    case 'liquidation':
      return liquidationReport(db, filters);
    case 'rollRates':
      return rollRatesReport(db, filters);
    case 'promiseKept':
      return promiseKeptReport(db, filters);
    case 'rightParty':
      return rightPartyReport(db, filters);
    case 'contactsPerCollected':
      return contactsPerCollectedReport(db, filters);
    case 'agentLeague':
      return agentLeagueReport(db, filters);
    case 'teamLeague':
      return teamLeagueReport(db, filters);
    case 'agency':
      return agencyReport(db, filters);
  }
}

/** Each report's row contract: its key order is the CSV's column order. */
const ROW_SCHEMAS = {
  collected: collectedRow,
  vintage: vintageRow,
  liquidation: liquidationRow,
  rollRates: rollRateRow,
  promiseKept: promiseKeptRow,
  rightParty: rightPartyRow,
  contactsPerCollected: contactsPerCollectedRow,
  agentLeague: agentLeagueRow,
  teamLeague: teamLeagueRow,
  agency: agencyRow,
} as const;

/** The report as CSV, named after the report and its range. Ids are left out; names say the same to a reader. */
export async function reportCsv(
  db: Executor,
  name: ReportName,
  request: ReportRequest,
): Promise<{ fileName: string; csv: string }> {
  const rows = await runReport(db, name, request);
  const columns = Object.keys(ROW_SCHEMAS[name].shape).filter((k) => !/Id$/.test(k));
  const grain = name === 'collected' ? `-${request.grain}` : '';
  return {
    fileName: `${name}${grain}-${request.filters.from}-to-${request.filters.to}.csv`,
    csv: rows.length === 0 ? 'no rows\r\n' : toCsv(rows, columns),
  };
}
