import type { Statement } from '@arrears/shared/schemas/casework';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderLetter } from './pdf-layout.ts';
import { type LetterSender, returnAddress, revealsDebtCollection } from './sender.ts';
import { CFPB_WEBSITE, chineseNoticeLayout, validationNoticeLayout } from './validation-notice.ts';

const sender: LetterSender = {
  name: 'Harbor Lane Services LLC',
  nameZh: '港湾巷服务有限公司',
  address: ['PO Box 4410', 'Boston, MA 02101'],
  phone: '1-800-555-0142',
  email: 'disputes@harborlane.example',
};

const statement: Statement = {
  generatedAt: '2026-12-07T09:00:00.000Z',
  creditorName: 'Northwind Card Services',
  portfolioName: 'Northwind cards',
  accountRef: 'NW-0042',
  debtorName: 'Dana Whitfield',
  currency: 'USD',
  dueDate: '2026-06-30',
  placedAt: '2026-08-01T00:00:00.000Z',
  originalPrincipalMinor: 120_000,
  principal: { chargedMinor: 120_000, paidMinor: 10_000, owedMinor: 110_000 },
  interest: { chargedMinor: 4_512, paidMinor: 0, owedMinor: 4_512 },
  fees: { chargedMinor: 2_500, paidMinor: 0, owedMinor: 2_500 },
  payments: [],
  totalChargedMinor: 127_012,
  totalPaidMinor: 10_000,
  balanceMinor: 117_012,
  collection: { status: 'active', stage: 'agent', agency: null },
};

const facts = {
  reference: 'L-7F3A',
  mailedOn: '2026-12-21',
  sender,
  recipient: { name: 'Dana Whitfield', address: ['12 Elm St', 'Springfield, MA 01101'] },
  statement,
};

async function textOf(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('the validation notice (Model Form B-1)', () => {
  it('carries every item of the model form, the ledger amounts and the end of the validation period', async () => {
    const { bytes, pages } = await renderLetter(validationNoticeLayout(facts), { createdAt: new Date() });
    const text = await textOf(bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (const item of [
      'Harbor Lane Services LLC is a debt collector', // the collector's name
      'PO Box 4410', // its mailing address
      'Dana Whitfield', // the consumer's name
      '12 Elm St', // and address
      'You had an account from Northwind Card Services with account number NW-0042', // creditor on itemization date
      'Current creditor: Northwind Card Services',
      'As of June 30, 2026, you owed: $1,200.00', // itemization date and amount
      'You were charged this amount in interest: + $45.12',
      'You were charged this amount in fees: + $25.00',
      'You paid or were credited this amount toward the debt: - $100.00',
      'Total amount of the debt now: $1,170.12', // the ledger's balance
      // mailed Monday 21 December 2026: Christmas Friday is not counted, received 29 December, ends 28 January
      'Call or write to us by January 28, 2027, to dispute all or part of the debt',
      'name and address of the original creditor',
      CFPB_WEBSITE,
      'Detach and return this part', // the tear-off response form
      'How do you want to respond?',
      'I want to dispute the debt because I think',
      'This is not my debt.',
      'The amount is wrong.',
      'I want you to send me the name and address of the original creditor.',
      'I enclosed this amount',
    ]) {
      expect(text).toContain(item);
    }
  });

  it('keeps a Latin-only letter in the standard fonts (small)', async () => {
    const { bytes } = await renderLetter(validationNoticeLayout(facts), { createdAt: new Date() });
    expect(bytes.length).toBeLessThan(20_000);
  });
});

describe('the Chinese debt notice (债务告知函)', () => {
  it('is written in Chinese with the ledger amounts and how to object, with a subset CJK font', async () => {
    const cny: Statement = { ...statement, currency: 'CNY', creditorName: '汇融消费金融有限公司' };
    const layout = chineseNoticeLayout({
      ...facts,
      statement: cny,
      recipient: { name: '王秀英', address: ['上海市浦东新区世纪大道100号'] },
    });
    const { bytes } = await renderLetter(layout, { createdAt: new Date() });
    const text = await textOf(bytes);
    for (const item of [
      '债务告知函',
      '王秀英',
      '港湾巷服务有限公司',
      '汇融消费金融有限公司',
      '1,170.12元',
      '如何联系我们或提出异议',
      '三十日内',
    ]) {
      expect(text).toContain(item);
    }
    expect(text).not.toContain('debt collector');
    // Only the glyphs used are embedded: far below the font file's 1.5 MB.
    expect(bytes.length).toBeLessThan(200_000);
  });
});

describe('the envelope', () => {
  it('shows a neutral business name and the address, nothing that reveals debt collection', () => {
    const lines = returnAddress(sender);
    expect(lines).toEqual(['Harbor Lane Services LLC', 'PO Box 4410', 'Boston, MA 02101']);
    expect(lines.some(revealsDebtCollection)).toBe(false);
  });

  it('leaves out a business name that says collection, keeping only the address', () => {
    for (const name of ['Acme Debt Collection Inc', 'Recovery Partners LLC', '华信催收有限公司']) {
      const lines = returnAddress({ ...sender, name });
      expect(lines).toEqual(['PO Box 4410', 'Boston, MA 02101']);
    }
  });

  it('puts only the return address and the recipient above the letter body in the window area', () => {
    const layout = validationNoticeLayout(facts);
    for (const line of [...layout.returnAddress, ...layout.recipient]) {
      expect(revealsDebtCollection(line)).toBe(false);
    }
  });
});
