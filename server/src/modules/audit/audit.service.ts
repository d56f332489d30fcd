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
}

/** Appends an audit event; pass the transaction of the change so both commit or neither does. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    caseId: entry.caseId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
  });
}
