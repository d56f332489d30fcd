import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { PLACEMENT_COLUMNS, type PlacementRowError } from '@arrears/shared/schemas/placements';
import { parse } from 'csv-parse';
import { type RowContext, type ValidRow, validateRow } from './validate-row.ts';

/** Row errors kept for the preview; the count goes on past it. */
export const MAX_KEPT_ERRORS = 10_000;

export interface ParsedFile {
  fileSha256: string;
  /** Data rows read (the header not counted). */
  rows: number;
  valid: ValidRow[];
  invalidRows: number;
  fileErrors: PlacementRowError[];
  errors: PlacementRowError[];
  errorCount: number;
}

const KNOWN = new Set(PLACEMENT_COLUMNS.map((c) => c.name));
const REQUIRED = PLACEMENT_COLUMNS.filter((c) => c.required).map((c) => c.name);

/**
 * Reads a placement file as a stream: the bytes are hashed as they pass (the file's identity for "imported
 * twice"), parsed by csv-parse record by record and each record validated. Rows are numbered as a spreadsheet
 * shows them: the header is row 1. A file whose header is wrong, or that is not well-formed CSV, gets file
 * errors and no rows.
 */
export async function parsePlacementFile(source: Readable, ctx: RowContext): Promise<ParsedFile> {
  const hash = createHash('sha256');
  source.on('data', (chunk: Buffer | string) => hash.update(chunk));
  const parser = source.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 64 * 1024,
    }),
  );
  source.on('error', (error) => parser.destroy(error));

  const result: ParsedFile = {
    fileSha256: '',
    rows: 0,
    valid: [],
    invalidRows: 0,
    fileErrors: [],
    errors: [],
    errorCount: 0,
  };
  const addErrors = (errors: PlacementRowError[]) => {
    result.errorCount += errors.length;
    for (const error of errors) if (result.errors.length < MAX_KEPT_ERRORS) result.errors.push(error);
  };

  let header: string[] | null = null;
  const seen = new Map<string, number>();
  let row = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (header === null) {
        header = record.map((name) => name.trim().toLowerCase());
        result.fileErrors.push(...headerErrors(header));
        if (result.fileErrors.length > 0) break;
        continue;
      }
      row += 1;
      result.rows += 1;
      const raw: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) raw[header[i]!] = record[i] ?? '';
      const outcome = await validateRow(raw, row, ctx);
      const rowErrors = outcome.ok ? [] : outcome.errors;
      if (record.length !== header.length) {
        rowErrors.unshift({
          row,
          column: null,
          message: `has ${record.length} fields where the header has ${header.length}`,
        });
      }
      const ref = (raw.account_ref ?? '').trim();
      const first = ref ? seen.get(ref) : undefined;
      if (first !== undefined) {
        rowErrors.push({ row, column: 'account_ref', message: `${ref} repeats row ${first}` });
      } else if (ref) seen.set(ref, row);
      if (rowErrors.length > 0) {
        result.invalidRows += 1;
        addErrors(rowErrors);
      } else if (outcome.ok) result.valid.push(outcome.row);
    }
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    result.fileErrors.push({
      row: typeof line === 'number' ? line : 0,
      column: null,
      message: `not a well-formed CSV file: ${(error as Error).message}`,
    });
  }
  if (header === null && result.fileErrors.length === 0) {
    result.fileErrors.push({ row: 1, column: null, message: 'the file has no header row' });
  }
  if (result.fileErrors.length > 0) {
    result.valid = [];
    // The rest of the file still counts towards its identity.
    source.resume();
    if (!source.readableEnded && !source.destroyed) {
      await new Promise((resolve) =>
        source.once('end', resolve).once('error', resolve).once('close', resolve),
      );
    }
  }
  result.fileSha256 = hash.digest('hex');
  return result;
}

function headerErrors(header: string[]): PlacementRowError[] {
  const errors: PlacementRowError[] = [];
  const counted = new Set<string>();
  for (const name of header) {
    if (!KNOWN.has(name))
      errors.push({ row: 1, column: name || '(empty)', message: 'is not a column of the format' });
    else if (counted.has(name)) errors.push({ row: 1, column: name, message: 'appears twice in the header' });
    counted.add(name);
  }
  for (const name of REQUIRED) {
    if (!counted.has(name)) errors.push({ row: 1, column: name, message: 'required column is missing' });
  }
  return errors;
}
