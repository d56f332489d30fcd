import type { Language } from '@arrears/shared/domain/language';
import { formatMoney } from '@arrears/shared/domain/money';
import type { Statement } from '@arrears/shared/schemas/casework';
import { chineseStatement } from './statement-letter-zh.ts';

/**
 * The statement as the text of a letter or email, in the languages the debtor reads it in (letterLanguages).
 * Each language's text carries the debt collector's disclosure in its initial form (which also satisfies the
 * later one) and, by email, an opt-out instruction, so the disclosures the send claims are words it contains.
 */
export const STATEMENT_DISCLOSURE =
  'This communication is from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.';
export const EMAIL_OPT_OUT = 'To stop receiving emails from us, reply STOP to this email.';

export type StatementChannel = 'letter' | 'email';

/** Between the English text and its translation: a rule a printed page shows plainly. */
const TRANSLATION_RULE = '-'.repeat(48);

export function statementText(
  statement: Statement,
  channel: StatementChannel,
  languages: readonly Language[] = ['en'],
): string {
  const translated = languages.length > 1;
  return languages
    .map((language) =>
      language === 'en'
        ? englishStatement(statement, channel)
        : chineseStatement(statement, channel, translated ? 'translation' : 'original'),
    )
    .join(`\n\n${TRANSLATION_RULE}\n\n`);
}

function englishStatement(statement: Statement, channel: StatementChannel): string {
  const money = (amountMinor: number) => formatMoney(amountMinor, statement.currency, 'en-US');
  const day = (iso: string) => iso.slice(0, 10);
  const lines = [
    `Statement of your account ${statement.accountRef} with ${statement.creditorName}`,
    `Prepared for ${statement.debtorName} on ${day(statement.generatedAt)}.`,
    '',
    `Original principal: ${money(statement.originalPrincipalMinor)}`,
    `Principal charged: ${money(statement.principal.chargedMinor)}`,
    `Interest charged: ${money(statement.interest.chargedMinor)}`,
    `Fees charged: ${money(statement.fees.chargedMinor)}`,
    `Total charged: ${money(statement.totalChargedMinor)}`,
    '',
    statement.payments.length === 0 ? 'Payments received: none' : 'Payments received:',
    ...statement.payments.map(
      (p) =>
        `  ${day(p.receivedAt)}  ${money(p.amountMinor)} (fees ${money(p.allocation.feesMinor)}, interest ${money(p.allocation.interestMinor)}, principal ${money(p.allocation.principalMinor)})`,
    ),
    `Total paid: ${money(statement.totalPaidMinor)}`,
    `Balance owed: ${money(statement.balanceMinor)}`,
    '',
    `How it is being collected: ${collection(statement)}.`,
    '',
    STATEMENT_DISCLOSURE,
  ];
  if (channel === 'email') lines.push(EMAIL_OPT_OUT);
  return lines.join('\n');
}

function collection(statement: Statement): string {
  const { agency, stage } = statement.collection;
  if (agency) return `placed with ${agency.name} on ${agency.placedAt.slice(0, 10)}`;
  const stages = {
    reminder: 'reminders from the creditor',
    agent: 'contact by our collection staff',
    agency: 'an outside collection agency',
    field: 'a visit in person',
    legal: 'legal action',
  } as const;
  return stages[stage];
}
