import type { LocalDate } from '@arrears/shared/domain/calendar';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { LetterPurpose } from '@arrears/shared/schemas/letters';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { cases, contactPoints, debtors } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { buildStatement, statementText } from '../casework/statement.service.ts';

import { type Block, type LetterLayout, type RenderedLetter, renderLetter } from './pdf-layout.ts';
import { letterSender, returnAddress } from './sender.ts';
import {
  chineseNoticeLayout,
  type LetterFacts,
  longDate,
  validationNoticeLayout,
} from './validation-notice.ts';

export interface CaseLetter extends RenderedLetter {
  fileName: string;
  /** The address block as printed in the window. */
  recipient: string[];
  contactPointId: string;
  /** Whether the debtor is served the Chinese notice (CN debtors) rather than Model Form B-1. */
  chinese: boolean;
}

/**
 * One letter of a case as a PDF, from the ledger at `now`: the validation notice (Model Form B-1, or the 债务告知函
 * for a debtor in China) or the statement of the debt in the debtor's languages, addressed to the home address on
 * file (or the letter's own address).
 */
export async function renderCaseLetter(
  db: Executor,
  options: {
    user: SessionUser;
    caseId: string;
    purpose: LetterPurpose;
    mailedOn: LocalDate;
    reference: string;
    now: Date;
    contactPointId?: string | null;
  },
): Promise<CaseLetter> {
  const { statement, languages } = await buildStatement(db, options);
  const [debtor] = await db
    .select({ id: debtors.id, name: debtors.fullName, country: debtors.jurisdictionCountry })
    .from(cases)
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .where(eq(cases.id, options.caseId));
  const address = await postalAddress(db, debtor!.id, options.contactPointId ?? null);
  const recipient = { name: debtor!.name, address: addressLines(address.value) };
  const facts: LetterFacts = {
    reference: options.reference,
    mailedOn: options.mailedOn,
    sender: letterSender(),
    recipient,
    statement,
  };
  const chinese = debtor!.country === 'CN';
  const layout =
    options.purpose === 'debt_statement'
      ? statementLayout(facts, languages)
      : chinese
        ? chineseNoticeLayout(facts)
        : validationNoticeLayout(facts);
  const rendered = await renderLetter(layout, { createdAt: options.now });
  return {
    ...rendered,
    fileName: `${options.purpose.replace('_', '-')}-${statement.accountRef}.pdf`,
    recipient: [recipient.name, ...recipient.address],
    contactPointId: address.id,
    chinese,
  };
}

async function postalAddress(db: Executor, debtorId: string, contactPointId: string | null) {
  const rows = await db
    .select({ id: contactPoints.id, kind: contactPoints.kind, value: contactPoints.value })
    .from(contactPoints)
    .where(eq(contactPoints.debtorId, debtorId))
    .orderBy(asc(contactPoints.createdAt), asc(contactPoints.id));
  const chosen =
    contactPointId === null
      ? rows.find((p) => p.kind === 'home_address')
      : rows.find((p) => p.id === contactPointId && p.kind.endsWith('address'));
  if (!chosen) throw new AppError('PRECONDITION_FAILED', errorMessage('letter.noAddress'));
  return chosen;
}

/** A one-line address on file ("12 Elm St, Springfield, MA 01101") as window lines: street, then the rest. */
export function addressLines(value: string): string[] {
  const comma = value.search(/[,，]/u);
  if (comma < 0) return [value.trim()];
  return [value.slice(0, comma).trim(), value.slice(comma + 1).trim()].filter(Boolean);
}

/** The statement of the debt as a letter: casework's statement text, one paragraph per line. */
function statementLayout(facts: LetterFacts, languages: Parameters<typeof statementText>[2]): LetterLayout {
  const text = statementText(facts.statement, 'letter', languages);
  const blocks: Block[] = text
    .split('\n')
    .map((line) => (line.trim() === '' ? { kind: 'space', height: 6 } : { kind: 'paragraph', text: line }));
  const chineseFirst = languages?.[0] === 'zh';
  return {
    title: chineseFirst ? '债务明细' : 'Statement of the debt',
    returnAddress: returnAddress(facts.sender),
    recipient: [facts.recipient.name, ...facts.recipient.address],
    aside: [longDate(facts.mailedOn), `Reference: ${facts.reference}`],
    blocks,
  };
}
