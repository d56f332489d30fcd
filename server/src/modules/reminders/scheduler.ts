import type { Verdict } from '@arrears/shared/compliance/engine';
import { chineseAmount, chineseDate } from '@arrears/shared/domain/chinese-text';
import type { ActionKind } from '@arrears/shared/domain/enums';
import { languageOfTag } from '@arrears/shared/domain/language';
import { formatMoney } from '@arrears/shared/domain/money';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { ReminderChannel } from '@arrears/shared/schemas/reminders';
import { and, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type Database, queryRows } from '../../db/client.ts';
import { contactLog, messageTemplates, outboundMessages, reminderSends } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { logger as rootLogger } from '../../logger.ts';
import type { CaseFacts, ContactPointRow, SystemActor } from '../case-core/case-core.service.ts';
import type { ChannelProvider } from '../channels/outbox.service.ts';
import { handOff, queueMessage, recordHandOff } from '../channels/outbox.service.ts';
import { guardAction, TARGET_KINDS } from '../compliance/compliance.service.ts';
import { templateContent } from '../contacts/messages.service.ts';

/** Decisions and contact-log rows written by the scheduler carry no user id (actor_id / agent_id null). */
export const REMINDER_ACTOR: SystemActor = { kind: 'system', id: null, name: 'reminders' };

export interface ReminderRunOptions {
  now: Date;
  /** Every channel through this provider instead of the configured ones (benchmarks, tests). */
  provider?: ChannelProvider;
  /** Cases read per query. */
  batchSize?: number;
  /** Stop after this many cases were considered (benchmarks); the rest waits for the next run. */
  limit?: number;
  logger?: Logger;
  /** Test seams that stand for a crash at the two dangerous moments; they throw to abort the run. */
  faults?: {
    /** After the guard committed the decision, the contact and the outbox row, before the provider is called. */
    afterRecord?: (idempotencyKey: string) => void;
    /** After the provider accepted the message, before the outbox row is marked sent. */
    afterSend?: (idempotencyKey: string) => void;
  };
}

export interface ReminderRunSummary {
  considered: number;
  sent: number;
  blocked: number;
  skipped: number;
  /** Messages recorded by an earlier run that crashed before the provider confirmed them, sent again by key. */
  resent: number;
}

interface DueRow {
  case_id: string;
  step_id: string;
  offset_days: number;
  channel: ActionKind;
  template_id: string;
}

interface OutboxDetails {
  recipient: string;
  subject: string | null;
  body: string;
  language: 'en' | 'zh';
}

export const idempotencyKey = (caseId: string, stepId: string) => `reminder:${caseId}:${stepId}`;

/**
 * One run of the reminder scheduler at `now` (the job `reminders.run` calls it every 15 minutes). Each case in
 * the reminder stage whose strategy has a step due (due date + offset ≤ today, UTC) gets at most one action this
 * run: the latest due step, through the compliance guard as the system actor.
 *
 * Exactly once, through the outbox `reminder_sends` keyed by (case, step):
 *  1. the guard's transaction writes the decision, the contact-log row and the outbox row `sending` together
 *     (a second run finding the row no longer pending/blocked rolls its own attempt back);
 *  2. the provider is called with the idempotency key;
 *  3. the outbox row becomes `sent`.
 * A crash after 1 leaves `sending`: the next run sends again with the same key (the provider dedupes) and does
 * not judge or record it again. A refusal leaves `blocked` with the engine's next allowed instant, or `skipped`
 * when the engine names none; a later due step supersedes an open earlier one.
 */
