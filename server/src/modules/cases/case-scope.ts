import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import { caseNotFound } from '../../errors.ts';

/**
 * Which cases a user may see, as a SQL condition on `cases`:
 * an agent their own cases and their team's unassigned pool; a supervisor every case of the teams they run;
 * a manager and an admin everything.
 */
export function caseScope(user: SessionUser): SQL {
  switch (user.role) {
    case 'agent': {
      const own = eq(cases.assignedAgentId, user.id);
      if (user.teamIds.length === 0) return own;
      return or(own, and(isNull(cases.assignedAgentId), inArray(cases.teamId, user.teamIds))) as SQL;
    }
    case 'supervisor':
      return user.teamIds.length === 0 ? sql`false` : inArray(cases.teamId, user.teamIds);
    case 'manager':
    case 'admin':
      return sql`true`;
  }
}

/**
 * caseScope as a template for a statement built once (db/statement.ts): the same condition with the user's id and
 * teams as placeholders. `key` names its shape (role and number of teams), `values` fills it for this user.
 */
export function caseScopeTemplate(user: SessionUser): {
  key: string;
  condition: SQL;
  values: Record<string, string>;
} {
  const values: Record<string, string> = { scopeUser: user.id };
  const teams = user.teamIds.map((teamId, i) => {
    values[`scopeTeam${i}`] = teamId;
    return sql`${sql.placeholder(`scopeTeam${i}`)}::uuid`;
  });
  const me = sql`${cases.assignedAgentId} = ${sql.placeholder('scopeUser')}::uuid`;
  const inTeams = sql`${cases.teamId} in (${sql.join(teams, sql`, `)})`;
  const key = `${user.role}:${teams.length}`;
  switch (user.role) {
    case 'agent':
      return {
        key,
        values,
        condition:
          teams.length === 0 ? me : sql`(${me} or (${cases.assignedAgentId} is null and ${inTeams}))`,
      };
    case 'supervisor':
      return { key, values, condition: teams.length === 0 ? sql`false` : inTeams };
    case 'manager':
    case 'admin':
      return { key, values, condition: sql`true` };
  }
}

/** Loads a case the user may see, or answers NOT_FOUND exactly as for a case that does not exist. */
export async function findCaseInScope(db: Executor, user: SessionUser, caseId: string) {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), caseScope(user)))
    .limit(1);
  if (!row) throw caseNotFound();
  return row;
}
