import * as s from '../schema/index.ts';

/**
 * The tables the book fills, in foreign-key order: a batch is inserted table by table in this order, so a
 * row's parents are always in the database before it (the PGlite path keeps every constraint on).
 */
export const LOAD_ORDER = [
  ['placements', s.placements],
  ['debtors', s.debtors],
  ['contactPoints', s.contactPoints],
  ['thirdParties', s.thirdParties],
  ['optOuts', s.optOuts],
  ['cases', s.cases],
  ['caseQueueState', s.caseQueueState],
  ['paymentPlans', s.paymentPlans],
  ['promises', s.promises],
  ['agencyPlacements', s.agencyPlacements],
  ['payments', s.payments],
  ['contactLog', s.contactLog],
  ['disputes', s.disputes],
  ['complaints', s.complaints],
  ['escalationRequests', s.escalationRequests],
  ['fieldVisits', s.fieldVisits],
  ['legalActions', s.legalActions],
  ['caseNotes', s.caseNotes],
] as const;

type LoadEntry = (typeof LOAD_ORDER)[number];
export type TableName = LoadEntry[0];

/** Rows of one chunk of cases, per table, typed as Drizzle inserts. */
export type RowBatch = { [E in LoadEntry as E[0]]: E[1]['$inferInsert'][] };

export const emptyBatch = (): RowBatch =>
  Object.fromEntries(LOAD_ORDER.map(([name]) => [name, []])) as unknown as RowBatch;

/** The batch's tables that have rows, in LOAD_ORDER, each with its rows. */
export function* filledTables(batch: RowBatch): Generator<[TableName, Record<string, unknown>[]]> {
  for (const [name] of LOAD_ORDER) {
    const rows = batch[name] as Record<string, unknown>[];
    if (rows.length > 0) yield [name, rows];
  }
}

/** Where batches go: multi-row INSERTs through Drizzle, or COPY streams on a PostgreSQL server. */
export interface RowSink {
  write(batch: RowBatch): Promise<void>;
  finish(): Promise<void>;
}
