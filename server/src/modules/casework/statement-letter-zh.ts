import { chineseDate } from '@arrears/shared/domain/chinese-text';
import { formatMoney } from '@arrears/shared/domain/money';
import type { Statement } from '@arrears/shared/schemas/casework';

/**
 * The statement in Simplified Chinese, laid out as a Chinese notice is printed: a title, the addressee, then
 * the figures with full-width colons, amounts as in a table (¥1,234.50) and dates as 2026年11月20日. Sent alone
 * to a CN debtor, whose letter identifies the party collecting and for whom, in plain words with no threat
 * (CN practice, docs/compliance/CATALOG.md CN pack); sent after the English text to a US debtor as its
 * translation, whose disclosure is the English one translated.
 */

/** `original`: the debtor's only text; `translation`: follows the English one, which is the notice of record. */
export type ChineseRole = 'original' | 'translation';

const STAGES = {
  reminder: '债权人还款提醒',
  agent: '由催收人员与您联系',
  agency: '委托外部催收机构',
  field: '上门拜访',
  legal: '诉讼程序',
} as const;

function collection(statement: Statement): string {
  const { agency, stage } = statement.collection;
  if (agency) return `已于${chineseDate(agency.placedAt)}委托${agency.name}催收`;
  return STAGES[stage];
}

function disclosure(statement: Statement, role: ChineseRole): string {
  if (role === 'translation') {
    return '本函来自债务催收方。这是催收债务的行为，所获取的任何信息都将用于该目的。';
  }
  return `本函由受${statement.creditorName}委托的债务催收方出具，旨在催收上述欠款，所获取的信息仅用于该目的。如对上述金额有异议，请与我们联系核实。`;
}

export function chineseStatement(
  statement: Statement,
  channel: 'letter' | 'email',
  role: ChineseRole,
): string {
  const money = (amountMinor: number) => formatMoney(amountMinor, statement.currency, 'zh-CN');
  const lines = [
    ...(role === 'translation' ? ['以下为上文的中文译本。', ''] : []),
    '欠款明细',
    `账户：${statement.accountRef}（${statement.creditorName}）`,
    `致：${statement.debtorName}`,
    `出具日期：${chineseDate(statement.generatedAt)}`,
    '',
    `原始本金：${money(statement.originalPrincipalMinor)}`,
    `本金：${money(statement.principal.chargedMinor)}`,
    `利息：${money(statement.interest.chargedMinor)}`,
    `费用：${money(statement.fees.chargedMinor)}`,
    `应还合计：${money(statement.totalChargedMinor)}`,
    '',
    statement.payments.length === 0 ? '已收还款：无' : '已收还款：',
    ...statement.payments.map(
      (p) =>
        `　　${chineseDate(p.receivedAt)}　${money(p.amountMinor)}（费用${money(p.allocation.feesMinor)}，利息${money(p.allocation.interestMinor)}，本金${money(p.allocation.principalMinor)}）`,
    ),
    `已还合计：${money(statement.totalPaidMinor)}`,
    `尚欠余额：${money(statement.balanceMinor)}`,
    '',
    `目前催收方式：${collection(statement)}。`,
    '',
    disclosure(statement, role),
  ];
  if (channel === 'email') lines.push('如不希望继续收到本类邮件，请回复“TD”退订。');
  return lines.join('\n');
}
