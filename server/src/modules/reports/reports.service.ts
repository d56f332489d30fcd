import type { Language } from '@arrears/shared/domain/language';
import { majorUnitsText } from '@arrears/shared/domain/money';
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
import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { NumberText, toCsv, UTF8_BOM } from './csv.ts';
import { CSV_WORDS, csvHeading, type ReportColumn } from './csv-headings.ts';
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

/** A report read by its filters alone (and the clock's now, for the reports that count up to today). */
export interface FilteredReport<Row extends z.ZodType> {
  row: Row;
  load: (db: Executor, filters: ReportFilters, now: Date) => Promise<z.input<Row>[]>;
}

const filtered = <Row extends z.ZodType>(
  row: Row,
  load: FilteredReport<Row>['load'],
): FilteredReport<Row> => ({
  row,
  load,
});

/**
 * Every report but `collected` (which takes a grain too): its row contract, whose key order is the CSV's column
 * order, and its read. The router serves each from here, and the CSV export reads the same, so the file is what
 * the screen shows.
 */
export const FILTERED_REPORTS = {
  vintage: filtered(vintageRow, vintageReport),
  liquidation: filtered(liquidationRow, liquidationReport),
  rollRates: filtered(rollRateRow, rollRatesReport),
  promiseKept: filtered(promiseKeptRow, promiseKeptReport),
  rightParty: filtered(rightPartyRow, rightPartyReport),
  contactsPerCollected: filtered(contactsPerCollectedRow, contactsPerCollectedReport),
  agentLeague: filtered(agentLeagueRow, agentLeagueReport),
  teamLeague: filtered(teamLeagueRow, teamLeagueReport),
  agency: filtered(agencyRow, agencyReport),
} satisfies Record<Exclude<ReportName, 'collected'>, unknown>;

/** Runs one report by name; the CSV export and the tests use it. */
export function runReport(
  db: Executor,
  name: ReportName,
  { filters, grain, now }: ReportRequest,
): Promise<ReadonlyArray<Record<string, unknown>>> {
  return name === 'collected'
    ? collectedReport(db, filters, grain)
    : FILTERED_REPORTS[name].load(db, filters, now);
}

/** Each report's row contract: its key order is the CSV's column order. */
export type RowSchemaOf<Name extends ReportName> =
  Name extends Exclude<ReportName, 'collected'>
    ? (typeof FILTERED_REPORTS)[Name]['row']
    : typeof collectedRow;
const rowSchema = (name: ReportName) => (name === 'collected' ? collectedRow : FILTERED_REPORTS[name].row);

/**
 * One cell as a spreadsheet reader wants it: money in major units with its currency's decimals (the row's
 * currency column says which; one row never mixes currencies), rates to four decimals (0.1235 = 12.35 %),
 * contacts per 1,000 to two, and a name for the unassigned rows (a blank cell reads as missing data).
 */
function csvValue(key: string, row: Record<string, unknown>, language: Language): unknown {
  const value = row[key];
  if (key.endsWith('Minor') && typeof value === 'number') {
    return new NumberText(majorUnitsText(value, String(row.currency)));
  }
  if (key.endsWith('Rate') && typeof value === 'number') return Number(value.toFixed(4));
  if (key === 'contactsPerThousand' && typeof value === 'number') return Number(value.toFixed(2));
  if (key === 'agentName' && value === null) return CSV_WORDS[language].unassigned;
  if (key === 'teamName' && value === null) return CSV_WORDS[language].noTeam;
  return value;
}

/**
 * The report as CSV in the reader's language (headings and named blanks), named after the report and its
 * range, opening with a UTF-8 byte-order mark so Excel reads Chinese. Ids are left out; names say the same.
 */
export async function reportCsv(
  db: Executor,
  name: ReportName,
  request: ReportRequest & { language: Language },
): Promise<{ fileName: string; csv: string }> {
  const { language } = request;
  const rows = await runReport(db, name, request);
  const keys = Object.keys(rowSchema(name).shape).filter((k) => !/Id$/.test(k)) as ReportColumn[];
  const headings = keys.map((k) => csvHeading(k, language));
  const csvRows = rows.map((row) =>
    Object.fromEntries(keys.map((k, i) => [headings[i], csvValue(k, row, language)])),
  );
  const grain = name === 'collected' ? `-${request.grain}` : '';
  const body = rows.length === 0 ? `${CSV_WORDS[language].noRows}\r\n` : toCsv(csvRows, headings);
  return {
    fileName: `${name}${grain}-${request.filters.from}-to-${request.filters.to}.csv`,
    csv: UTF8_BOM + body,
  };
}

/** CSV building blocks, for the other modules' downloads (the letters' print index). */
export { toCsv, UTF8_BOM } from './csv.ts';
// What the other modules use of reports' internals: they import it from here (issue 16).
export { snapshotBuckets } from './rollups.ts';
