import { z } from 'zod';

export const pageInput = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});

export const sortDirection = z.enum(['asc', 'desc']);

export interface Page<Row> {
  rows: Row[];
  total: number;
  page: number;
  pageSize: number;
}
