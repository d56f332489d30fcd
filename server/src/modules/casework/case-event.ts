import { CLOCK_SKEW_MINUTES, caseEventWindow, outsideWindow } from '@arrears/shared/domain/recording-window';
import { type ErrorMessage, errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { CaseEventOutput } from '@arrears/shared/schemas/casework';
import type { Database, Transaction } from '../../db/client.ts';
import { AppError, invalidField } from '../../errors.ts';
import { type AuditEntry, recordAudit } from '../audit/audit.service.ts';
import { type CaseRow, withCase } from '../case-core/case-core.service.ts';

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
  /**
   * Writes the event and returns its audit entry, written in the same transaction. The event's id is the audited
   * entity's, or `eventId` where that differs (an opt-out is audited on the debtor).
   */
  write: (tx: Transaction, caseRow: CaseRow) => Promise<EventAudit & { eventId?: string }>;
}

/**
 * The audit entry of an event. `after.at` is the instant by the request's clock (the row's own `at` is the
 * database's), which the timeline sorts by; `after.effectiveAt` when the fact took effect, if that differs.
 */
export type EventAudit = Pick<AuditEntry, 'action' | 'entityType' | 'entityId' | 'before'> & {
  after: Record<string, unknown> & { at: string };
};

/**
 * An event that changes what the engine allows, written through withCase (scope, debtor lock, version check,
 * then the write and its audit entry, then the bump and the queues' workability; a debtor-wide fact bumps every
 * case of the debtor). A stale version refuses before anything is written; so does an effective instant outside
 * the recording window, checked once the case is read.
 */
export async function writeCaseEvent(db: Database, event: CaseEvent): Promise<CaseEventOutput> {
  const { user, caseId, now } = event;
  const { value: id, caseVersion } = await withCase(
    { db, actor: user, caseId, now, expectedVersion: event.expectedVersion },
    async ({ tx, caseRow }) => {
      if (event.effectiveAt) {
        const window = caseEventWindow({ now, placedAt: caseRow.placedAt });
        const refusal = outsideWindow(event.effectiveAt.field, event.effectiveAt.at, window);
        if (refusal !== null) throw invalidField(refusal.field, refusal.problem);
      }
      const { eventId, ...audit } = await event.write(tx, caseRow);
      await recordAudit(tx, { ...audit, actorId: user.id, caseId, ip: event.ip });
      return { value: eventId ?? audit.entityId, reach: event.reach };
    },
  );
  return { id, caseVersion };
}

/** What the input of an event on one case names: the case, and the version the screen showed. */
export interface CaseInput {
  caseId: string;
  expectedVersion?: number | undefined;
}

/** What differs from one kind of event to the next. */
export type EventSpec = Pick<CaseEvent, 'reach' | 'effectiveAt' | 'write'>;

/**
 * The service function of an event on the case its input names, at the version the input carries. `describe`
 * runs first, before any read, so that its checks of the input refuse at once; it says how the event is written.
 */
export function caseEvent<Input extends CaseInput>(
  describe: (options: EventOptions<Input>) => EventSpec,
): (db: Database, options: EventOptions<Input>) => Promise<CaseEventOutput> {
  return (db, options) =>
    writeCaseEvent(db, {
      ...options,
      caseId: options.input.caseId,
      expectedVersion: options.input.expectedVersion,
      ...describe(options),
    });
}

/**
 * An instant the debtor's side reports (received, filed, died): now when omitted, never in the future beyond the
 * clock skew a browser may have (decision record 020).
 */
export function pastInstant(field: string, value: string | undefined, now: Date): Date {
  if (value === undefined) return now;
  const at = new Date(value);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MINUTES * 60_000) {
    throw invalidField(field, errorMessage('input.inFuture'));
  }
  return at;
}

export function conflict(message: ErrorMessage): AppError {
  return new AppError('CONFLICT', message);
}
