import type { LocalDate } from '@arrears/shared/domain/calendar';
import { chineseAmount, chineseDate } from '@arrears/shared/domain/chinese-text';
import { validationPeriodEnd } from '@arrears/shared/domain/mailing-days';
import { formatMoney } from '@arrears/shared/domain/money';
import type { Statement } from '@arrears/shared/schemas/casework';
import type { Block, LetterLayout } from './pdf-layout.ts';
import { type LetterSender, returnAddress } from './sender.ts';

export const CFPB_WEBSITE = 'www.cfpb.gov/debt-collection';

/** What every letter is made of: the ledger's statement, who sends it, to whom, and the day it is mailed. */
export interface LetterFacts {
  /** The letter's reference, printed on it and on the response form. */
  reference: string;
  mailedOn: LocalDate;
  sender: LetterSender;
  recipient: { name: string; address: string[] };
  statement: Statement;
}

/**
 * The B-1 itemization from the ledger: the itemization date is the case's due date (the last statement's, 12 CFR
 * 1006.34(b)(3)(iv)); what was owed then is the principal, and since then the interest and fees charged and the
 * payments and credits received, so that the four add up to the current amount.
 */
export function itemization(statement: Statement) {
  return {
    itemizationDate: statement.dueDate,
    owedThenMinor: statement.principal.chargedMinor,
    interestMinor: statement.interest.chargedMinor,
    feesMinor: statement.fees.chargedMinor,
    paidMinor: statement.totalPaidMinor,
    nowMinor: statement.balanceMinor,
  };
}

/** "May 4, 2026": the model form's dates. */
export function longDate(date: LocalDate): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/**
 * The validation notice in the shape of Regulation F Model Form B-1 (12 CFR 1006.34(c), appendix B): the
 * collector, the consumer, the itemization, the end of the validation period, how to dispute and ask for the original
 * creditor, the CFPB's website and the tear-off response form.
 */
