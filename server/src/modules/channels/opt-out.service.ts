import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { contactPoints, optOuts } from '../../db/schema/index.ts';
import { caseNotFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { withCase } from '../case-core/case-core.service.ts';
import { maskContactValue } from '../casework/preferences.service.ts';
import type { OptOutTarget } from './links.ts';

/**
 * The debtor opted out of email to this address with the link in an email (or a mailbox's one-click, RFC 8058):
 * recorded at once through the case kernel as the debtor acting on their own case, audited. A second click
 * changes nothing and answers the same.
 */
export async function recordEmailOptOut(
  db: Database,
  target: OptOutTarget,
  now: Date,
  ip: string | null,
): Promise<{ recorded: boolean }> {
  const [point] = await db.select().from(contactPoints).where(eq(contactPoints.id, target.contactPointId));
  if (point?.kind !== 'email') throw caseNotFound();
  const { value } = await withCase(
    { db, actor: { kind: 'debtor', id: null, debtorId: point.debtorId }, caseId: target.caseId, now },
    async ({ tx, caseRow }) => {
      const [existing] = await tx
        .select({ id: optOuts.id })
        .from(optOuts)
        .where(
          and(
            eq(optOuts.debtorId, point.debtorId),
            eq(optOuts.channel, 'email'),
            eq(optOuts.contactPointId, point.id),
          ),
        );
      if (existing) return { value: { recorded: false }, unchanged: true };
      const [row] = await tx
        .insert(optOuts)
        .values({
          debtorId: point.debtorId,
          channel: 'email',
          contactPointId: point.id,
          at: now,
          recordedBy: null,
        })
        .returning({ id: optOuts.id });
      await recordAudit(tx, {
        actorId: null,
        action: 'channels.emailOptOut',
        entityType: 'debtor',
        entityId: point.debtorId,
        caseId: caseRow.id,
        ip,
        at: now,
        after: {
          at: now.toISOString(),
          optOutId: row!.id,
          channel: 'email',
          contactPointId: point.id,
          contactPoint: maskContactValue(point.kind, point.value),
          via: 'email link',
        },
      });
      return { value: { recorded: true }, reach: 'debtor' };
    },
  );
  return value;
}
