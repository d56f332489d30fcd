import type postgres from 'postgres';

/**
 * Values bound in raw `sql` templates reach the driver as they are. PGlite converts each by the type the server
 * describes for its parameter; drizzle's postgres-js driver replaces postgres.js's converters for dates, times and
 * json with ones that pass the value through, so a `Date` or an object reached the wire unconverted and the query
 * failed on the server only. These are PGlite's converters (0.5.17), so both drivers accept the same values.
 */

const TIME = 1083;
const BOOL = 16;
const DATE_TYPES = [1082, 1114, 1184]; // date, timestamp, timestamptz
const JSON_TYPES = [114, 3802]; // json, jsonb
/** Arrays whose converters drizzle replaced, with their element's converter. */
const ARRAY_TYPES: ReadonlyArray<readonly [array: number, element: (value: unknown) => string]> = [
  [1182, dateValue], // date[]
  [1115, dateValue], // timestamp[]
  [1185, dateValue], // timestamptz[]
  [1231, (value) => String(value)], // numeric[]
];

function dateValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === Number.POSITIVE_INFINITY) return 'infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-infinity';
  if (typeof value === 'number') return new Date(value).toISOString();
  if (value instanceof Date) return value.toISOString();
  throw new Error('Invalid input for date type');
}

function jsonValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

const TRUE_WORDS = ['true', 't', 'yes', 'y', 'on', '1'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', 'off', '0'];

/** postgres.js sends 'f' for anything but `true` (so the string 'true' became false); PGlite reads it or refuses. */
function booleanValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value === 1) return 't';
  if (value === 0) return 'f';
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.includes(word)) return 't';
    if (FALSE_WORDS.includes(word)) return 'f';
  }
  throw new Error('Invalid input for boolean type');
}

function arrayValue(element: (value: unknown) => string) {
  const literal = (value: unknown): unknown => {
    if (!Array.isArray(value)) return value;
    if (value.length === 0) return '{}';
    if (Array.isArray(value[0])) return `{${value.map(literal).join(',')}}`;
    const items = value.map((item: unknown) =>
      item === null || item === undefined
        ? 'null'
        : `"${element(item).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
    );
    return `{${items.join(',')}}`;
  };
  return literal;
}

/**
 * Installs PGlite's converters on a postgres.js client. Call it after every `drizzle()` built on the client:
 * drizzle writes its own into the client's shared options each time it is constructed (the migrator builds one too).
 */
export function acceptWhatPgliteAccepts(sql: postgres.Sql): void {
  const serializers = sql.options.serializers as Record<number, (value: unknown) => unknown>;
  for (const type of DATE_TYPES) serializers[type] = dateValue;
  for (const type of JSON_TYPES) serializers[type] = jsonValue;
  for (const [array, element] of ARRAY_TYPES) serializers[array] = arrayValue(element);
  serializers[TIME] = (value) => String(value);
  serializers[BOOL] = booleanValue;
}

/**
 * postgres.js declares a `Date` parameter as timestamptz on its own, before the server has seen the statement, so
 * `${date}::text` read back in the session's format and a list of dates was declared one timestamptz. PGlite lets the
 * server decide and sends the ISO text; so do we.
 */
export function asPgliteSends(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.some((item) => item instanceof Date || Array.isArray(item))) {
    return value.map(asPgliteSends);
  }
  return value;
}
