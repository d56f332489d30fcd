import {
  type JurisdictionPack,
  type ParameterOverrides,
  type ParameterProblem,
  packsFor,
  RULESET_VERSION,
  validateParameterOverrides,
} from '@arrears/shared/compliance/packs';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { PortfolioRules } from '@arrears/shared/schemas/rules';
import type { Database, Executor } from '../../db/client.ts';
import { AppError, englishOf, type FieldMessages } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { explainProblem } from './rules.catalog.ts';
import {
  listPortfolioParameterRows,
  lockPortfolioParameters,
  type PortfolioParametersRow,
  writePortfolioParameters,
} from './rules.queries.ts';

function packsOf(row: PortfolioParametersRow): readonly JurisdictionPack[] {
  return packsFor({ country: row.jurisdictionCountry, region: row.jurisdictionRegion });
}

function explainAll(
  packs: readonly JurisdictionPack[],
  problems: readonly ParameterProblem[],
  overrides: ParameterOverrides,
): ParameterProblem[] {
  return problems.map((problem) => ({
    ...problem,
    message: explainProblem(packs, problem, overrides[problem.parameter]),
  }));
}

/**
 * The value each parameter of the portfolio's packs takes: its override, else the pack's — what
 * resolveParameters hands the engine for overrides that pass validation.
 */
function effectiveValues(
  packs: readonly JurisdictionPack[],
  overrides: ParameterOverrides,
): Record<string, number> {
  return Object.fromEntries(
    packs.flatMap((pack) => pack.parameters).map((p) => [p.name, overrides[p.name] ?? p.defaultValue]),
  );
}

export function toPortfolioRules(row: PortfolioParametersRow): PortfolioRules {
  const packs = packsOf(row);
  const overrides = row.ruleParameters;
  const problems = explainAll(packs, validateParameterOverrides(packs, overrides), overrides);
  return {
    id: row.id,
    name: row.name,
    creditorName: row.creditorName,
    jurisdiction: { country: row.jurisdictionCountry, region: row.jurisdictionRegion },
    currency: row.currency,
    packIds: packs.map((pack) => pack.id),
    overrides,
    effective: effectiveValues(packs, overrides),
    ruleParametersVersion: row.ruleParametersVersion,
    decisionStamp: `${RULESET_VERSION}+p${row.ruleParametersVersion}`,
    problems,
  };
}

export async function listPortfolioRules(db: Executor): Promise<PortfolioRules[]> {
  return (await listPortfolioParameterRows(db)).map(toPortfolioRules);
}

export interface UpdatePortfolioParametersOptions {
  actorId: string;
  ip: string | null;
  portfolioId: string;
  expectedVersion: number;
  overrides: ParameterOverrides;
}

/**
 * Replaces a portfolio's overrides after checking that each one names a parameter of its packs and only
 * tightens a legal limit. In one transaction: the row is locked, the version compared, the overrides written,
 * the version bumped and an audit event with the old and new values recorded. Saving the same overrides
 * again changes nothing and keeps the version.
 */
export async function updatePortfolioParameters(
  db: Database,
  options: UpdatePortfolioParametersOptions,
): Promise<PortfolioRules> {
  return db.transaction(async (tx) => {
    const row = await lockPortfolioParameters(tx, options.portfolioId);
    if (!row) throw new AppError('NOT_FOUND', errorMessage('portfolio.notFound'));
    if (row.ruleParametersVersion !== options.expectedVersion)
      throw staleVersion(row, options.expectedVersion);

    const packs = packsOf(row);
    const problems = validateParameterOverrides(packs, options.overrides);
    if (problems.length > 0) throw parametersRefused(explainAll(packs, problems, options.overrides));

    const before = row.ruleParameters;
    const after = withoutPackValues(packs, options.overrides);
    const changed = changedParameters(before, after);
    if (changed.length === 0) return toPortfolioRules(row);

    const version = await writePortfolioParameters(tx, row.id, options.expectedVersion, after);
    if (version === undefined) throw staleVersion(row, options.expectedVersion);
    const beforeValues = effectiveValues(packs, before);
    const afterValues = effectiveValues(packs, after);
    await recordAudit(tx, {
      actorId: options.actorId,
      action: 'portfolio.rule_parameters.update',
      entityType: 'portfolio',
      entityId: row.id,
      before: {
        ruleParametersVersion: row.ruleParametersVersion,
        overrides: before,
        values: Object.fromEntries(changed.map((key) => [key, beforeValues[key] ?? null])),
      },
      after: {
        ruleParametersVersion: version,
        overrides: after,
        values: Object.fromEntries(changed.map((key) => [key, afterValues[key] ?? null])),
        rulesetVersion: RULESET_VERSION,
      },
      ip: options.ip,
    });
    return toPortfolioRules({ ...row, ruleParameters: after, ruleParametersVersion: version });
  });
}

/**
 * An override equal to the pack's value changes nothing today, and would silently become a loosening if a
 * future rule set tightened the pack; it is dropped so the portfolio follows the pack.
 */
function withoutPackValues(
  packs: readonly JurisdictionPack[],
  overrides: ParameterOverrides,
): Record<string, number> {
  const packValues = new Map(packs.flatMap((pack) => pack.parameters.map((p) => [p.name, p.defaultValue])));
  return Object.fromEntries(
    Object.entries(overrides).filter(([key, value]) => packValues.get(key) !== value),
  );
}

function changedParameters(before: ParameterOverrides, after: ParameterOverrides): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => before[key] !== after[key]).sort();
}

function staleVersion(row: PortfolioParametersRow, expectedVersion: number): AppError {
  return new AppError(
    'STALE_VERSION',
    errorMessage('rules.staleVersion', {
      portfolio: row.name,
      current: row.ruleParametersVersion,
      expected: expectedVersion,
    }),
    { currentVersion: row.ruleParametersVersion },
  );
}

function parametersRefused(problems: readonly ParameterProblem[]): AppError {
  const fieldMessages: FieldMessages = {};
  for (const problem of problems) {
    const field = `overrides.${problem.parameter}`;
    const message = errorMessage('rules.parameterProblem', { problem: problem.message });
    fieldMessages[field] = [...(fieldMessages[field] ?? []), message];
  }
  const all = problems.map((problem) => problem.message).join('; ');
  return new AppError(
    'INVALID_INPUT',
    errorMessage('rules.parametersRefused', { problems: all }),
    { fieldErrors: englishOf(fieldMessages), problems },
    fieldMessages,
  );
}
