import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { TeamAlerts } from '@arrears/shared/schemas/supervision';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { cases, supervisorAlerts, teams } from '../../db/schema/index.ts';

/** How many alerts the team page shows: the newest. */
const ALERTS_SHOWN = 50;

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
  const { now, ...columns } = alert;
  const [row] = await tx
    .insert(supervisorAlerts)
    .values({ ...columns, raisedAt: now })
    .returning({ id: supervisorAlerts.id });
  return row!.id;
}

/** The newest alerts of a supervisor's teams (every team's for an admin). */
export async function teamAlerts(
  db: Executor,
  user: SessionUser & { role: 'supervisor' | 'admin' },
): Promise<TeamAlerts> {
  if (user.role === 'supervisor' && user.teamIds.length === 0) return [];
  const rows = await db
    .select({
      id: supervisorAlerts.id,
      kind: supervisorAlerts.kind,
      caseId: supervisorAlerts.caseId,
      accountRef: cases.accountRef,
      teamName: teams.name,
      details: supervisorAlerts.details,
      decisionId: supervisorAlerts.decisionId,
      raisedAt: supervisorAlerts.raisedAt,
    })
    .from(supervisorAlerts)
    .innerJoin(cases, eq(cases.id, supervisorAlerts.caseId))
    .leftJoin(teams, eq(teams.id, supervisorAlerts.teamId))
    .where(user.role === 'supervisor' ? inArray(supervisorAlerts.teamId, user.teamIds) : sql`true`)
    .orderBy(desc(supervisorAlerts.raisedAt), desc(supervisorAlerts.id))
    .limit(ALERTS_SHOWN);
  return rows.map(({ details, raisedAt, ...row }) => ({
    ...row,
    kind: row.kind as AlertKind,
    reportedBy: typeof details.dialer === 'string' ? details.dialer : null,
    ruleIds: Array.isArray(details.ruleIds) ? details.ruleIds.map(String) : [],
    raisedAt: raisedAt.toISOString(),
  }));
}
