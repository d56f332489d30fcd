import type { Executor } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/index.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  caseId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  /** When it happened, if not the database's now (a batch replaying a roll's clock). */
  at?: Date;
}

/**
 * The one writer of audit events. Appends one event; pass the transaction of the change so both commit or
 * neither does.
 */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await recordAudits(db, [entry]);
}

/** recordAudit for many events (a batch of changes): one INSERT, in the order given. */
export async function recordAudits(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditEvents).values(entries.map(auditRow));
}

function auditRow(entry: AuditEntry) {
  return {
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    caseId: entry.caseId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
    ...(entry.at === undefined ? {} : { at: entry.at }),
  };
}
