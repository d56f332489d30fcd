import { formatMinute, sentence } from '@arrears/shared/compliance/format';
import {
  type JurisdictionPack,
  PACKS,
  type ParameterDefinition,
  type ParameterProblem,
} from '@arrears/shared/compliance/packs';
import type {
  CatalogPack,
  CatalogParameter,
  ParameterUnit,
  TighteningDirection,
} from '@arrears/shared/schemas/rules';

/**
 * The packs as the administration screen shows them: rules with their sources and descriptions, parameters with
 * their limits, all read from the rule objects.
 */

/** 'max' parameters get stricter downwards, 'min' ones upwards; for times of day that reads earlier/later. */
export function tighteningDirection(definition: ParameterDefinition): TighteningDirection {
  if (definition.unit === 'minute_of_day') return definition.direction === 'max' ? 'earlier' : 'later';
  return definition.direction === 'max' ? 'lower' : 'higher';
}

const DIRECTION_VERB: Record<TighteningDirection, string> = {
  lower: 'lowered',
  higher: 'raised',
  earlier: 'made earlier',
  later: 'made later',
};

/** A parameter value in its unit's notation: minutes of the day as HH:MM, everything else as a number. */
export function formatParameterValue(unit: ParameterUnit, value: number): string {
  return unit === 'minute_of_day' && Number.isInteger(value) ? formatMinute(value) : String(value);
}

function toCatalogParameter(definition: ParameterDefinition): CatalogParameter {
  return {
    key: definition.name,
    ruleId: definition.ruleId,
    label: { ...definition.description, en: sentence(definition.description.en) },
    unit: definition.unit,
    defaultValue: definition.defaultValue,
    legal: definition.legal,
    tightens: tighteningDirection(definition),
  };
}

function toCatalogPack(pack: JurisdictionPack): CatalogPack {
  return {
    id: pack.id,
    name: pack.label,
    kind: pack.id === 'POLICY' ? 'policy' : 'legal',
    rules: pack.rules.map((rule) => ({
      id: rule.id,
      effect: rule.effect,
      source: rule.source,
      appliesTo: [...rule.appliesTo],
      description: rule.description,
    })),
    parameters: pack.parameters.map(toCatalogParameter),
  };
}

/** Built once: packs and rules are code, they change only with a new RULESET_VERSION. */
export const CATALOG_PACKS: readonly CatalogPack[] = Object.values(PACKS).map(toCatalogPack);

/**
 * The problem as an administrator reads it. A loosening names the parameter, the way it may move, the legal
 * limit and the value asked ("US-REGF-7IN7.maxCalls may only be lowered: the legal limit is 7, 8 was asked").
 */
export function explainProblem(
  packs: readonly JurisdictionPack[],
  problem: ParameterProblem,
  asked: number | undefined,
): string {
  if (problem.code === 'unknown') {
    const packIds = packs.map((pack) => pack.id).join(', ');
    return `${problem.parameter} is not a parameter of this portfolio's rule packs (${packIds})`;
  }
  if (problem.code !== 'loosened' || asked === undefined) return problem.message;
  const definition = packs.flatMap((pack) => pack.parameters).find((p) => p.name === problem.parameter);
  if (!definition) return problem.message;
  const verb = DIRECTION_VERB[tighteningDirection(definition)];
  const limit = formatParameterValue(definition.unit, definition.defaultValue);
  return `${problem.parameter} may only be ${verb}: the legal limit is ${limit}, ${formatParameterValue(definition.unit, asked)} was asked`;
}
