import { integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns.ts';
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
  creditorId: uuid('creditor_id')
    .notNull()
    .references(() => creditors.id),
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
    portfolioId: uuid('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    rowCount: integer('row_count').notNull(),
    placedAt: instant('placed_at').notNull(),
    importedBy: uuid('imported_by').references(() => users.id),
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
