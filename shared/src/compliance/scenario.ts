import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { evaluate, type Verdict } from './engine.ts';
import { type ComplianceFacts, type Scenario, type ScenarioExpectation, scenarioSchema } from './facts.ts';
import { parseInstant } from './instant.ts';

/** Loads, validates and runs scenario files (compliance/SCENARIOS.md) for the CLI and the test suite. */

/** A file that cannot be run; each problem names the file, the scenario and the field at fault. */
export class ScenarioFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(problems.join('\n'));
    this.name = 'ScenarioFileError';
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function describeIssues(where: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    const at = fieldPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${where}: ${at ? `${at}.` : ''}${key}: unknown field`);
    }
    return [`${where}: ${at || '(scenario)'}: ${issue.message}`];
  });
}

/** Parses one file's text: a single scenario, or `{ "scenarios": [...] }`. Throws ScenarioFileError. */
export function parseScenarioFile(file: string, text: string): Scenario[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ScenarioFileError(file, [`${file}: invalid JSON: ${(error as Error).message}`]);
  }
  const isCollection = typeof raw === 'object' && raw !== null && 'scenarios' in raw;
  const entries = isCollection ? (raw as { scenarios: unknown }).scenarios : [raw];
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new ScenarioFileError(file, [`${file}: scenarios: expected a non-empty array of scenarios`]);
  }
  const problems: string[] = [];
  if (isCollection) {
    const extra = Object.keys(raw as object).filter((key) => key !== 'scenarios');
    problems.push(...extra.map((key) => `${file}: ${key}: unknown field`));
  }
  const scenarios: Scenario[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const rawId = (entry as { id?: unknown } | null)?.id;
    const where = `${file}#${typeof rawId === 'string' && rawId !== '' ? rawId : `scenarios[${index}]`}`;
    const result = scenarioSchema.safeParse(entry);
    if (!result.success) {
      problems.push(...describeIssues(where, result.error.issues));
      return;
    }
    if (seen.has(result.data.id)) problems.push(`${where}: id: duplicate scenario id in this file`);
    seen.add(result.data.id);
    scenarios.push(result.data);
  });
  if (problems.length > 0) throw new ScenarioFileError(file, problems);
  return scenarios;
}

export function loadScenarioFile(file: string): Scenario[] {
  return parseScenarioFile(file, readFileSync(file, 'utf8'));
}

/** A file, or every `.json` file under a folder, sorted. Throws ScenarioFileError when the path is missing. */
export function scenarioFilesAt(path: string): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new ScenarioFileError(path, [`${path}: no such file or folder`]);
  }
  if (!isFolder) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(path, name));
}

export function scenarioFacts(scenario: Scenario): ComplianceFacts {
  const { id: _id, description: _description, expect: _expect, ...facts } = scenario;
  return facts;
}

export interface ScenarioResult {
  readonly file: string;
  readonly id: string;
  readonly verdict: Verdict;
  readonly mismatches: readonly string[];
}

const sortedIds = (ids: readonly string[]) => [...new Set(ids)].sort().join(',');

/** Runs one scenario; violations and warnings compare as exact sets, nextAllowedAt as instants. */
export function runScenario(file: string, scenario: Scenario): ScenarioResult {
  const verdict = evaluate(scenarioFacts(scenario));
  const expect = scenario.expect;
  const mismatches: string[] = [];
  if (verdict.allowed !== expect.allowed) mismatches.push('allowed');
  if (sortedIds(verdict.violations.map((v) => v.ruleId)) !== sortedIds(expect.violations))
    mismatches.push('violations');
  if (
    expect.warnings !== undefined &&
    sortedIds(verdict.warnings.map((w) => w.ruleId)) !== sortedIds(expect.warnings)
  ) {
    mismatches.push('warnings');
  }
  if (expect.nextAllowedAt !== undefined) {
    const expected = expect.nextAllowedAt === null ? null : parseInstant(expect.nextAllowedAt);
    const actual = verdict.nextAllowedAt === null ? null : parseInstant(verdict.nextAllowedAt);
    if (expected !== actual) mismatches.push('nextAllowedAt');
  }
  return { file, id: scenario.id, verdict, mismatches };
}

export function describeVerdict(verdict: Verdict): string {
  const ids = (hits: Verdict['violations']) => hits.map((hit) => hit.ruleId).join(',');
  return `allowed=${verdict.allowed} violations=[${ids(verdict.violations)}] warnings=[${ids(verdict.warnings)}] nextAllowedAt=${verdict.nextAllowedAt ?? 'null'}`;
}

export function describeExpectation(expect: ScenarioExpectation): string {
  const parts = [`allowed=${expect.allowed}`, `violations=[${expect.violations.join(',')}]`];
  if (expect.warnings !== undefined) parts.push(`warnings=[${expect.warnings.join(',')}]`);
  if (expect.nextAllowedAt !== undefined) parts.push(`nextAllowedAt=${expect.nextAllowedAt ?? 'null'}`);
  return parts.join(' ');
}
