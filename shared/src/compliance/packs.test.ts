import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMETERS,
  InvalidParameterError,
  type JurisdictionPack,
  PACKS,
  ParameterLoosenedError,
  packsFor,
  resolveParameters,
  validateParameterOverrides,
} from './packs.ts';

const US = packsFor({ country: 'US' });
const MA = packsFor({ country: 'US', region: 'MA' });

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('packsFor', () => {
  it('adds the state pack for Massachusetts and Washington, China for CN, and policy everywhere', () => {
    expect(MA.map((p) => p.id)).toEqual(['US', 'US-MA', 'POLICY']);
    expect(packsFor({ country: 'US', region: 'WA' }).map((p) => p.id)).toEqual(['US', 'US-WA', 'POLICY']);
    expect(packsFor({ country: 'US', region: 'TX' }).map((p) => p.id)).toEqual(['US', 'POLICY']);
    expect(packsFor({ country: 'CN' }).map((p) => p.id)).toEqual(['CN', 'POLICY']);
    expect(packsFor({ country: 'GB' }).map((p) => p.id)).toEqual(['POLICY']);
  });
});

describe('resolveParameters', () => {
  it('returns the legal defaults without overrides', () => {
    expect(resolveParameters(US)).toEqual(DEFAULT_PARAMETERS);
    expect(DEFAULT_PARAMETERS['US-REGF-7IN7.maxCalls']).toBe(7);
    expect(DEFAULT_PARAMETERS['CN-CBA-HOURS.end']).toBe(22 * 60);
  });

  it('lets a portfolio tighten caps and narrow the call window', () => {
    const params = resolveParameters(MA, {
      'US-REGF-7IN7.maxCalls': 5,
      'US-REGF-TIME.start': 9 * 60,
      'US-REGF-TIME.end': 20 * 60,
      'US-MA-FREQ.otherDays': 45,
    });
    expect(params['US-REGF-7IN7.maxCalls']).toBe(5);
    expect(params['US-REGF-TIME.start']).toBe(540);
    expect(params['US-REGF-TIME.end']).toBe(1200);
    expect(params['US-MA-FREQ.otherDays']).toBe(45);
  });

  it('refuses to raise a legal cap, naming the parameter, the floor and the attempt', () => {
    const error = thrown(() => resolveParameters(US, { 'US-REGF-7IN7.maxCalls': 9 }));
    expect(error).toBeInstanceOf(ParameterLoosenedError);
    expect(error).toMatchObject({
      parameter: 'US-REGF-7IN7.maxCalls',
      legalFloor: 7,
      attempted: 9,
      code: 'PARAMETER_LOOSENED',
    });
    expect((error as Error).message).toContain('may only be lowered');
  });

  it('refuses to start calling earlier or stop later than the law allows', () => {
    expect(() => resolveParameters(US, { 'US-REGF-TIME.start': 7 * 60 })).toThrow(ParameterLoosenedError);
    expect(() => resolveParameters(US, { 'US-REGF-TIME.end': 22 * 60 })).toThrow(ParameterLoosenedError);
    expect(() => resolveParameters(MA, { 'US-MA-FREQ.personalDays': 6 })).toThrow(/may only be raised/);
  });

  it('rejects parameters of packs the portfolio does not use, and nonsense values', () => {
    expect(() => resolveParameters(US, { 'CN-CBA-DIALS.max': 3 })).toThrow(InvalidParameterError);
    expect(() => resolveParameters(US, { 'US-REGF-7IN7.maxCalls': 2.5 })).toThrow(/whole number/);
    expect(() =>
      resolveParameters(US, { 'US-REGF-TIME.start': 20 * 60, 'US-REGF-TIME.end': 19 * 60 }),
    ).toThrow(/must be before/);
  });

  it('lets agency policy move either way', () => {
    const policy: JurisdictionPack = {
      ...PACKS.POLICY,
      parameters: [
        {
          name: 'POL-HOLD.days',
          ruleId: 'POL-HOLD',
          defaultValue: 10,
          direction: 'max',
          unit: 'days',
          legal: false,
          description: { en: 'test-only policy parameter', zh: '仅供测试的政策参数' },
        },
      ],
    };
    expect(validateParameterOverrides([policy], { 'POL-HOLD.days': 30 })).toEqual([]);
  });
});

describe('validateParameterOverrides', () => {
  it('lists every problem at once for the admin screen', () => {
    const problems = validateParameterOverrides(US, {
      'US-REGF-7IN7.maxCalls': 8,
      'US-REGF-POSTCONV.days': 3,
      'US-REGF-TYPO.max': 1,
      'US-REGF-7IN7.days': -1,
    });
    expect(problems.map((p) => [p.parameter, p.code])).toEqual([
      ['US-REGF-7IN7.maxCalls', 'loosened'],
      ['US-REGF-POSTCONV.days', 'loosened'],
      ['US-REGF-TYPO.max', 'unknown'],
      ['US-REGF-7IN7.days', 'invalid'],
    ]);
  });

  it('marks parameters of US and CN rules as legal floors and policy ones as tunable', () => {
    for (const pack of Object.values(PACKS)) {
      for (const parameter of pack.parameters) {
        expect(parameter.legal).toBe(!parameter.ruleId.startsWith('POL-'));
        expect(pack.ruleIds as readonly string[]).toContain(parameter.ruleId);
      }
    }
  });
});
