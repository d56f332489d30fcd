import { packsFor, RULE_IDS, validateParameterOverrides } from '@arrears/shared/compliance/packs';
import { describe, expect, it } from 'vitest';
import { CATALOG_PACKS, explainProblem } from './rules.catalog.ts';

const US = packsFor({ country: 'US', region: 'NY' });

function explain(overrides: Record<string, number>): string[] {
  return validateParameterOverrides(US, overrides).map((problem) =>
    explainProblem(US, problem, overrides[problem.parameter]),
  );
}

describe('rule catalog', () => {
  it('lists every rule of the catalog once, with its source and a description in both languages', () => {
    const rules = CATALOG_PACKS.flatMap((pack) => pack.rules);
    expect(rules.map((rule) => rule.id).sort()).toEqual([...RULE_IDS].sort());
    for (const rule of rules) {
      for (const text of [rule.source, rule.description]) {
        expect(text.en, rule.id).not.toBe('');
        expect(text.zh, rule.id).not.toBe('');
      }
    }
  });

  it('carries pack names and parameter labels in both languages, English labels capitalised', () => {
    const cn = CATALOG_PACKS.find((pack) => pack.id === 'CN')!;
    expect(cn.name.zh).toContain('中国互联网金融协会');
    expect(cn.parameters.find((p) => p.key === 'CN-CBA-HOURS.end')?.label).toEqual({
      en: 'Local time collection must end by',
      zh: '当地时间催收截止时间',
    });
  });

  it('says which way each parameter tightens: caps lower, windows longer, call hours later or earlier', () => {
    const parameters = new Map(CATALOG_PACKS.flatMap((pack) => pack.parameters).map((p) => [p.key, p]));
    expect(parameters.get('US-REGF-7IN7.maxCalls')).toMatchObject({
      tightens: 'lower',
      defaultValue: 7,
      legal: true,
    });
    expect(parameters.get('US-REGF-7IN7.days')?.tightens).toBe('higher');
    expect(parameters.get('US-REGF-TIME.start')?.tightens).toBe('later');
    expect(parameters.get('CN-CBA-HOURS.end')?.tightens).toBe('earlier');
  });

  it('marks the agency policy pack as policy and the others as law', () => {
    expect(CATALOG_PACKS.map((pack) => [pack.id, pack.kind])).toEqual([
      ['US', 'legal'],
      ['US-MA', 'legal'],
      ['US-WA', 'legal'],
      ['CN', 'legal'],
      ['POLICY', 'policy'],
    ]);
  });
});

describe('explainProblem', () => {
  it('names the parameter, the allowed direction, the legal limit and the value asked', () => {
    expect(explain({ 'US-REGF-7IN7.maxCalls': 8 })).toEqual([
      'US-REGF-7IN7.maxCalls may only be lowered: the legal limit is 7, 8 was asked',
    ]);
    expect(explain({ 'US-REGF-7IN7.days': 5 })).toEqual([
      'US-REGF-7IN7.days may only be raised: the legal limit is 7, 5 was asked',
    ]);
  });

  it('shows times of day as HH:MM', () => {
    expect(explain({ 'US-REGF-TIME.start': 450 })).toEqual([
      'US-REGF-TIME.start may only be made later: the legal limit is 08:00, 07:30 was asked',
    ]);
    expect(explain({ 'US-REGF-TIME.end': 1290 })).toEqual([
      'US-REGF-TIME.end may only be made earlier: the legal limit is 21:00, 21:30 was asked',
    ]);
  });

  it('names the packs when a parameter belongs to none of them', () => {
    expect(explain({ 'CN-CBA-DIALS.max': 3 })).toEqual([
      "CN-CBA-DIALS.max is not a parameter of this portfolio's rule packs (US, POLICY)",
    ]);
  });
});
