import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { PgSelectBase, SelectedFields } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { cases, debtors, portfolios } from '../../db/schema/index.ts';
import { caseNotFound } from '../../errors.ts';

/** A value as the scope takes it: bound now, or a placeholder of a statement built once (db/statement.ts). */
type Value = string | Placeholder;

/**
 * Which cases a user may see, as a SQL condition on `cases`:
 * an agent their own cases and their team's unassigned pool; a supervisor every case of the teams they run;
 * a manager and an admin everything.
 */
function scopeOf(role: SessionUser['role'], me: Value, teamIds: readonly Value[]): SQL {
  const own = sql`${cases.assignedAgentId} = ${me}::uuid`;
  const inTeams = () =>
    sql`${cases.teamId} in (${sql.join(
      teamIds.map((teamId) => sql`${teamId}::uuid`),
      sql`, `,
    )})`;
  switch (role) {
    case 'agent':
      return teamIds.length === 0
        ? own
        : sql`(${own} or (${cases.assignedAgentId} is null and ${inTeams()}))`;
    case 'supervisor':
      return teamIds.length === 0 ? sql`false` : inTeams();
    case 'manager':
    case 'admin':
      return sql`true`;
  }
}

export function caseScope(user: SessionUser): SQL {
  return scopeOf(user.role, user.id, user.teamIds);
}

/**
 * caseScope as a template for a statement built once: the same condition with the user's id and teams as
 * placeholders. `key` names its shape (role and number of teams), `values` fills it for this user.
 */
export function caseScopeTemplate(user: SessionUser): {
  key: string;
  condition: SQL;
  values: Record<string, string>;
} {
  const values: Record<string, string> = { scopeUser: user.id };
  const teams = user.teamIds.map((teamId, i) => {
    values[`scopeTeam${i}`] = teamId;
    return sql.placeholder(`scopeTeam${i}`);
  });
  return {
    key: `${user.role}:${teams.length}`,
    values,
    condition: scopeOf(user.role, sql.placeholder('scopeUser'), teams),
  };
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

/**
 * `fields` of cases joined to their debtors and portfolios: what the lists and letters of cases read beside the
 * case's own columns (the debtor's name, the portfolio's), with the joins written once. Every case has both.
 */
export function selectCases<Fields extends SelectedFields>(db: Executor, fields: Fields) {
  // Typed as the partial select it is: for generic fields drizzle leaves the select mode undecided.
  const query = db.select(fields).from(cases) as unknown as PgSelectBase<'cases', Fields, 'partial'>;
  return query
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .innerJoin(portfolios, eq(portfolios.id, cases.portfolioId));
}

/** What a list of cases shows of each, with the debtor's name (selectCases). */
export const caseSummaryColumns = {
  accountRef: cases.accountRef,
  debtorName: debtors.fullName,
  balanceMinor: cases.balanceMinor,
  currency: cases.currency,
  daysPastDue: cases.daysPastDue,
  stage: cases.stage,
};
