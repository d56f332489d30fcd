import { bigint, date, type ReferenceConfig, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The column shapes the tables share (Drizzle's reusable columns). Each one is exactly the builder it stands for,
 * so a table written with them generates the same SQL as one written without.
 */

/** A UTC instant. Local time never reaches the database. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A calendar day, `YYYY-MM-DD` as a string; whose calendar it is, the column's comment or table says. */
export const calendarDate = (name: string) => date(name, { mode: 'string' });

/** Money in integer minor units; JS numbers are exact up to 2^53, far beyond any balance. */
export const minor = (name: string) => bigint(name, { mode: 'number' });

export const id = () => uuid('id').primaryKey().defaultRandom();

/**
 * Append-only history, the outboxes and the job queue use a bigint identity: cheaper than uuid at five million
 * rows, and ordered.
 */
export const serialId = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();

/** The id of a row of a table keyed by `serialId`; a foreign key only where the column adds `.references`. */
export const serialRef = (name: string) => bigint(name, { mode: 'number' });

/**
 * A uuid naming a row of another table, with its foreign key (`uuidRef('case_id', () => cases.id)`); add
 * `.notNull()` where the row must have one.
 */
export const uuidRef = (name: string, target: ReferenceConfig['ref'], actions?: ReferenceConfig['actions']) =>
  uuid(name).references(target, actions);

export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () => instant('updated_at').notNull().defaultNow();
