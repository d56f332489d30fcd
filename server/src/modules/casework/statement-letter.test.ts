import type { Statement } from '@arrears/shared/schemas/casework';
import { describe, expect, it } from 'vitest';
import { statementText } from './statement-letter.ts';

const statement: Statement = {
  generatedAt: '2026-11-20T09:00:00.000Z',
  creditorName: '汇融消费金融有限公司',
  portfolioName: '汇融消费贷（全国）',
  accountRef: 'HR-00012345',
  debtorName: '王秀英',
  currency: 'CNY',
  dueDate: '2026-06-30',
  placedAt: '2026-08-01T00:00:00.000Z',
  originalPrincipalMinor: 1_200_000,
  principal: { chargedMinor: 1_000_000, paidMinor: 20_000, owedMinor: 980_000 },
  interest: { chargedMinor: 50_000, paidMinor: 5_000, owedMinor: 45_000 },
  fees: { chargedMinor: 2_500, paidMinor: 2_500, owedMinor: 0 },
  payments: [
    {
      id: '1',
      receivedAt: '2026-10-05T12:00:00.000Z',
      amountMinor: 27_500,
      currency: 'CNY',
      method: 'bank_transfer',
      allocation: { feesMinor: 2_500, interestMinor: 5_000, principalMinor: 20_000 },
      reversesId: null,
    },
  ],
  totalChargedMinor: 1_052_500,
  totalPaidMinor: 27_500,
  balanceMinor: 1_025_000,
  collection: { status: 'active', stage: 'agent', agency: null },
};

describe('statementText', () => {
  it('writes a CN debtor’s statement in Chinese alone, naming who collects for whom', () => {
    const text = statementText(statement, 'letter', ['zh']);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '欠款明细',
      '账户：HR-00012345（汇融消费金融有限公司）',
      '致：王秀英',
      '出具日期：2026年11月20日',
    ]);
    expect(text).toContain('尚欠余额：¥10,250.00');
    expect(text).toContain('　　2026年10月5日　¥275.00（费用¥25.00，利息¥50.00，本金¥200.00）');
    expect(text).toContain('本函由受汇融消费金融有限公司委托的债务催收方出具');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('adds the TD opt-out to a Chinese email', () => {
    expect(statementText(statement, 'email', ['zh'])).toMatch(/请回复“TD”退订。$/);
  });

  it('puts the Chinese translation after the English text, with the disclosure translated', () => {
    const text = statementText({ ...statement, currency: 'USD' }, 'letter', ['en', 'zh']);
    const [english, chinese] = text.split(/\n-{48}\n/);
    expect(english).toContain('Balance owed: $10,250.00');
    expect(english).toContain('This is an attempt to collect a debt');
    expect(chinese).toContain('以下为上文的中文译本。');
    expect(chinese).toContain('这是催收债务的行为');
  });

  it('writes English alone by default, as it always did', () => {
    const text = statementText({ ...statement, currency: 'USD' }, 'letter');
    expect(text).toMatch(/^Statement of your account HR-00012345/);
    expect(text).not.toContain('欠款明细');
  });
});
