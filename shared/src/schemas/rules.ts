import { z } from 'zod';
import { ACTION_KINDS } from '../domain/enums.ts';
import type { Localized } from '../domain/language.ts';
import { errorMessage } from '../errors/messages.ts';
import { refineMessage } from '../errors/zod-issues.ts';
import { id, shortText } from './primitives.ts';

/** Contracts of rule administration: the pack catalog, each portfolio's parameters, and tightening them. */

export const PACK_IDS = ['US', 'US-MA', 'US-WA', 'CN', 'POLICY'] as const;
export const PARAMETER_UNITS = ['minute_of_day', 'count', 'days', 'minutes', 'minor_units'] as const;
export type ParameterUnit = (typeof PARAMETER_UNITS)[number];
/** Which way a parameter gets stricter: caps go lower, windows longer, call hours start later or end earlier. */
export const TIGHTENING_DIRECTIONS = ['lower', 'higher', 'earlier', 'later'] as const;
export type TighteningDirection = (typeof TIGHTENING_DIRECTIONS)[number];
export const RULE_EFFECTS = ['block', 'warn', 'require'] as const;

/** Catalog text in every language (declared so in the rule objects); the dashboard shows the reader's. */
const localizedText = z.object({ en: z.string(), zh: z.string() }) satisfies z.ZodType<Localized>;

export const catalogParameter = z.object({
  /** The override key, e.g. `US-REGF-7IN7.maxCalls`. */
  key: z.string(),
  ruleId: z.string(),
  label: localizedText,
  unit: z.enum(PARAMETER_UNITS),
  /** The pack's value; for a legal parameter it is the legal limit a portfolio may only tighten. */
  defaultValue: z.number(),
  /** True for parameters of a rule of law (US-*, CN-*); agency policy may move either way. */
  legal: z.boolean(),
  tightens: z.enum(TIGHTENING_DIRECTIONS),
});
export type CatalogParameter = z.infer<typeof catalogParameter>;

export const catalogRule = z.object({
  id: z.string(),
  effect: z.enum(RULE_EFFECTS),
  source: localizedText,
  appliesTo: z.array(z.enum(ACTION_KINDS)),
  description: localizedText,
});
export type CatalogRule = z.infer<typeof catalogRule>;

export const catalogPack = z.object({
  id: z.enum(PACK_IDS),
  name: localizedText,
  kind: z.enum(['legal', 'policy']),
  rules: z.array(catalogRule),
  parameters: z.array(catalogParameter),
});
export type CatalogPack = z.infer<typeof catalogPack>;

export const rulesCatalogOutput = z.object({
  rulesetVersion: z.string(),
  packs: z.array(catalogPack),
});
export type RulesCatalog = z.infer<typeof rulesCatalogOutput>;

/** Overrides keyed by parameter key; a key that is absent uses the pack's value. */
const parameterValues = z.record(z.string(), z.number());

export const parameterProblem = z.object({
  parameter: z.string(),
  code: z.enum(['unknown', 'invalid', 'loosened']),
  message: z.string(),
});
export type ParameterProblemRow = z.infer<typeof parameterProblem>;

export const portfolioRules = z.object({
  id: z.string().uuid(),
  name: z.string(),
  creditorName: z.string(),
  jurisdiction: z.object({ country: z.string(), region: z.string().nullable() }),
  currency: z.string(),
  packIds: z.array(z.enum(PACK_IDS)),
  overrides: parameterValues,
  /** The value each parameter of the portfolio's packs takes: its override, else the pack's value. */
  effective: parameterValues,
  ruleParametersVersion: z.number().int(),
  /** What compliance decisions on this portfolio are stamped with: `<ruleset>+p<parameter version>`. */
  decisionStamp: z.string(),
  /** Stored overrides the current rule set would refuse (e.g. after a pack changed); empty normally. */
  problems: z.array(parameterProblem),
});
export type PortfolioRules = z.infer<typeof portfolioRules>;

export const rulesPortfoliosOutput = z.object({
  rulesetVersion: z.string(),
  portfolios: z.array(portfolioRules),
});

/** How many parameters one portfolio may override at once. */
const MAX_OVERRIDES = 100;

export const updatePortfolioParametersInput = z.object({
  portfolioId: id('portfolioId'),
  /** The `ruleParametersVersion` the form was loaded at; a different current version is a CONFLICT. */
  expectedVersion: z.number().int().min(1),
  /** The complete set of overrides after the change: a key left out goes back to the pack's value. */
  overrides: z
    .record(shortText(100).min(1), z.number())
    .refine(
      (overrides) => Object.keys(overrides).length <= MAX_OVERRIDES,
      refineMessage(errorMessage('rules.tooManyParameters', { max: MAX_OVERRIDES })),
    ),
});
export type UpdatePortfolioParametersInput = z.infer<typeof updatePortfolioParametersInput>;
