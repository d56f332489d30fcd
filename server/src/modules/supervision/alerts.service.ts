import type { Executor } from '../../db/client.ts';
import { supervisorAlerts } from '../../db/schema/index.ts';

/** What a supervisor is alerted to; each kind names what a machine did that a person must look at. */
export type AlertKind = 'dial_without_reservation';

/**
 * Raises an alert for the supervisors of the case's team, in the transaction of what caused it, so the cause and
 * the alert are kept together or not at all.
 */
export async function raiseAlert(
  tx: Executor,
  alert: {
    kind: AlertKind;
    caseId: string;
    teamId: string | null;
    contactId: number | null;
    decisionId: number | null;
    details: Record<string, unknown>;
    now: Date;
  },
): Promise<number> {
  const [row] = await tx
    .insert(supervisorAlerts)
    .values({
      kind: alert.kind,
      caseId: alert.caseId,
      teamId: alert.teamId,
      contactId: alert.contactId,
      decisionId: alert.decisionId,
      details: alert.details,
      raisedAt: alert.now,
    })
    .returning({ id: supervisorAlerts.id });
  return row!.id;
}