export function validationNoticeLayout(facts: LetterFacts): LetterLayout {
  const { sender, statement, recipient } = facts;
  const money = (minor: number) => formatMoney(minor, statement.currency, 'en-US');
  const items = itemization(statement);
  const ends = longDate(validationPeriodEnd(facts.mailedOn));
  const since = longDate(items.itemizationDate);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${sender.name} is a debt collector. We are trying to collect a debt that you owe to ${statement.creditorName}. We will use any information you give us to help collect the debt.`,
    },
    { kind: 'heading', text: 'Our information shows:' },
    {
      kind: 'paragraph',
      text: `You had an account from ${statement.creditorName} with account number ${statement.accountRef}.`,
    },
    { kind: 'paragraph', text: `Current creditor: ${statement.creditorName}` },
    { kind: 'amount', label: `As of ${since}, you owed:`, amount: money(items.owedThenMinor) },
    { kind: 'paragraph', text: `Between ${since} and today:` },
    {
      kind: 'amount',
      label: 'You were charged this amount in interest:',
      amount: `+ ${money(items.interestMinor)}`,
      indent: 14,
    },
    {
      kind: 'amount',
      label: 'You were charged this amount in fees:',
      amount: `+ ${money(items.feesMinor)}`,
      indent: 14,
    },
    {
      kind: 'amount',
      label: 'You paid or were credited this amount toward the debt:',
      amount: `- ${money(items.paidMinor)}`,
      indent: 14,
    },
    { kind: 'amount', label: 'Total amount of the debt now:', amount: money(items.nowMinor), bold: true },
    { kind: 'heading', text: 'How can you dispute the debt?' },
    {
      kind: 'paragraph',
      text: `Call or write to us by ${ends}, to dispute all or part of the debt. If you do not, we will assume that our information is correct.`,
      indent: 8,
    },
    {
      kind: 'paragraph',
      text: `If you write to us by ${ends}, we must stop collection on any amount you dispute until we send you information that shows you owe the debt. You may use the form below or write to us without the form. You may also include supporting documents. We accept disputes electronically at ${sender.email}.`,
      indent: 8,
    },
    { kind: 'heading', text: 'What else can you do?' },
    {
      kind: 'paragraph',
      text: `Write to ask for the name and address of the original creditor, if different from the current creditor. If you write by ${ends}, we must stop collection until we send you that information. You may use the form below or write to us without the form.`,
      indent: 8,
    },
    {
      kind: 'paragraph',
      text: `Go to ${CFPB_WEBSITE} to learn more about your rights under federal law. For instance, you have the right to stop or limit how we contact you.`,
      indent: 8,
    },
    {
      kind: 'paragraph',
      text: `Contact us about your payment options. Call ${sender.phone} or write to ${sender.address.join(', ')}. Reference: ${facts.reference}.`,
      indent: 8,
    },
    { kind: 'cut', text: 'Detach and return this part' },
    { kind: 'heading', text: 'How do you want to respond?' },
    { kind: 'paragraph', text: `Mail this form to: ${sender.name}, ${sender.address.join(', ')}` },
    {
      kind: 'paragraph',
      text: `${recipient.name}, ${recipient.address.join(', ')} (reference ${facts.reference})`,
      size: 9,
    },
    { kind: 'paragraph', text: 'Check all that apply:', bold: true },
    { kind: 'checkbox', text: 'I want to dispute the debt because I think:' },
    { kind: 'checkbox', text: 'This is not my debt.', indent: 16 },
    { kind: 'checkbox', text: 'The amount is wrong.', indent: 16 },
    {
      kind: 'checkbox',
      text: 'Other (please describe on reverse or attach additional information).',
      indent: 16,
    },
    { kind: 'checkbox', text: 'I want you to send me the name and address of the original creditor.' },
    { kind: 'checkbox', text: 'I enclosed this amount: $______________' },
    {
      kind: 'paragraph',
      text: `Make your check payable to ${sender.name}. Include the reference number ${statement.accountRef}.`,
      size: 9,
    },
  ];
  return {
    title: 'Notice of debt',
    returnAddress: returnAddress(sender),
    recipient: [recipient.name, ...recipient.address],
    aside: [longDate(facts.mailedOn), `Reference: ${facts.reference}`],
    blocks,
  };
}

/**
 * The debt notice for a debtor in China (债务告知函): Regulation F does not apply, so no B-1; the agency, the
 * creditor's commission, the amounts from the ledger, and how to contact the agency or raise an objection.
 */
export function chineseNoticeLayout(facts: LetterFacts): LetterLayout {
  const { sender, statement, recipient } = facts;
  const amount = (minor: number) => chineseAmount(minor, statement.currency);
  const items = itemization(statement);
  const blocks: Block[] = [
    { kind: 'paragraph', text: `${recipient.name}：` },
    {
      kind: 'paragraph',
      text: `您好！${sender.nameZh}受${statement.creditorName}委托，就您在${statement.creditorName}的账户（账号：${statement.accountRef}）所欠款项，特向您发出本告知函。`,
    },
    { kind: 'heading', text: `截至${chineseDate(facts.mailedOn)}，您的欠款明细如下：` },
    {
      kind: 'amount',
      label: `本金（${chineseDate(items.itemizationDate)}到期）`,
      amount: amount(items.owedThenMinor),
      indent: 14,
    },
    { kind: 'amount', label: '利息', amount: amount(items.interestMinor), indent: 14 },
    { kind: 'amount', label: '费用', amount: amount(items.feesMinor), indent: 14 },
    { kind: 'amount', label: '已还款及减免', amount: `-${amount(items.paidMinor)}`, indent: 14 },
    { kind: 'amount', label: '当前欠款总额', amount: amount(items.nowMinor), bold: true, indent: 14 },
    { kind: 'heading', text: '如何联系我们或提出异议' },
    {
      kind: 'paragraph',
      text: `如您对上述债务或金额有异议，请在收到本函之日起三十日内通过电话 ${sender.phone}、电子邮件 ${sender.email} 或来信（${sender.address.join('，')}）与我们联系，并附上相关证明材料。核实期间，我们将暂停对有异议部分的催收，并以书面形式答复您。`,
    },
    {
      kind: 'paragraph',
      text: `如需了解还款方式或协商还款计划，请拨打 ${sender.phone}。来电或来信时请注明参考编号：${facts.reference}。`,
    },
    { kind: 'paragraph', text: '本函仅致您本人。如您已结清上述款项，请忽略本函。' },
    { kind: 'space', height: 12 },
    { kind: 'paragraph', text: sender.nameZh },
    { kind: 'paragraph', text: chineseDate(facts.mailedOn) },
  ];
  return {
    title: '债务告知函',
    returnAddress: returnAddress(sender),
    recipient: [recipient.name, ...recipient.address],
    aside: [chineseDate(facts.mailedOn), `参考编号：${facts.reference}`],
    blocks,
  };
}
