import { z } from 'zod';

/** The page of a paged list a caller asks for: a page number, and a page size from `min` to `max` (`fallback` by default). */
export function pageInputOf(pageSize: { min: number; max: number; fallback: number }) {
  return z.object({
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.fallback),
  });
}

export const pageInput = pageInputOf({ min: 10, max: 200, fallback: 50 });

/** How many rows a keyset (cursor) list returns at most: 1 to `max`, `fallback` by default. */
export const rowLimit = (max: number, fallback = 50) => z.number().int().min(1).max(max).default(fallback);

export const sortDirection = z.enum(['asc', 'desc']);

/** Which page an answer is, as a paged list's output says it beside its rows and total. */
export const pageNumbers = { page: z.number().int(), pageSize: z.number().int() };

/** A page of a list, as a procedure answers it: the contract of `Page`. */
export function pageOutput<Row extends z.ZodType>(row: Row) {
  return z.object({
    rows: z.array(row),
    total: z.number().int(),
    ...pageNumbers,
  });
}

export interface Page<Row> {
  rows: Row[];
  total: number;
  page: number;
  pageSize: number;
}
