import type { Jurisdiction } from './jurisdiction-zones.ts';
import {
  DEFAULT_PARAMETERS,
  type EffectiveParameters,
  type JurisdictionPack,
  PACKS,
  type ParameterDefinition,
  type ParameterName,
} from './pack-data.ts';

export type {
  EffectiveParameters,
  JurisdictionPack,
  PackId,
  ParameterDefinition,
  ParameterDirection,
  ParameterName,
  RuleId,
} from './pack-data.ts';
export { ALL_PARAMETERS, DEFAULT_PARAMETERS, PACKS, RULE_IDS } from './pack-data.ts';

/** Stamped on every verdict, so an audited decision names the rules it was made under. */
export const RULESET_VERSION = '2026.12.1';

// Shared arrays: the rule registry caches its selection per array.
const US_PACKS: readonly JurisdictionPack[] = [PACKS.US, PACKS.POLICY];
const MA_PACKS: readonly JurisdictionPack[] = [PACKS.US, PACKS['US-MA'], PACKS.POLICY];
const WA_PACKS: readonly JurisdictionPack[] = [PACKS.US, PACKS['US-WA'], PACKS.POLICY];
const CN_PACKS: readonly JurisdictionPack[] = [PACKS.CN, PACKS.POLICY];
const POLICY_ONLY: readonly JurisdictionPack[] = [PACKS.POLICY];

/** Federal law plus the debtor's state pack (MA, WA), China's pack for CN, and agency policy everywhere. */
export function packsFor(jurisdiction: Jurisdiction): readonly JurisdictionPack[] {
  if (jurisdiction.country === 'US') {
    if (jurisdiction.region === 'MA') return MA_PACKS;
    if (jurisdiction.region === 'WA') return WA_PACKS;
    return US_PACKS;
  }
  if (jurisdiction.country === 'CN') return CN_PACKS;
  return POLICY_ONLY;
}

/** Portfolio overrides keyed by parameter name, e.g. `{ "US-REGF-7IN7.maxCalls": 5 }`. */
export type ParameterOverrides = Readonly<Record<string, number>>;

export interface ParameterProblem {
  readonly parameter: string;
  readonly code: 'unknown' | 'invalid' | 'loosened';
  readonly message: string;
}

/** A portfolio tried to make a legal limit looser than the law allows. */
export class ParameterLoosenedError extends Error {
  readonly code = 'PARAMETER_LOOSENED';
  constructor(
    readonly parameter: string,
    readonly legalFloor: number,
    readonly attempted: number,
    message: string,
  ) {
    super(message);
    this.name = 'ParameterLoosenedError';
  }
}

/** An override names no parameter of the portfolio's packs or holds a value no rule can use. */
export class InvalidParameterError extends Error {
  readonly code = 'PARAMETER_INVALID';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidParameterError';
  }
}

function loosens(definition: ParameterDefinition, value: number): boolean {
  return definition.direction === 'max' ? value > definition.defaultValue : value < definition.defaultValue;
}

function invalidValue(definition: ParameterDefinition, value: number): string | null {
  if (!Number.isInteger(value)) return 'must be a whole number';
  if (definition.unit === 'minute_of_day' && (value < 0 || value > 1440))
    return 'must be a minute of the day, 0-1440';
  if (definition.unit === 'days' && value < 1) return 'must be at least 1 day';
  if (value < 0) return 'must not be negative';
  return null;
}

/** Every problem with a portfolio's overrides, for the admin screen; empty when they can be applied. */
export function validateParameterOverrides(
  packs: readonly JurisdictionPack[],
  overrides: ParameterOverrides,
): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  const definitions = new Map(packs.flatMap((pack) => pack.parameters.map((p) => [p.name, p] as const)));
  for (const [parameter, value] of Object.entries(overrides)) {
    const definition = definitions.get(parameter);
    if (definition === undefined) {
      const packIds = packs.map((pack) => pack.id).join(', ');
      problems.push({ parameter, code: 'unknown', message: `${parameter} is not a parameter of ${packIds}` });
      continue;
    }
    const invalid = invalidValue(definition, value);
    if (invalid !== null) {
      problems.push({ parameter, code: 'invalid', message: `${parameter} ${invalid} (got ${value})` });
    } else if (definition.legal && loosens(definition, value)) {
      const way = definition.direction === 'max' ? 'lowered' : 'raised';
      const message = `${parameter} = ${value} would loosen the legal limit of ${definition.defaultValue} (${definition.ruleId}); it may only be ${way}`;
      problems.push({ parameter, code: 'loosened', message });
    }
  }
  for (const [start, end] of windowPairs(definitions)) {
    const from = overrides[start.name] ?? start.defaultValue;
    const to = overrides[end.name] ?? end.defaultValue;
    if (from >= to) {
      problems.push({
        parameter: start.name,
        code: 'invalid',
        message: `${start.name} must be before ${end.name}`,
      });
    }
  }
  return problems;
}

function windowPairs(
  definitions: Map<string, ParameterDefinition>,
): [ParameterDefinition, ParameterDefinition][] {
  const pairs: [ParameterDefinition, ParameterDefinition][] = [];
  for (const [name, start] of definitions) {
    const end = name.endsWith('.start') ? definitions.get(name.replace(/\.start$/, '.end')) : undefined;
    if (end !== undefined) pairs.push([start, end]);
  }
  return pairs;
}

/**
 * The numbers the rules use for a portfolio. Throws ParameterLoosenedError when an override loosens a legal
 * limit, InvalidParameterError for any other problem. Parameters of packs not listed keep their defaults.
 */
export function resolveParameters(
  packs: readonly JurisdictionPack[],
  overrides: ParameterOverrides = {},
): EffectiveParameters {
  const problems = validateParameterOverrides(packs, overrides);
  const loosened = problems.find((p) => p.code === 'loosened');
  if (loosened !== undefined) {
    const definition = packs.flatMap((pack) => pack.parameters).find((p) => p.name === loosened.parameter)!;
    throw new ParameterLoosenedError(
      loosened.parameter,
      definition.defaultValue,
      overrides[loosened.parameter]!,
      loosened.message,
    );
  }
  const first = problems[0];
  if (first !== undefined) throw new InvalidParameterError(first.parameter, first.message);
  return { ...DEFAULT_PARAMETERS, ...(overrides as Partial<Record<ParameterName, number>>) };
}