export async function runReminders(db: Database, options: ReminderRunOptions): Promise<ReminderRunSummary> {
  const { now } = options;
  const provider = options.provider;
  const log = options.logger ?? rootLogger;
  const summary: ReminderRunSummary = { considered: 0, sent: 0, blocked: 0, skipped: 0, resent: 0 };
  const handled = new Set<string>();

  // Crash recovery first: messages recorded but not confirmed by the provider.
  const unsent = await db.select().from(reminderSends).where(eq(reminderSends.state, 'sending'));
  for (const row of unsent) {
    if (handled.has(row.caseId)) continue;
    handled.add(row.caseId);
    await queueRecorded(db, row);
    await deliver(db, provider, row.id, row.idempotencyKey, now, options);
    summary.resent++;
  }

  const today = now.toISOString().slice(0, 10);
  const batchSize = options.batchSize ?? 500;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { lastCaseId, rows } = await dueSteps(db, today, now, after, batchSize);
    if (lastCaseId === null) break;
    after = lastCaseId;
    for (const row of rows) {
      if (handled.has(row.case_id)) continue;
      if (options.limit !== undefined && summary.considered >= options.limit) break;
      handled.add(row.case_id);
      summary.considered++;
      const outcome = await sendStep(db, provider, row, now, options);
      summary[outcome]++;
    }
    if (options.limit !== undefined && summary.considered >= options.limit) break;
  }
  log.info({ ...summary, now: now.toISOString() }, 'reminder run');
  return summary;
}

/**
 * One page of cases in the reminder stage (keyset by case id), and for each of them one open step of its latest
 * due day — not yet sent, and if blocked, its retry time has come. Same-day steps on other channels follow in
 * later runs, one per run. The page is walked first so each query touches `limit` cases, not the whole book.
 */
