import { CONTACT_ACTIONS } from '@arrears/shared/compliance/actions';
import type {
  ActionKind,
  ContactOutcome,
  Direction,
  DisputeSubject,
  MessagePurpose,
} from '@arrears/shared/domain/enums';
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { contactInsights, contactLog, disputes } from '../../db/schema/index.ts';
import type { CaseChanges, CaseFacts } from '../case-core/case-core.service.ts';
import { insightBasis, insightOf } from '../oversight/review.service.ts';

export interface ContactEntry {
  kind: ActionKind;
  direction: Direction;
  outcome: ContactOutcome;
  occurredAt: Date;
  contactPointId?: string | null;
  thirdPartyId?: string | null;
  durationSeconds?: number | null;
  purpose?: MessagePurpose | null;
  disclosures?: string[] | null;
  templateId?: string | null;
  body?: string | null;
  notes?: string | null;
  details?: Record<string, unknown> | null;
}

/** Outcomes that carried information to the debtor: what makes a contact a "communication" (Reg F 1006.2(d)). */
const COMMUNICATED: ReadonlySet<ContactOutcome> = new Set(['conversation', 'voicemail', 'sent']);
/**
 * What a sent letter or email answers: verification answers a dispute of the debt (US-FDCPA-DISPUTE), the original
 * creditor's name and address a request for them (US-FDCPA-ORIGCRED).
 */
const ANSWERS: Partial<Record<MessagePurpose, DisputeSubject>> = {
  validation_notice: 'debt',
  debt_statement: 'debt',
  original_creditor_answer: 'original_creditor',
};

/**
 * Appends one contact to the log and returns what it changes on the case: the last contact, the first
 * communication (it starts the validation-notice clock), the validation notice. A validation notice or debt
 * statement sent while a dispute waits for verification is that verification, so it closes the dispute.
 */
export async function recordContact(
  tx: Executor,
  context: { caseFacts: CaseFacts; agentId: string | null; decisionId: number | null },
  entry: ContactEntry,
): Promise<{ contactId: number; caseChanges: CaseChanges }> {
  const { caseRow } = context.caseFacts;
  const insert = tx
    .insert(contactLog)
    .values({
      caseId: caseRow.id,
      debtorId: caseRow.debtorId,
      caseIds: [caseRow.id],
      agentId: context.agentId,
      decisionId: context.decisionId,
      ...entry,
    })
    .returning({ id: contactLog.id });
  // The audit's zone, local hour and window position of the contact, as of now (decision record 009), computed
  // from the facts already loaded and written by the same statement as the contact.
  const insight = insightOf(
    {
      caseId: caseRow.id,
      agentId: context.agentId,
      kind: entry.kind,
      direction: entry.direction,
      occurredAt: entry.occurredAt,
    },
    insightBasis(context.caseFacts),
  );
  const [row] = await queryRows<{ id: number | string }>(
    tx,
    sql`with contact as (${insert.getSQL()})
      insert into ${contactInsights} (contact_id, case_id, agent_id, occurred_at, timed, debtor_zone, local_hour,
        local_minute, local_weekday, window_position)
      select contact.id, ${insight.caseId}::uuid, ${insight.agentId}::uuid, ${insight.occurredAt.toISOString()}::timestamptz,
        ${insight.timed}, ${insight.debtorZone}, ${insight.localHour}::smallint, ${insight.localMinute}::smallint,
        ${insight.localWeekday}::smallint, ${insight.windowPosition}::smallint
      from contact
      returning contact_id as id`,
  );
  const contactId = Number(row!.id);
  const at = entry.occurredAt;
  const outbound = entry.direction === 'outbound';
  const written = entry.kind === 'letter' || entry.kind === 'email';
  const caseChanges: CaseChanges = {};
  if (
    CONTACT_ACTIONS.includes(entry.kind) &&
    (caseRow.lastContactAt === null || caseRow.lastContactAt < at)
  ) {
    caseChanges.lastContactAt = at;
  }
  if (outbound && CONTACT_ACTIONS.includes(entry.kind) && COMMUNICATED.has(entry.outcome)) {
    // A conversation logged after the fact may predate the first one on record: the earlier one was first.
    if (caseRow.initialCommunicationAt === null || caseRow.initialCommunicationAt > at) {
      caseChanges.initialCommunicationAt = at;
    }
  }
  if (outbound && written && entry.outcome === 'sent' && entry.purpose === 'validation_notice') {
    if (caseRow.validationNoticeSentAt === null) caseChanges.validationNoticeSentAt = at;
  }
  const answers = entry.purpose ? ANSWERS[entry.purpose] : undefined;
  if (outbound && written && entry.outcome === 'sent' && answers !== undefined) {
    await tx
      .update(disputes)
      .set({ verificationSentAt: at })
      .where(
        and(
          eq(disputes.caseId, caseRow.id),
          eq(disputes.subject, answers),
          isNull(disputes.verificationSentAt),
          lte(disputes.receivedAt, at),
        ),
      );
  }
  return { contactId, caseChanges };
}
