import { describe, expect, it } from 'vitest';
import { renderTemplate } from './scheduler.ts';

const facts = (currency: string) => ({
  caseRow: { balanceMinor: 123_450, currency, dueDate: '2026-12-01', accountRef: 'HR-00000042' },
  debtor: { fullName: '王秀英' },
});

describe('renderTemplate', () => {
  it('writes the amount and due date of a Chinese template as Chinese prose does', () => {
    const body =
      '【汇融消费金融】{{name}}您好，您的账户{{accountRef}}待还金额{{amount}}，还款日为{{dueDate}}。回TD退订';
    expect(renderTemplate({ body, language: 'zh' }, facts('CNY'))).toBe(
      '【汇融消费金融】王秀英您好，您的账户HR-00000042待还金额1,234.50元，还款日为2026年12月1日。回TD退订',
    );
  });

  it('writes an English template’s amount and date as it always did', () => {
    const body = '{{amount}} on account {{accountRef}} is due {{dueDate}}.';
    expect(renderTemplate({ body, language: 'en' }, facts('USD'))).toBe(
      '$1,234.50 on account HR-00000042 is due 2026-12-01.',
    );
  });
});
