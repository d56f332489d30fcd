import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditListInput } from '../schemas/oversight.ts';
import { shortText } from '../schemas/primitives.ts';
import { updatePortfolioParametersInput } from '../schemas/rules.ts';
import { argumentNames, formatMessage } from './format.ts';
import { ERROR_MESSAGES, type ErrorMessageCode, errorMessage, renderErrorMessage } from './messages.ts';
import { issueMessage } from './zod-issues.ts';

const CODES = Object.keys(ERROR_MESSAGES) as ErrorMessageCode[];
/** Messages made only of their parameters and punctuation: no word to translate. */
const NO_WORDS: readonly ErrorMessageCode[] = ['input.invalidField'];
const HAN = /\p{Script=Han}/u;

describe('the error catalogue', () => {
  it.each(CODES)('%s names the same parameters in English and Chinese', (code) => {
    const { en, zh } = ERROR_MESSAGES[code];
    expect([...argumentNames(zh)].sort()).toEqual([...argumentNames(en)].sort());
  });

  it.each(CODES)('%s is written in Chinese, not left in English', (code) => {
    const { en, zh } = ERROR_MESSAGES[code];
    expect(zh).not.toBe(en);
    if (!NO_WORDS.includes(code)) expect(zh).toMatch(HAN);
    expect(zh).not.toMatch(/\b(the|is|not|a)\b/);
  });

  it.each(CODES)('%s renders every parameter in both languages', (code) => {
    const sample = Object.fromEntries(
      [...argumentNames(ERROR_MESSAGES[code].en)].map((name) => [name, name === 'currency' ? 'CNY' : 2]),
    );
    for (const language of ['en', 'zh'] as const) {
      expect(renderErrorMessage({ code, params: sample }, language)).not.toMatch(/[{}]/);
    }
  });
});

describe('message syntax', () => {
  it('chooses plural forms in English and one form in Chinese', () => {
    const one = errorMessage('auth.tooManySignInsSeconds', { seconds: 1 });
    const two = errorMessage('auth.tooManySignInsSeconds', { seconds: 2 });
    expect(renderErrorMessage(one, 'en')).toBe('Too many failed sign-ins. Try again in 1 second.');
    expect(renderErrorMessage(two, 'en')).toBe('Too many failed sign-ins. Try again in 2 seconds.');
    expect(renderErrorMessage(two, 'zh')).toBe('登录失败次数过多，请 2 秒后重试。');
  });

  it('names enum values and lists of them in the language', () => {
    const roles = errorMessage('auth.roleRequired', { roles: 'supervisor,admin' });
    expect(renderErrorMessage(roles, 'en')).toBe('This needs the role supervisor or admin.');
    expect(renderErrorMessage(roles, 'zh')).toBe('此操作需要主管或管理员角色。');
    const status = errorMessage('complaint.alreadyInStatus', { status: 'investigating' });
    expect(renderErrorMessage(status, 'zh')).toBe('该投诉当前状态已是“调查中”');
  });

  it('formats money from minor units in the currency, per language', () => {
    const above = errorMessage('payment.aboveBalance', {
      amount: 123_450,
      balance: 100_000,
      currency: 'CNY',
    });
    expect(renderErrorMessage(above, 'zh')).toBe('¥1,234.50 超过了本案件的欠款余额 ¥1,000.00');
    expect(renderErrorMessage({ ...above, params: { ...above.params, currency: 'USD' } }, 'en')).toBe(
      '$1,234.50 is more than the $1,000.00 owed on this case',
    );
  });

  it('leaves a missing parameter visible rather than saying something else', () => {
    expect(formatMessage('{ruleId}: {reason}', { ruleId: 'US-1' }, 'en')).toBe('US-1: {reason}');
  });
});

describe('Zod issues as catalogue messages', () => {
  const zh = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) throw new Error('expected a problem');
    return renderErrorMessage(issueMessage(parsed.error.issues[0]!), 'zh');
  };

  it('says each kind of problem in product Chinese', () => {
    expect(zh(z.string().min(1), '')).toBe('此项为必填项');
    expect(zh(z.string().min(10), 'short')).toBe('请至少输入 10 个字符');
    expect(zh(z.string().max(3), 'long text')).toBe('最多输入 3 个字符');
    expect(zh(z.number().positive(), 0)).toBe('必须大于 0');
    expect(zh(z.number().max(100), 101)).toBe('不能大于 100');
    expect(zh(z.number(), 'x')).toBe('请输入数字');
    expect(zh(z.number().int(), 1.5)).toBe('请输入整数');
    expect(zh(z.enum(['a', 'b']), 'c')).toBe('请选择一个有效选项');
    expect(zh(z.string().email(), 'x')).toBe('请输入有效的邮箱地址');
    expect(zh(z.strictObject({}), { userId: 'x' })).toBe('不支持的字段：userId');
    expect(zh(z.array(z.string()).min(1), [])).toBe('请至少选择一项');
  });

  it('reads a refinement of ours by its code, and one without as invalid', () => {
    expect(zh(shortText(20), 'a\u0000b')).toBe('包含不允许使用的字符');
    expect(
      zh(
        z.string().refine(() => false, 'nope'),
        'x',
      ),
    ).toBe('输入无效');
  });

  it("says the audit list's and the parameter editor's own refusals in Chinese", () => {
    const audit = { kind: 'decisions', from: '2026-11-01', to: '2026-11-30' };
    expect(zh(auditListInput, { ...audit, outcome: 'bounced' })).toBe('“bounced”不是合规判定的结果');
    expect(zh(auditListInput, { ...audit, cursor: 'not-a-cursor' })).toBe(
      '翻页位置无效：请使用本列表返回的 nextCursor',
    );
    const overrides = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`p${i}`, i]));
    const portfolio = { portfolioId: '00000000-0000-4000-8000-000000000001', expectedVersion: 1 };
    expect(zh(updatePortfolioParametersInput, { ...portfolio, overrides })).toBe('最多可调整 100 个参数');
  });
});
