import fc from 'fast-check';

/**
 * fast-check arbitraries read off a Zod 4 schema's `_zod.def` (decision 019: no maintained library generates
 * from Zod 4). `validInput` aims at inputs the contract accepts, the schema itself having the last word;
 * `leavesOf` lists the fields an invalid input is made from, each with what kind of value it holds.
 */

// biome-ignore lint/suspicious/noExplicitAny: the def is read generically, one node kind at a time
type Def = Record<string, any> & { type: string };
/** What is read of a Zod 4 schema (the root package does not depend on zod itself). */
export interface Schema {
  safeParse(input: unknown): { success: boolean };
  _zod: { def: Def };
}
const defOf = (schema: Schema): Def => schema._zod.def;
const checksOf = (def: Def): Def[] =>
  ((def.checks ?? []) as Array<{ _zod: { def: Def } }>).map((check) => check._zod.def);

/** Ids of rows that exist, so valid inputs reach the handlers instead of stopping at NOT_FOUND. */
export interface World {
  /** Ids of existing rows that a field of this name names (caseId: cases), or of any row. */
  idsFor: (field: string | undefined) => string[];
  emails: string[];
  /** Instants and days are drawn mostly near this one (the services refuse far past or future). */
  now: Date;
}

const DAY_MS = 86_400_000;

/** Every kind of string the contracts hold, tried in turn: a field keeps those of them its schema accepts. */
function stringCandidates(def: Def, world: World, field: string | undefined): Array<fc.Arbitrary<string>> {
  const checks = checksOf(def);
  const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum as number));
  const max = Math.min(
    min + 60,
    ...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum as number),
  );
  const near = (spanDays: number) =>
    fc
      .integer({ min: -spanDays * DAY_MS, max: spanDays * DAY_MS })
      .map((offset) => new Date(world.now.getTime() + offset));
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const regexes = checks.filter((c) => c.format === 'regex').map((c) => c.pattern as RegExp);
  return [
    fc.oneof({ arbitrary: fc.constantFrom(...world.idsFor(field)), weight: 4 }, fc.uuid()),
    fc.oneof(near(45).map(day), near(2000).map(day)),
    fc.oneof(
      near(3).map((d) => d.toISOString()),
      near(400).map((d) => d.toISOString()),
    ),
    fc.oneof(fc.constantFrom(...world.emails), fc.emailAddress()),
    fc.constantFrom('USD', 'CNY', 'EUR'),
    fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max }),
    fc.string({ unit: 'grapheme', minLength: min, maxLength: max }),
    fc.lorem({ maxCount: Math.max(1, Math.floor(max / 8)) }),
    ...regexes.map((pattern) => fc.stringMatching(pattern)),
  ];
}

function stringArbitrary(
  schema: Schema,
  def: Def,
  world: World,
  field: string | undefined,
): fc.Arbitrary<string> {
  const accepts = (value: string) => schema.safeParse(value).success;
  const fitting = stringCandidates(def, world, field).filter((candidate) =>
    fc.sample(candidate, { numRuns: 40, seed: 1 }).some(accepts),
  );
  if (fitting.length === 0) return fc.string();
  return fc.oneof(...fitting).filter(accepts);
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const isInt = checks.some((c) => c.check === 'number_format' && /int/.test(c.format));
  const lows = checks
    .filter((c) => c.check === 'greater_than')
    .map((c) => (c.value as number) + (c.inclusive ? 0 : 1));
  const highs = checks
    .filter((c) => c.check === 'less_than')
    .map((c) => (c.value as number) - (c.inclusive ? 0 : 1));
  const min = Math.max(-1_000_000, ...lows);
  const max = Math.min(Math.max(min, 1_000_000), ...highs);
  return isInt ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
}

/** Inputs shaped as `schema` wants them; most pass it, and the schema says which do. */
export function validInput(schema: Schema, world: World, field?: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (key: string) => validInput(def[key] as Schema, world, field);
  switch (def.type) {
    case 'string':
      return stringArbitrary(schema, def, world, field);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(inner('innerType'), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner('innerType'), { nil: null, freq: 3 });
    case 'pipe':
      return inner('in');
    case 'union':
      return fc.oneof(...(def.options as Schema[]).map((option) => validInput(option, world, field)));
    case 'array': {
      const checks = checksOf(def);
      const minLength = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum));
      const maxLength = Math.min(
        minLength + 4,
        ...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum),
      );
      return fc.uniqueArray(inner('element'), { minLength, maxLength, selector: (v) => JSON.stringify(v) });
    }
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      const required = Object.keys(shape).filter(
        (key) => !['optional', 'default', 'prefault'].includes(defOf(shape[key]!).type),
      );
      const fields = Object.fromEntries(
        Object.entries(shape).map(([key, value]) => [key, validInput(value, world, key)]),
      );
      return fc.record(fields, { requiredKeys: required });
    }
    case 'record':
      return fc.dictionary(
        validInput(def.keyType as Schema, world) as fc.Arbitrary<string>,
        validInput(def.valueType as Schema, world),
        { maxKeys: 4 },
      );
    case 'void':
    case 'undefined':
      return fc.constant(undefined);
    default:
      return fc.jsonValue();
  }
}

export type LeafKind = 'id' | 'date' | 'instant' | 'text' | 'number' | 'boolean' | 'choice' | 'array';
export interface Leaf {
  path: Array<string | number>;
  kind: LeafKind;
}

/** The fields of an input, through optional and default wrappers and into the first element of arrays. */
export function leavesOf(schema: Schema, path: Array<string | number> = []): Leaf[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
      return leavesOf(def.innerType as Schema, path);
    case 'pipe':
      return leavesOf(def.in as Schema, path);
    case 'union':
      return leavesOf((def.options as Schema[])[0]!, path);
    case 'object':
      return Object.entries(def.shape as Record<string, Schema>).flatMap(([key, field]) =>
        leavesOf(field, [...path, key]),
      );
    case 'array':
      return [{ path, kind: 'array' }, ...leavesOf(def.element as Schema, [...path, 0])];
    case 'string':
      return [{ path, kind: stringKind(schema, def) }];
    case 'number':
      return [{ path, kind: 'number' }];
    case 'boolean':
      return [{ path, kind: 'boolean' }];
    case 'enum':
    case 'literal':
      return [{ path, kind: 'choice' }];
    default:
      return [];
  }
}

function stringKind(schema: Schema, def: Def): LeafKind {
  if (checksOf(def).some((c) => c.format === 'uuid')) return 'id';
  const accepts = (value: string) => schema.safeParse(value).success;
  if (accepts('2026-03-10T15:00:00Z')) return 'instant';
  if (accepts('2026-03-10')) return 'date';
  return 'text';
}

/** A copy of `input` with `value` at `path`, making the objects and arrays on the way. */
export function withValueAt(input: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(input) ? [...input] : [];
    list[head] = withValueAt(list[head], rest, value);
    return list;
  }
  const object = input !== null && typeof input === 'object' && !Array.isArray(input) ? { ...input } : {};
  (object as Record<string, unknown>)[head!] = withValueAt(
    (object as Record<string, unknown>)[head!],
    rest,
    value,
  );
  return object;
}

export function valueAt(input: unknown, path: Array<string | number>): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}
