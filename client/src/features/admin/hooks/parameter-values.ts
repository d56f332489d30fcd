import { formatMinute } from '@arrears/shared/compliance/format';
import type { CatalogParameter, ParameterUnit, TighteningDirection } from '@arrears/shared/schemas/rules';

/**
 * The parameter form's values as typed, and the same checks the server makes (validateParameterOverrides in
 * shared/src/compliance/packs.ts), so a person sees a refusal beside the field before saving.
 */

export type FieldProblem =
  | { code: 'required' | 'wholeNumber' | 'time' | 'timeRange' | 'negative' | 'days' }
  | { code: 'loosened'; direction: TighteningDirection; limit: string; value: string }
  | { code: 'windowOrder'; other: string; otherValue: string };

/** A value in the notation a person types: minutes of the day as HH:MM, everything else as a number. */
export function formatParameterValue(unit: ParameterUnit, value: number): string {
  return unit === 'minute_of_day' ? formatMinute(value) : String(value);
}

type Parsed = { value: number; problem?: undefined } | { value?: undefined; problem: FieldProblem };

export function parseParameterValue(unit: ParameterUnit, text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: { code: 'required' } };
  if (unit === 'minute_of_day') {
    const match = /^(\d{1,2}):(\d{2})$/.exec(trimmed);
    if (!match) return { problem: { code: 'time' } };
    const minutes = Number(match[2]);
    if (minutes > 59) return { problem: { code: 'time' } };
    const value = Number(match[1]) * 60 + minutes;
    return value > 1440 ? { problem: { code: 'timeRange' } } : { value };
  }
  if (!/^-?\d+$/.test(trimmed)) return { problem: { code: 'wholeNumber' } };
  const value = Number(trimmed);
  if (unit === 'days' && value < 1) return { problem: { code: 'days' } };
  if (value < 0) return { problem: { code: 'negative' } };
  return { value };
}

/** A legal parameter moved the looser way: caps up, windows shorter, call hours earlier or later. */
function loosens(parameter: CatalogParameter, value: number): boolean {
  const lowerIsStricter = parameter.tightens === 'lower' || parameter.tightens === 'earlier';
  return lowerIsStricter ? value > parameter.defaultValue : value < parameter.defaultValue;
}

export interface CheckedValues {
  /** Every parameter that parsed, by key. */
  values: Record<string, number>;
  /** The first problem of each field that has one, by key. */
  problems: Record<string, FieldProblem>;
}

export function checkParameterValues(
  parameters: readonly CatalogParameter[],
  texts: Readonly<Record<string, string>>,
): CheckedValues {
  const values: Record<string, number> = {};
  const problems: Record<string, FieldProblem> = {};
  for (const parameter of parameters) {
    const parsed = parseParameterValue(parameter.unit, texts[parameter.key] ?? '');
    if (parsed.problem) {
      problems[parameter.key] = parsed.problem;
      continue;
    }
    values[parameter.key] = parsed.value;
    if (parameter.legal && loosens(parameter, parsed.value)) {
      problems[parameter.key] = {
        code: 'loosened',
        direction: parameter.tightens,
        limit: formatParameterValue(parameter.unit, parameter.defaultValue),
        value: formatParameterValue(parameter.unit, parsed.value),
      };
    }
  }
  // A window's start must come before its end, as the server checks for every `.start`/`.end` pair.
  const byKey = new Map(parameters.map((parameter) => [parameter.key, parameter]));
  for (const start of parameters) {
    if (!start.key.endsWith('.start') || problems[start.key]) continue;
    const end = byKey.get(start.key.replace(/\.start$/, '.end'));
    const from = values[start.key];
    const to = end ? values[end.key] : undefined;
    if (end && from !== undefined && to !== undefined && from >= to) {
      problems[start.key] = {
        code: 'windowOrder',
        other: end.key,
        otherValue: formatParameterValue(end.unit, to),
      };
    }
  }
  return { values, problems };
}

/** What the server stores: only the values that differ from the pack's; the rest follow the pack. */
export function overridesFrom(
  parameters: readonly CatalogParameter[],
  values: Readonly<Record<string, number>>,
): Record<string, number> {
  return Object.fromEntries(
    parameters
      .filter(
        (parameter) =>
          values[parameter.key] !== undefined && values[parameter.key] !== parameter.defaultValue,
      )
      .map((parameter) => [parameter.key, values[parameter.key]!]),
  );
}

export function sameOverrides(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}
