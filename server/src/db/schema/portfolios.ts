import { integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, uuidRef } from './columns.ts';
import { users } from './users.ts';

export const creditors = pgTable('creditors', {
  id: id(),
  name: text('name').notNull().unique(),
  /** ISO 3166-1 alpha-2 */
  country: text('country').notNull(),
  createdAt: createdAt(),
});

/**
 * A book of accounts a creditor placed with the agency. Its jurisdiction names the rule packs that apply;
 * `ruleParameters` may only tighten a pack's parameters (the compliance engine refuses a looser value).
 */
export const portfolios = pgTable('portfolios', {
  id: id(),
  creditorId: uuidRef('creditor_id', () => creditors.id).notNull(),
  name: text('name').notNull().unique(),
  currency: text('currency').notNull(),
  jurisdictionCountry: text('jurisdiction_country').notNull(),
  jurisdictionRegion: text('jurisdiction_region'),
  ruleParameters: jsonb('rule_parameters').$type<Record<string, number>>().notNull().default({}),
  /** Bumped on every parameter change; stamped on compliance decisions with the ruleset version. */
  ruleParametersVersion: integer('rule_parameters_version').notNull().default(1),
  createdAt: createdAt(),
});

/** One placement file (or batch) of accounts a creditor sent; importing the same file twice is refused by its hash. */
export const placements = pgTable(
  'placements',
  {
    id: id(),
    portfolioId: uuidRef('portfolio_id', () => portfolios.id).notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    rowCount: integer('row_count').notNull(),
    placedAt: instant('placed_at').notNull(),
    importedBy: uuidRef('imported_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('placements_portfolio_file_key').on(t.portfolioId, t.fileSha256)],
);

/** Outside collection agencies cases can be placed with (ladder step 3). */
export const agencies = pgTable('agencies', {
  id: id(),
  name: text('name').notNull().unique(),
  /** Commission in basis points of what the agency collects. */
  commissionBps: integer('commission_bps').notNull(),
  createdAt: createdAt(),
});
