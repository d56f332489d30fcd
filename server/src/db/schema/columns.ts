import { bigint, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A UTC instant. Local time never reaches the database. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Money in integer minor units; JS numbers are exact up to 2^53, far beyond any balance. */
export const minor = (name: string) => bigint(name, { mode: 'number' });

export const id = () => uuid('id').primaryKey().defaultRandom();

/** Append-only history tables use a bigint identity: cheaper than uuid at five million rows and ordered. */
export const serialId = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();

export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () => instant('updated_at').notNull().defaultNow();
