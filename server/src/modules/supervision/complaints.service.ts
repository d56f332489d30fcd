import { DAY_MS } from '@arrears/shared/domain/calendar';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type {
  ComplaintAssignee,
  ComplaintRow,
  ComplaintsListOutput,
  complaintAssignInput,
  complaintInvestigateInput,
  complaintResolveInput,
  complaintsListInput,
} from '@arrears/shared/schemas/supervision';
import { and, asc, eq, inArray, isNotNull, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { type Database, type Executor, queryRows, type Transaction } from '../../db/client.ts';
import { cases, complaints, debtors, supervisorTeams, users } from '../../db/schema/index.ts';
import { AppError, invalidField } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { caseScope } from '../cases/cases.service.ts';

const namedAgent = alias(users, 'named_agent');
const assignee = alias(users, 'assignee');
const resolver = alias(users, 'resolver');

interface WriteOptions<Input> {
  user: SessionUser;
  input: Input;
  now: Date;
  ip: string | null;
}

const notFound = () => new AppError('NOT_FOUND', errorMessage('complaint.notFound'));

function statusCondition(status: z.output<typeof complaintsListInput>['status']): SQL | undefined {
  if (status === 'all') return undefined;
  if (status === 'unresolved') return ne(complaints.status, 'resolved');
  return eq(complaints.status, status);
}

/** Unresolved past its target, or resolved after it. */
function overdueCondition(now: Date): SQL {
  return or(
    and(isNull(complaints.resolvedAt), lt(complaints.resolveBy, now)),
    and(isNotNull(complaints.resolvedAt), sql`${complaints.resolvedAt} > ${complaints.resolveBy}`),
  ) as SQL;
}

const rowSelection = {
  complaint: complaints,
  teamId: cases.teamId,
  accountRef: cases.accountRef,
  debtorName: debtors.fullName,
  agentName: namedAgent.name,
  assigneeName: assignee.name,
  resolverName: resolver.name,
};

function selectRows(db: Executor) {
  return db
    .select(rowSelection)
    .from(complaints)
    .innerJoin(cases, eq(cases.id, complaints.caseId))
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .leftJoin(namedAgent, eq(namedAgent.id, complaints.agentId))
    .leftJoin(assignee, eq(assignee.id, complaints.assignedTo))
    .leftJoin(resolver, eq(resolver.id, complaints.resolvedBy));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectRows>['where']>>[number];

function toRow(row: Selected, now: Date): ComplaintRow {
  const c = row.complaint;
  const end = c.resolvedAt ?? now;
  const person = (id: string | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });
  return {
    id: c.id,
    caseId: c.caseId,
    teamId: row.teamId,
    accountRef: row.accountRef,
    debtorName: row.debtorName,
    agent: person(c.agentId, row.agentName),
    assignedTo: person(c.assignedTo, row.assigneeName),
    channel: c.channel,
    description: c.description,
    status: c.status,
    receivedAt: c.receivedAt.toISOString(),
    resolveBy: c.resolveBy.toISOString(),
    resolution: c.resolution,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    resolvedBy: person(c.resolvedBy, row.resolverName),
    ageDays: Math.max(0, Math.floor((end.getTime() - c.receivedAt.getTime()) / DAY_MS)),
    overdue: end.getTime() > c.resolveBy.getTime(),
  };
}

/** Complaints on cases in scope, nearest target first; each with its age against the target. */
export async function listComplaints(
  db: Executor,
  options: { user: SessionUser; input: z.output<typeof complaintsListInput>; now: Date },
): Promise<ComplaintsListOutput> {
  const { user, input, now } = options;
  const parts: (SQL | undefined)[] = [caseScope(user), statusCondition(input.status)];
  if (input.agentId) parts.push(eq(complaints.agentId, input.agentId));
  if (input.overdueOnly) parts.push(overdueCondition(now));
  const where = and(...parts);
  const filter = and(...parts.slice(1)) ?? sql`true`;
  // The total and the agents named in complaints in scope in one pass over the scope (each complaint's case
  // probed once, index-only on cases_id_team_idx), instead of one pass for each.
  const [rows, [summary]] = await Promise.all([
    selectRows(db)
      .where(where)
      .orderBy(asc(complaints.resolveBy), asc(complaints.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    queryRows<{ total: number; agents: ComplaintsListOutput['agents'] }>(
      db,
      sql`with scoped as materialized (
            select ${complaints.agentId} as agent_id, (${filter}) as hit
            from ${complaints} inner join ${cases} on ${cases.id} = ${complaints.caseId}
            where ${caseScope(user)})
          select (select count(*)::int from scoped where hit) as total,
            coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name) order by a.name, a.id)
              from (select distinct ${users.id} as id, ${users.name} as name
                from scoped inner join ${users} on ${users.id} = scoped.agent_id) a), '[]'::jsonb) as agents`,
    ),
  ]);
  return {
    rows: rows.map((row) => toRow(row, now)),
    total: summary?.total ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    agents: summary?.agents ?? [],
  };
}

/** Who a supervisor may hand a complaint to: the agents of their teams and the supervisors of those teams. */
export async function complaintAssignees(db: Executor, user: SessionUser): Promise<ComplaintAssignee[]> {
  if (user.teamIds.length === 0) return [];
  const [agents, supervisors] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, teamId: users.teamId })
      .from(users)
      .where(and(eq(users.role, 'agent'), eq(users.active, true), inArray(users.teamId, user.teamIds)))
      .orderBy(asc(users.name)),
    db
      .select({ id: users.id, name: users.name, teamId: supervisorTeams.teamId })
      .from(supervisorTeams)
      .innerJoin(users, eq(users.id, supervisorTeams.supervisorId))
      .where(and(eq(users.active, true), inArray(supervisorTeams.teamId, user.teamIds)))
      .orderBy(asc(users.name)),
  ]);
  const byId = new Map<string, ComplaintAssignee>();
  for (const [role, rows] of [
    ['supervisor', supervisors],
    ['agent', agents],
  ] as const) {
    for (const row of rows) {
      const entry = byId.get(row.id) ?? { id: row.id, name: row.name, role, teamIds: [] };
      if (row.teamId !== null && !entry.teamIds.includes(row.teamId)) entry.teamIds.push(row.teamId);
      byId.set(row.id, entry);
    }
  }
  return [...byId.values()];
}

