import type { MessagePurpose } from '@arrears/shared/domain/enums';
import { errorMessage } from '@arrears/shared/errors/messages';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { cases, debtors, messageTemplates, portfolioChannelSettings } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';

/** The agency's own answers to a reply (fixed texts, registered once with the carriers), not collection templates. */
const SYSTEM_PURPOSES: ReadonlySet<string> = new Set(['transactional', 'opt_out_confirmation']);

/**
 * A text to a debtor in China carries the portfolio's registered signature 【…】 and uses a template approved for
 * China only (the carriers refuse anything else). Answers the body as it goes out; refuses with a message code when
 * the portfolio has no signature or the template is not approved. Other debtors' texts pass unchanged.
 */
export async function cnSmsBody(
  tx: Executor,
  input: { caseId: string; body: string; templateId: string | null; purpose: MessagePurpose | null },
): Promise<string> {
  const [row] = await tx
    .select({ country: debtors.jurisdictionCountry, signature: portfolioChannelSettings.smsSignatureCn })
    .from(cases)
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .leftJoin(portfolioChannelSettings, eq(portfolioChannelSettings.portfolioId, cases.portfolioId))
    .where(eq(cases.id, input.caseId));
  if (row?.country !== 'CN') return input.body;
  const signature = row.signature?.trim();
  if (!signature) throw new AppError('INVALID_INPUT', errorMessage('sms.cnSignatureMissing'));
  const system = input.templateId === null && SYSTEM_PURPOSES.has(input.purpose ?? '');
  if (!system) {
    const [template] = input.templateId
      ? await tx
          .select({ approved: messageTemplates.approvedForCnSms })
          .from(messageTemplates)
          .where(eq(messageTemplates.id, input.templateId))
      : [];
    if (!template?.approved) throw new AppError('INVALID_INPUT', errorMessage('sms.cnTemplateNotApproved'));
  }
  const mark = `【${signature}】`;
  return input.body.startsWith(mark) ? input.body : `${mark}${input.body}`;
}
