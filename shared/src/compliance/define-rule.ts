import { z } from 'zod';
import { LANGUAGES, type Localized } from '../domain/language.ts';
import type { ParameterUnit, RULE_EFFECTS } from '../schemas/rules.ts';
import type { ActionKind } from './actions.ts';
import type { EvaluationContext, Moment } from './context.ts';
import type { Reason } from './reasons/codes.ts';

export type { ParameterUnit } from '../schemas/rules.ts';

/**
 * One compliance rule, declared once: its id, source, description, parameters, the actions it applies to and its
 * check. Ids, descriptions, parameter definitions, packs and the administration catalog are all read from these
 * objects. Source, description and parameter labels are declared in every language the product speaks (a
 * language left out fails the typecheck). What each rule checks is written down in docs/compliance/CATALOG.md.
 */

/** block: the action is refused; warn: allowed but shown and recorded; require: refused unless the content is there. */
export type RuleEffect = (typeof RULE_EFFECTS)[number];
/** Which way is stricter: 'max' values (caps, window ends) only go down, 'min' values (starts, lengths) only up. */
export type ParameterDirection = 'max' | 'min';

export interface ParameterMeta {
  readonly direction: ParameterDirection;
  readonly unit: ParameterUnit;
  readonly description: Localized;
}

/** A number a rule uses, with its pack default and which way a portfolio may move it. */
export function limit(defaultValue: number, meta: ParameterMeta) {
  // Under its own key: zod's own `description` meta is a plain string.
  return z.number().int().default(defaultValue).meta({ parameter: meta });
}

/** A cap or the end of a window (direction 'max'): `atMost(7, 'count', { en: 'calls per debt in the window', … })`. */
export function atMost(defaultValue: number, unit: ParameterUnit, description: Localized) {
  return limit(defaultValue, { direction: 'max', unit, description });
}

/** A length or the start of a window (direction 'min'): `atLeast(7, 'days', { en: 'length of the window', … })`. */
export function atLeast(defaultValue: number, unit: ParameterUnit, description: Localized) {
  return limit(defaultValue, { direction: 'min', unit, description });
}

/** The source of the POL-* rules. */
export const AGENCY_POLICY: Localized = { en: 'agency policy', zh: '本机构政策' };

/** A legal citation ("12 CFR 1006.26") reads the same in every language. */
export function citation(text: string): Localized {
  return Object.fromEntries(LANGUAGES.map((language) => [language, text])) as Localized;
}

type ParameterShape = Record<string, ReturnType<typeof limit>>;
export type ParameterSchema = z.ZodObject<ParameterShape>;

/** A parameter as packs, validation and the catalog see it; `name` is `<rule id>.<key>`, the stored key. */
export interface ParameterDefinition<Name extends string = string> {
  readonly name: Name;
  readonly ruleId: string;
  readonly defaultValue: number;
  readonly direction: ParameterDirection;
  readonly unit: ParameterUnit;
  /** US-* and CN-* parameters are legal floors; POL-* ones are agency policy, movable either way. */
  readonly legal: boolean;
  readonly description: Localized;
}

/** Every parameter value by its stored name (`US-REGF-7IN7.maxCalls`), as portfolios keep them. */
export type ParameterValues = Readonly<Record<string, number>>;

/** What a rule says about itself, the same in its declaration and in the rule object. */
interface RuleHeader<Id extends string> {
  readonly id: Id;
  readonly effect: RuleEffect;
  /** The legal citation (or "agency policy") shown beside the reason. */
  readonly source: Localized;
  /** One plain sentence for the administration catalog. */
  readonly description: Localized;
  /** Time-of-day and frequency rules: their blocks lapse by themselves, so a next allowed time exists. */
  readonly timing: boolean;
  readonly appliesTo: readonly ActionKind[];
  /**
   * Whether the rule also judges a transactional message (docs/compliance/CATALOG.md, principle 12): only death,
   * China's hours and the debtor's opt-outs refuse one. Left out: the rule does not.
   */
  readonly transactional?: boolean;
  /**
   * For a block that is not about time but ends at a known instant (a hold until a date): that instant. Absent or
   * null when the block lasts until something changes.
   */
  lapsesAt?(context: EvaluationContext): number | null;
}