/** The complaint on a case in scope, locked for the change; NOT_FOUND like a missing one otherwise. */
async function lockComplaint(tx: Transaction, user: SessionUser, complaintId: string) {
  const [found] = await tx
    .select({ complaint: complaints, teamId: cases.teamId })
    .from(complaints)
    .innerJoin(cases, eq(cases.id, complaints.caseId))
    .where(and(eq(complaints.id, complaintId), caseScope(user)))
    .for('update', { of: complaints });
  if (!found) throw notFound();
  return found;
}

async function reread(tx: Transaction, complaintId: string, now: Date): Promise<ComplaintRow> {
  const [row] = await selectRows(tx).where(eq(complaints.id, complaintId));
  if (!row) throw notFound();
  return toRow(row, now);
}

function refuseResolved(status: string) {
  if (status === 'resolved') throw new AppError('CONFLICT', errorMessage('complaint.alreadyResolved'));
}

/** What a change to a complaint sets on it, and what its audit entry says of it. */
interface ComplaintChange {
  set: Partial<typeof complaints.$inferInsert>;
  action: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * One change to a complaint, in a transaction: the complaint is locked (in the user's scope), `decide` checks it
 * and says what changes, then the row is updated, the change audited and the row read back as the list shows it.
 */
function changeComplaint(
  db: Database,
  { user, now, ip }: WriteOptions<unknown>,
  complaintId: string,
  decide: (tx: Transaction, locked: Awaited<ReturnType<typeof lockComplaint>>) => Promise<ComplaintChange>,
): Promise<ComplaintRow> {
  return db.transaction(async (tx) => {
    const locked = await lockComplaint(tx, user, complaintId);
    const { complaint } = locked;
    const { set, action, before, after } = await decide(tx, locked);
    await tx.update(complaints).set(set).where(eq(complaints.id, complaint.id));
    await recordAudit(tx, {
      actorId: user.id,
      action,
      entityType: 'complaint',
      entityId: complaint.id,
      caseId: complaint.caseId,
      before,
      after,
      ip,
    });
    return reread(tx, complaint.id, now);
  });
}

/** Hands the complaint to an agent of the case's team or a supervisor of that team. */
export function assignComplaint(
  db: Database,
  options: WriteOptions<z.output<typeof complaintAssignInput>>,
): Promise<ComplaintRow> {
  const { input } = options;
  return changeComplaint(db, options, input.complaintId, async (tx, { complaint, teamId }) => {
    refuseResolved(complaint.status);
    const [target] = await tx
      .select({ id: users.id, role: users.role, teamId: users.teamId, active: users.active })
      .from(users)
      .where(eq(users.id, input.assigneeId));
    const supervises =
      target?.role === 'supervisor' && teamId !== null
        ? (
            await tx
              .select({ teamId: supervisorTeams.teamId })
              .from(supervisorTeams)
              .where(and(eq(supervisorTeams.supervisorId, target.id), eq(supervisorTeams.teamId, teamId)))
          ).length > 0
        : false;
    const teamAgent = target?.role === 'agent' && teamId !== null && target.teamId === teamId;
    if (!target?.active || !(supervises || teamAgent)) {
      throw invalidField('assigneeId', errorMessage('complaint.assigneeOutsideTeam'));
    }
    return {
      set: { assignedTo: target.id },
      action: 'complaint.assign',
      before: { assignedTo: complaint.assignedTo },
      after: { assignedTo: target.id },
    };
  });
}

/** Open → investigating; an unassigned complaint becomes the supervisor's own. */
export function investigateComplaint(
  db: Database,
  options: WriteOptions<z.output<typeof complaintInvestigateInput>>,
): Promise<ComplaintRow> {
  const { user, input } = options;
  return changeComplaint(db, options, input.complaintId, async (_tx, { complaint }) => {
    if (complaint.status !== 'open') {
      throw new AppError('CONFLICT', errorMessage('complaint.alreadyInStatus', { status: complaint.status }));
    }
    const assignedTo = complaint.assignedTo ?? user.id;
    return {
      set: { status: 'investigating', assignedTo },
      action: 'complaint.investigate',
      before: { status: complaint.status, assignedTo: complaint.assignedTo },
      after: { status: 'investigating', assignedTo },
    };
  });
}

/** Closes the complaint with what was done about it. */
export function resolveComplaint(
  db: Database,
  options: WriteOptions<z.output<typeof complaintResolveInput>>,
): Promise<ComplaintRow> {
  const { user, input, now } = options;
  return changeComplaint(db, options, input.complaintId, async (_tx, { complaint }) => {
    refuseResolved(complaint.status);
    return {
      set: {
        status: 'resolved',
        resolution: input.resolution,
        resolvedAt: now,
        resolvedBy: user.id,
        assignedTo: complaint.assignedTo ?? user.id,
      },
      action: 'complaint.resolve',
      before: { status: complaint.status },
      after: {
        status: 'resolved',
        resolution: input.resolution,
        onTime: now.getTime() <= complaint.resolveBy.getTime(),
      },
    };
  });
}
