import { CLOCK_SKEW_MINUTES, caseEventWindow, outsideWindow } from '@arrears/shared/domain/recording-window';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { CaseEventOutput } from '@arrears/shared/schemas/casework';
import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import { AppError, invalidField } from '../../errors.ts';
import { type AuditEntry, recordAudit } from '../audit/audit.service.ts';
import { bumpCase, checkVersion, lockDebtorOfCase } from '../compliance/case-lock.ts';
import type { CaseRow } from '../compliance/facts.mapping.ts';
import { refreshWorkability } from '../queues/workability.ts';

/** What every case event is given: who, on which case, when, and the version the screen showed. */
export interface EventOptions<Input> {
  user: SessionUser;
  input: Input;
  now: Date;
  ip: string | null;
}

export interface CaseEvent {
  user: SessionUser;
  caseId: string;
  now: Date;
  ip: string | null;
  expectedVersion?: number | undefined;
  /**
   * `debtor` for facts about the person (cease, attorney, bankruptcy, death, opt-outs, consent): they change
   * the verdicts of every debt of the debtor, so every one of their cases moves to a new version.
   */
  reach: 'case' | 'debtor';
  /**
   * When the event took effect by the person's account (a dispute or cease letter received, a complaint): it may be
   * recorded days later but not before the case was placed (decision record 020), checked once the case is read.
   */
  effectiveAt?: { field: string; at: Date };
  /** Writes the event; its audit entry is written in the same transaction. */
  write: (tx: Transaction, caseRow: CaseRow) => Promise<{ id: string; audit: EventAudit }>;
}

/**
 * The audit entry of an event. `after.at` is the instant by the request's clock (the row's own `at` is the
 * database's), which the timeline sorts by; `after.effectiveAt` when the fact took effect, if that differs.
 */
export type EventAudit = Pick<AuditEntry, 'action' | 'entityType' | 'entityId' | 'before'> & {
  after: Record<string, unknown> & { at: string };
};

/**
 * One transaction per event that changes what the engine allows: the scope check and the debtor lock the
 * guard takes (so no guarded decision about this debtor is judged on half of it), the version check, the
 * write, its audit event, the version bump and the queues' workability. A stale version refuses before anything
 * is written.
 */
export async function writeCaseEvent(db: Database, event: CaseEvent): Promise<CaseEventOutput> {
  const { user, caseId, now } = event;
  return db.transaction(async (tx) => {
    await lockDebtorOfCase(tx, user, caseId);
    const [caseRow] = await tx.select().from(cases).where(eq(cases.id, caseId));
    checkVersion(caseRow!.version, event.expectedVersion);
    if (event.effectiveAt) {
      const window = caseEventWindow({ now, placedAt: caseRow!.placedAt });
      const refusal = outsideWindow(event.effectiveAt.field, event.effectiveAt.at, window);
      if (refusal !== null) throw invalidField(refusal.field, refusal.problem);
    }
    const { id, audit } = await event.write(tx, caseRow!);
    await recordAudit(tx, { ...audit, actorId: user.id, caseId, ip: event.ip });
    const caseVersion =
      event.reach === 'case'
        ? await bumpCase(tx, caseId, {}, now)
        : await bumpDebtorCases(tx, caseRow!.debtorId, caseId, now);
    // The queues' workable instant and priority follow what the engine now allows (the debtor's other cases too).
    await refreshWorkability(tx, [caseId], now);
    return { id, caseVersion };
  });
}

async function bumpDebtorCases(tx: Transaction, debtorId: string, caseId: string, now: Date) {
  const rows = await tx
    .update(cases)
    .set({ version: sql`${cases.version} + 1`, updatedAt: now })
    .where(eq(cases.debtorId, debtorId))
    .returning({ id: cases.id, version: cases.version });
  return rows.find((row) => row.id === caseId)!.version;
}

/**
 * An instant the debtor's side reports (received, filed, died): now when omitted, never in the future beyond the
 * clock skew a browser may have (decision record 020).
 */
export function pastInstant(field: string, value: string | undefined, now: Date): Date {
  if (value === undefined) return now;
  const at = new Date(value);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MINUTES * 60_000) {
    throw invalidField(field, 'cannot be in the future');
  }
  return at;
}

export function conflict(message: string): AppError {
  return new AppError('CONFLICT', message);
}