export async function dueSteps(
  db: Database,
  today: string,
  now: Date,
  after: string,
  limit: number,
): Promise<{ lastCaseId: string | null; rows: DueRow[] }> {
  const page = await queryRows<{ id: string }>(
    db,
    sql`select id from cases where stage = 'reminder' and status = 'active' and id > ${after}::uuid
        order by id limit ${limit}`,
  );
  const lastCaseId = page[page.length - 1]?.id ?? null;
  if (lastCaseId === null) return { lastCaseId, rows: [] };
  const ids = sql.join(
    page.map((p) => sql`${p.id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<DueRow>(
    db,
    sql`select distinct on (c.id) c.id as case_id, s.id as step_id, s.offset_days, s.channel, s.template_id
        from cases c
        join reminder_strategies rs on rs.portfolio_id = c.portfolio_id and rs.active
        join reminder_steps s on s.strategy_id = rs.id
        left join reminder_sends r on r.case_id = c.id and r.step_id = s.id
        where c.id in (${ids})
          and s.offset_days = (select max(s2.offset_days) from reminder_steps s2
                               where s2.strategy_id = rs.id and c.due_date + s2.offset_days <= ${today}::date)
          and (r.id is null or (r.state in ('pending', 'blocked')
               and (r.next_attempt_at is null or r.next_attempt_at <= ${now.toISOString()}::timestamptz)))
        order by c.id, s.position`,
  );
  return { lastCaseId, rows };
}

/** Raised inside the guard's transaction when another run took the step first: rolls this attempt back. */
class AlreadyTaken extends Error {}

async function sendStep(
  db: Database,
  provider: ChannelProvider | undefined,
  row: DueRow,
  now: Date,
  options: ReminderRunOptions,
): Promise<'sent' | 'blocked' | 'skipped'> {
  const key = idempotencyKey(row.case_id, row.step_id);
  const [outbox] = await db
    .insert(reminderSends)
    .values({
      idempotencyKey: key,
      caseId: row.case_id,
      stepId: row.step_id,
      offsetDays: row.offset_days,
      channel: row.channel,
      templateId: row.template_id,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({ target: reminderSends.idempotencyKey, set: { updatedAt: now } })
    .returning({ id: reminderSends.id });
  const id = outbox!.id;
  // An earlier step still waiting is superseded by this one: a debtor gets the current reminder, not a backlog.
  await db
    .update(reminderSends)
    .set({ state: 'skipped', reason: `superseded by the step at day ${row.offset_days}`, updatedAt: now })
    .where(
      and(
        eq(reminderSends.caseId, row.case_id),
        ne(reminderSends.id, id),
        lt(reminderSends.offsetDays, row.offset_days),
        inArray(reminderSends.state, ['pending', 'blocked']),
      ),
    );
  const open = inArray(reminderSends.state, ['pending', 'blocked']);
  let details: OutboxDetails | null = null;
  try {
    await guardAction(db, {
      actor: REMINDER_ACTOR,
      caseId: row.case_id,
      now,
      action: async (tx, caseFacts) => {
        const content = await templateContent(
          tx,
          { templateId: row.template_id, channel: row.channel as ReminderChannel },
          caseFacts,
        );
        const point = pickContactPoint(row.channel, caseFacts.contactPoints);
        const [template] = await tx
          .select({
            subject: messageTemplates.subject,
            body: messageTemplates.body,
            language: messageTemplates.language,
          })
          .from(messageTemplates)
          .where(eq(messageTemplates.id, row.template_id));
        details = {
          recipient: point.value,
          subject: template!.subject,
          body: renderTemplate(template!, caseFacts),
          language: languageOfTag(template!.language) === 'zh' ? 'zh' : 'en',
        };
        return { kind: row.channel, contactPointId: point.id, message: content };
      },
      record: async (tx, passed) => {
        const message = passed.facts.action.message;
        const { contactId, caseChanges } = await recordHandOff(tx, passed, {
          kind: row.channel,
          at: now,
          contactPointId: passed.facts.action.contactPointId ?? null,
          purpose: message?.purpose,
          disclosures: message?.disclosures,
          templateId: row.template_id,
          body: details!.body,
          details: { reminder: key, offsetDays: row.offset_days },
        });
        const taken = await tx
          .update(reminderSends)
          .set({
            state: 'sending',
            attempts: sql`${reminderSends.attempts} + 1`,
            contactLogId: contactId,
            lastDecisionId: passed.decisionId,
            details: { ...details! },
            nextAttemptAt: null,
            reason: null,
            updatedAt: now,
          })
          .where(and(eq(reminderSends.id, id), open))
          .returning({ id: reminderSends.id });
        if (taken.length === 0) throw new AlreadyTaken();
        // The channel's outbox row, with the decision and the contact: the hand-off below sends it once by key.
        await queueMessage(tx, {
          idempotencyKey: key,
          channel: row.channel,
          ...details!,
          caseId: row.case_id,
          contactPointId: passed.facts.action.contactPointId!,
          purpose: message?.purpose ?? 'collection',
          disclosures: message?.disclosures ?? [],
          templateId: row.template_id,
          contactLogId: contactId,
          at: now,
        });
        return { value: contactId, caseChanges };
      },
    });
  } catch (error) {
    if (error instanceof AlreadyTaken) return 'skipped';
    if (!(error instanceof AppError)) throw error;
    const verdict = error.details?.verdict as Verdict | undefined;
    const decisionId = (error.details?.decisionId as number | undefined) ?? null;
    const retryAt = verdict?.nextAllowedAt ? new Date(verdict.nextAllowedAt) : null;
    const reason =
      verdict && verdict.violations.length > 0
        ? verdict.violations.map((v) => `${v.ruleId}: ${v.reason}`).join('; ')
        : error.message;
    await db
      .update(reminderSends)
      .set({
        state: retryAt ? 'blocked' : 'skipped',
        attempts: sql`${reminderSends.attempts} + 1`,
        nextAttemptAt: retryAt,
        lastDecisionId: decisionId,
        reason: retryAt ? reason : `${reason} — no time the rules would allow it; step skipped`,
        updatedAt: now,
      })
      .where(and(eq(reminderSends.id, id), open));
    return retryAt ? 'blocked' : 'skipped';
  }
  options.faults?.afterRecord?.(key);
  await deliver(db, provider, id, key, now, options);
  return 'sent';
}

/**
 * A reminder recorded before the channels' outbox existed (a `sending` row left by a crash across the upgrade) has
 * no message yet: it is queued from what the outbox row kept, so the hand-off below finds it.
 */
async function queueRecorded(db: Database, row: typeof reminderSends.$inferSelect): Promise<void> {
  const [message] = await db
    .select({ id: outboundMessages.id })
    .from(outboundMessages)
    .where(eq(outboundMessages.idempotencyKey, row.idempotencyKey));
  if (message || row.contactLogId === null) return;
  const [contact] = await db.select().from(contactLog).where(eq(contactLog.id, row.contactLogId));
  const details = row.details as Partial<OutboxDetails> | null;
  if (!contact?.contactPointId || !details?.recipient || details.body == null) return;
  await queueMessage(db, {
    idempotencyKey: row.idempotencyKey,
    channel: row.channel,
    recipient: details.recipient,
    subject: details.subject ?? null,
    // The body as recorded; it went to the contact log without the opt-out footer, which is added again here.
    body: details.body,
    language: details.language ?? 'en',
    caseId: row.caseId,
    contactPointId: contact.contactPointId,
    purpose: contact.purpose,
    disclosures: contact.disclosures ?? [],
    templateId: row.templateId,
    contactLogId: row.contactLogId,
    at: row.updatedAt,
  });
}

/**
 * Hands a recorded reminder to its channel (modules/channels) under its idempotency key, then marks it sent: from
 * here the channel's outbox owns the message (its delivery states, retries with the guard judging again).
 */
async function deliver(
  db: Database,
  provider: ChannelProvider | undefined,
  id: number,
  key: string,
  now: Date,
  options: ReminderRunOptions,
): Promise<void> {
  await handOff(db, key, now, provider);
  options.faults?.afterSend?.(key);
  const [message] = await db
    .select({ providerMessageId: outboundMessages.providerMessageId })
    .from(outboundMessages)
    .where(eq(outboundMessages.idempotencyKey, key));
  await db
    .update(reminderSends)
    .set({ state: 'sent', providerMessageId: message?.providerMessageId ?? null, updatedAt: now })
    .where(and(eq(reminderSends.id, id), eq(reminderSends.state, 'sending')));
}

/** The debtor's contact point for the channel: deliverable, then verified, first; a revoked consent is left out. */
function pickContactPoint(channel: ActionKind, points: readonly ContactPointRow[]): ContactPointRow {
  const kinds = TARGET_KINDS[channel] ?? [];
  const usable = points
    .filter((p) => kinds.includes(p.kind) && p.consentRevokedAt === null)
    // A point that bounced comes last: with no other, the guard refuses it and the refusal is kept.
    .sort(
      (a, b) =>
        Number(a.undeliverableSince !== null) - Number(b.undeliverableSince !== null) ||
        Number(b.verified) - Number(a.verified),
    );
  const point = usable[0];
  if (!point)
    throw new AppError('PRECONDITION_FAILED', errorMessage('reminders.noContactPoint', { channel }));
  return point;
}

/**
 * Fills `{{name}}`, `{{amount}}`, `{{dueDate}}` and `{{accountRef}}`; other text is left as written. Amounts
 * follow the template's language, not the debtor's (an English text says $1,234.50); a Chinese template reads
 * its amount and date as Chinese prose writes them (1,234.50元, 2026年11月20日).
 */
export function renderTemplate(
  template: { body: string; language: string },
  caseFacts: {
    caseRow: Pick<CaseFacts['caseRow'], 'balanceMinor' | 'currency' | 'dueDate' | 'accountRef'>;
    debtor: Pick<CaseFacts['debtor'], 'fullName'>;
  },
): string {
  const { caseRow, debtor } = caseFacts;
  const chinese = languageOfTag(template.language) === 'zh';
  const values: Record<string, string> = {
    name: debtor.fullName,
    amount: chinese
      ? chineseAmount(caseRow.balanceMinor, caseRow.currency)
      : formatMoney(caseRow.balanceMinor, caseRow.currency, template.language),
    dueDate: chinese ? chineseDate(caseRow.dueDate) : caseRow.dueDate,
    accountRef: caseRow.accountRef,
  };
  return template.body.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => values[name] ?? match);
}
