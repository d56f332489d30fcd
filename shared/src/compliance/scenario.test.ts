import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFacts } from './build-facts.ts';
import { parseScenarioFile, runScenario, ScenarioFileError, scenarioFilesAt } from './scenario.ts';

const scenario = (overrides: Record<string, unknown> = {}) => ({
  id: 's1',
  ...buildFacts(),
  expect: { allowed: true, violations: [] },
  ...overrides,
});

function problemsOf(text: string): readonly string[] {
  try {
    parseScenarioFile('cases.json', text);
  } catch (error) {
    if (error instanceof ScenarioFileError) return error.problems;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('parseScenarioFile', () => {
  it('names the file, the scenario and the misspelled field', () => {
    const { debtor, ...rest } = scenario();
    const typo = { ...rest, debtor: { jurisdiction: debtor.jurisdiction, timeZnes: ['America/New_York'] } };
    expect(problemsOf(JSON.stringify({ scenarios: [typo] }))).toEqual([
      'cases.json#s1: debtor.timeZnes: unknown field',
    ]);
  });

  it('points into arrays and at unknown keys of the file itself', () => {
    const history = [
      { at: '2026-06-09T14:00:00Z', kind: 'call', direction: 'outbound', debtIds: ['D1'], outcom: 'busy' },
    ];
    const problems = problemsOf(JSON.stringify({ scenarios: [scenario({ history })], comment: 'x' }));
    expect(problems).toEqual([
      'cases.json: comment: unknown field',
      'cases.json#s1: history[0].outcom: unknown field',
    ]);
  });

  it('rejects an expectation that contradicts itself, an unknown rule id and a dangling contact point', () => {
    expect(
      problemsOf(JSON.stringify(scenario({ expect: { allowed: true, violations: ['US-REGF-TIME'] } }))),
    ).toEqual(['cases.json#s1: expect.allowed: allowed must be true exactly when violations is empty']);
    expect(
      problemsOf(JSON.stringify(scenario({ expect: { allowed: false, violations: ['US-REGF-TIMEX'] } }))),
    ).toEqual(['cases.json#s1: expect.violations[0]: unknown rule id "US-REGF-TIMEX"']);
    expect(problemsOf(JSON.stringify(scenario({ action: { kind: 'call', contactPointId: 'm9' } })))).toEqual([
      'cases.json#s1: action.contactPointId: no contact point with id "m9"',
    ]);
  });

  it('refuses a death date without deceased and a hold start without an end', () => {
    const base = scenario();
    const dated = {
      ...base,
      debtor: { ...base.debtor, deceasedAt: '2026-06-01T00:00:00Z' },
      debt: { ...base.debt, holdFrom: '2026-06-01T00:00:00Z' },
    };
    expect(problemsOf(JSON.stringify(dated))).toEqual([
      'cases.json#s1: debtor.deceasedAt: deceasedAt needs deceased: true',
      'cases.json#s1: debt.holdFrom: holdFrom needs holdUntil (a hold ends)',
    ]);
  });

  it('refuses duplicate ids, empty collections and broken JSON', () => {
    expect(problemsOf(JSON.stringify({ scenarios: [scenario(), scenario()] }))).toEqual([
      'cases.json#s1: id: duplicate scenario id in this file',
    ]);
    expect(problemsOf('{"scenarios": []}')).toEqual([
      'cases.json: scenarios: expected a non-empty array of scenarios',
    ]);
    expect(problemsOf('{"scenarios": [')[0]).toMatch(/^cases\.json: invalid JSON/);
  });

  it('accepts a file holding one scenario', () => {
    expect(parseScenarioFile('one.json', JSON.stringify(scenario())).map((s) => s.id)).toEqual(['s1']);
  });
});

describe('runScenario', () => {
  it('passes when violations match as a set and nextAllowedAt as an instant', () => {
    const [parsed] = parseScenarioFile(
      'x.json',
      JSON.stringify(
        scenario({
          now: '2026-06-11T01:30:00Z',
          debt: { id: 'D1', status: 'active', holdUntil: '2026-06-12T00:00:00Z' },
          expect: { allowed: false, violations: ['POL-HOLD', 'US-REGF-TIME'], nextAllowedAt: null },
        }),
      ),
    );
    expect(runScenario('x.json', parsed!).mismatches).toEqual([]);
  });

  it('compares nextAllowedAt as instants, not strings, and reports what differs', () => {
    const late = { now: '2026-06-11T01:30:00Z' };
    const [same] = parseScenarioFile(
      'x.json',
      JSON.stringify(
        scenario({
          ...late,
          expect: {
            allowed: false,
            violations: ['US-REGF-TIME'],
            nextAllowedAt: '2026-06-11T08:00:00-04:00',
          },
        }),
      ),
    );
    expect(runScenario('x.json', same!).mismatches).toEqual([]);
    const [wrong] = parseScenarioFile(
      'x.json',
      JSON.stringify(
        scenario({
          ...late,
          expect: { allowed: true, violations: [], warnings: ['US-REGF-PATTERN'], nextAllowedAt: null },
        }),
      ),
    );
    expect(runScenario('x.json', wrong!).mismatches).toEqual([
      'allowed',
      'violations',
      'warnings',
      'nextAllowedAt',
    ]);
  });
});

describe('scenarioFilesAt', () => {
  it('lists the .json files of a folder in order and refuses a missing path', () => {
    const folder = mkdtempSync(join(tmpdir(), 'scenarios-'));
    for (const name of ['b.json', 'a.json', 'notes.txt']) writeFileSync(join(folder, name), '{}');
    expect(scenarioFilesAt(folder)).toEqual([join(folder, 'a.json'), join(folder, 'b.json')]);
    expect(() => scenarioFilesAt(join(folder, 'missing'))).toThrow(ScenarioFileError);
  });
});
