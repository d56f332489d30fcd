import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { Sql } from 'postgres';
import { filledTables, LOAD_ORDER, type RowBatch, type RowSink, type TableName } from './row-batch.ts';

type Encoder = (value: unknown) => string;

const SPECIAL = /[\\\n\r\t]/;
/** COPY's text format: backslash escapes, tab between columns, newline between rows, `\N` for NULL. */
const text = (value: string) =>
  SPECIAL.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')
    : value;

/** Uuids, enum values and dates can never hold a character COPY must escape, so they skip the check. */
const RAW = new Set(['PgUUID', 'PgEnumColumn', 'PgDateString']);

const ENCODERS: Record<string, Encoder> = {
  raw: (v) => v as string,
  string: (v) => text(v as string),
  number: (v) => String(v),
  bigint: (v) => String(v),
  boolean: (v) => (v ? 't' : 'f'),
  date: (v) => (v as Date).toISOString(),
  json: (v) => text(JSON.stringify(v)),
  array: (v) => text(`{${(v as string[]).map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`),
};

/** How one table's rows become COPY text: its column names, and the row keys and encoders in that order. */
export interface CopyColumns {
  table: string;
  names: string[];
  keys: string[];
  encoders: Encoder[];
}

interface CopyStream {
  stream: Writable;
  keys: string[];
  encoders: Encoder[];
}

export function copyColumns(name: TableName, sample: object): CopyColumns {
  const table = LOAD_ORDER.find(([n]) => n === name)![1];
  const columns = getTableColumns(table) as Record<
    string,
    { name: string; dataType: string; columnType: string }
  >;
  // Every row of a table is built by one object literal, so the first row's keys are every row's keys.
  const keys = Object.keys(sample);
  const names = keys.map((key) => columns[key]!.name);
  const encoders = keys.map((key) => {
    const column = columns[key]!;
    return ENCODERS[RAW.has(column.columnType) ? 'raw' : column.dataType] ?? ENCODERS.string!;
  });
  return { table: getTableName(table), names, keys, encoders };
}

/** Rows in COPY's text format, each line ended. One flat string: joining arrays is far cheaper than growing one. */
export function copyText(
  rows: Record<string, unknown>[],
  copy: Pick<CopyColumns, 'keys' | 'encoders'>,
): string {
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) lines[i] = encodeRow(rows[i]!, copy);
  return `${lines.join('\n')}\n`;
}

/**
 * The PostgreSQL server path: one COPY stream per table, each on its own connection, so PostgreSQL ingests
 * the tables side by side while this process generates the next batch. The caller has set foreign keys and
 * secondary indexes aside (see bulk-load.ts): streams of different tables are not ordered against each other.
 * `sql` needs a connection per table (LOAD_ORDER.length) on top of what its other users hold.
 */
export function copySink(sql: Sql): RowSink {
  const streams = new Map<TableName, CopyStream>();
  let failure: Error | null = null;

  const open = async (name: TableName, sample: object): Promise<CopyStream> => {
    const { table, names, keys, encoders } = copyColumns(name, sample);
    const stream = (await sql`copy ${sql(table)} (${sql(names)}) from stdin`.writable()) as Writable;
    stream.on('error', (error: Error) => {
      failure ??= error;
    });
    return { stream, keys, encoders };
  };

  return {
    async write(batch: RowBatch) {
      for (const [name, rows] of filledTables(batch)) {
        let copy = streams.get(name);
        if (!copy) {
          copy = await open(name, rows[0]!);
          streams.set(name, copy);
        }
        const text = copyText(rows, copy);
        if (failure) throw failure;
        if (!copy.stream.write(text)) await once(copy.stream, 'drain');
      }
    },
    async finish() {
      for (const { stream } of streams.values()) stream.end();
      await Promise.all(
        [...streams.values()].map(({ stream }) => (stream.writableFinished ? null : once(stream, 'finish'))),
      );
      if (failure) throw failure;
    },
  };
}

function encodeRow(row: Record<string, unknown>, copy: Pick<CopyColumns, 'keys' | 'encoders'>): string {
  const fields = new Array<string>(copy.keys.length);
  for (let i = 0; i < copy.keys.length; i++) {
    const value = row[copy.keys[i]!];
    fields[i] = value === null || value === undefined ? '\\N' : copy.encoders[i]!(value);
  }
  return fields.join('\t');
}