export interface RuleSpec<Id extends string, Params extends ParameterShape> extends RuleHeader<Id> {
  readonly parameters?: z.ZodObject<Params>;
  /** Why the proposed action breaks the rule at `moment`, as a reason code with its parameters; null when it does not. */
  check(
    context: EvaluationContext,
    moment: Moment,
    params: Readonly<z.output<z.ZodObject<Params>>>,
  ): Reason | null;
}

export interface Rule<Id extends string = string, Params extends ParameterShape = ParameterShape>
  extends RuleHeader<Id> {
  readonly parameters: readonly ParameterDefinition<`${Id}.${keyof Params & string}`>[];
  /** The rule's parameters at the pack's values. */
  readonly defaults: Readonly<z.output<z.ZodObject<Params>>>;
  /** The rule's own parameters, typed, read from a portfolio's values (the defaults for any not given). */
  paramsIn(values: ParameterValues): Readonly<z.output<z.ZodObject<Params>>>;
  /** The stored name of one of the rule's parameters, for SQL and overrides: `US-REGF-7IN7.maxCalls`. */
  parameterName<Key extends keyof Params & string>(key: Key): `${Id}.${Key}`;
  /** Runs the check with the rule's parameters from the context. */
  check(context: EvaluationContext, moment: Moment): Reason | null;
}

const NO_PARAMETERS = z.object({});

export function defineRule<const Id extends string, Params extends ParameterShape = Record<never, never>>(
  spec: RuleSpec<Id, Params>,
): Rule<Id, Params> {
  type Values = Readonly<z.output<z.ZodObject<Params>>>;
  const schema = (spec.parameters ?? NO_PARAMETERS) as z.ZodObject<Params>;
  const defaults = schema.parse({}) as Record<string, number>;
  const legal = /^(US|CN)-/.test(spec.id);
  const keys = Object.keys(schema.shape);
  const parameters = keys.map((key) => {
    const meta = (schema.shape[key]!.meta() as { parameter: ParameterMeta }).parameter;
    return {
      name: `${spec.id}.${key}` as `${Id}.${keyof Params & string}`,
      ruleId: spec.id,
      defaultValue: defaults[key]!,
      direction: meta.direction,
      unit: meta.unit,
      legal,
      description: meta.description,
    };
  });
  // Portfolios share a handful of value objects; reading a rule's numbers once per object keeps checks cheap.
  // The engine asks on every instant it tries, nearly always with the values it asked with last time.
  const cache = new WeakMap<ParameterValues, Values>();
  let lastValues: ParameterValues | null = null;
  let lastRead: Values | null = null;
  const paramsIn = (values: ParameterValues): Values => {
    if (values === lastValues) return lastRead!;
    let read = cache.get(values);
    if (read === undefined) {
      read = Object.fromEntries(
        keys.map((key, i) => [key, values[parameters[i]!.name] ?? defaults[key]]),
      ) as unknown as Values;
      cache.set(values, read);
    }
    lastValues = values;
    lastRead = read;
    return read;
  };
  const { check, lapsesAt } = spec;
  return {
    id: spec.id,
    effect: spec.effect,
    source: spec.source,
    description: spec.description,
    timing: spec.timing,
    appliesTo: spec.appliesTo,
    transactional: spec.transactional === true,
    parameters,
    defaults: defaults as Values,
    paramsIn,
    parameterName: (key) => `${spec.id}.${key}`,
    check: (context, moment) => check(context, moment, paramsIn(context.params)),
    ...(lapsesAt === undefined ? {} : { lapsesAt }),
  };
}
