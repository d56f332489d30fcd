import { randomUUID } from 'node:crypto';
import type { Role } from '@arrears/shared/domain/enums';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../../../server/src/db/client.ts';
import * as s from '../../../server/src/db/schema/index.ts';
import { AppError } from '../../../server/src/errors.ts';
import { hashPassword } from '../../../server/src/modules/auth/password.ts';
import { stampContactInsight } from '../../../server/src/modules/oversight/insights.ts';

/** Data builders: each makes one row with sensible defaults, overridable field by field. */

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;
const hashed = () => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
};

/** A fresh idempotency key, as a client makes one per submission (decision 022). */
export const key = (): string => randomUUID();

let sequence = 0;
const next = () => ++sequence;

export async function buildTeam(db: Database, name = `Team ${next()}`) {
  const [team] = await db.insert(s.teams).values({ name }).returning();
  return team!;
}

export async function buildUser(
  db: Database,
  role: Role,
  options: { teamId?: string | null; supervises?: string[]; email?: string; name?: string } = {},
): Promise<SessionUser> {
  const n = next();
  const [user] = await db
    .insert(s.users)
    .values({
      email: options.email ?? `${role}${n}@example.test`,
      name: options.name ?? `${role} ${n}`,
      role,
      teamId: options.teamId ?? null,
      passwordHash: await hashed(),
    })
    .returning();
  for (const teamId of options.supervises ?? []) {
    await db.insert(s.supervisorTeams).values({ supervisorId: user!.id, teamId });
  }
  const teamIds = role === 'supervisor' ? (options.supervises ?? []) : options.teamId ? [options.teamId] : [];
  return {
    id: user!.id,
    email: user!.email,
    name: user!.name,
    role,
    teamIds,
    locale: user!.locale,
    timeZone: user!.timeZone,
    language: user!.language,
  };
}

export async function buildPortfolio(
  db: Database,
  options: { currency?: string; country?: string; region?: string | null; name?: string } = {},
) {
  const n = next();
  const [creditor] = await db
    .insert(s.creditors)
    .values({ name: `Creditor ${n}`, country: options.country ?? 'US' })
    .returning();
  const [portfolio] = await db
    .insert(s.portfolios)
    .values({
      creditorId: creditor!.id,
      name: options.name ?? `Portfolio ${n}`,
      currency: options.currency ?? 'USD',
      jurisdictionCountry: options.country ?? 'US',
      jurisdictionRegion: options.region === undefined ? 'NY' : options.region,
    })
    .returning();
  return portfolio!;
}

export async function buildDebtor(db: Database, options: Partial<typeof s.debtors.$inferInsert> = {}) {
  const [debtor] = await db
    .insert(s.debtors)
    .values({ fullName: `Debtor ${next()}`, jurisdictionCountry: 'US', jurisdictionRegion: 'NY', ...options })
    .returning();
  return debtor!;
}

/** Judged columns a test sets on a case's queue row (case_queue_state) as if the projection had stored them. */
export type QueueValues = Partial<
  Pick<
    typeof s.caseQueueState.$inferInsert,
    'priority' | 'nextWorkableAt' | 'blockedRuleId' | 'blockedReasonCode' | 'blockedReasonParams'
  >
>;

export async function buildCase(
  db: Database,
  options: Partial<typeof s.cases.$inferInsert> & {
    portfolioId: string;
    debtorId?: string;
    queue?: QueueValues;
  },
) {
  const { queue, ...values } = options;
  const debtorId = values.debtorId ?? (await buildDebtor(db)).id;
  const principal = values.principalMinor ?? 100_000;
  const [row] = await db
    .insert(s.cases)
    .values({
      accountRef: `ACC-${String(next()).padStart(6, '0')}`,
      currency: 'USD',
      originalPrincipalMinor: principal,
      principalMinor: principal,
      balanceMinor: principal,
      dueDate: '2026-09-01',
      placedAt: new Date('2026-10-01T00:00:00Z'),
      ...values,
      debtorId,
    })
    .returning();
  if (queue) await setQueueValues(db, row!.id, queue);
  return row!;
}

const PHONE_KINDS = new Set(['mobile', 'landline', 'work_phone']);

/** Stores judged queue columns on a case's queue row directly, as a test's fixture. */
export async function setQueueValues(db: Database, caseId: string, values: QueueValues): Promise<void> {
  await db.update(s.caseQueueState).set(values).where(eq(s.caseQueueState.caseId, caseId));
}

/** A case with its queue row (case_queue_state) merged in: the record, and what the queues store of it. */
export async function caseAndQueue(db: Database, caseId: string) {
  const [row] = await db
    .select({ record: s.cases, queue: s.caseQueueState })
    .from(s.cases)
    .innerJoin(s.caseQueueState, eq(s.caseQueueState.caseId, s.cases.id))
    .where(eq(s.cases.id, caseId));
  if (!row) throw new Error(`case ${caseId} or its queue row not found`);
  return { ...row.queue, ...row.record };
}

export async function buildContactPoint(
  db: Database,
  debtorId: string,
  options: Partial<typeof s.contactPoints.$inferInsert> = {},
) {
  const n = next();
  const kind = options.kind ?? 'mobile';
  const value =
    kind === 'email'
      ? `debtor${n}@example.test`
      : kind.endsWith('address')
        ? `${n} Main Street, Springfield`
        : `+1555${String(n).padStart(7, '0')}`;
  const [point] = await db
    .insert(s.contactPoints)
    .values({
      debtorId,
      kind,
      value,
      consentAutodial: kind === 'mobile',
      consentSms: kind === 'mobile',
      // Checked against the reassigned-numbers database before the tests' clocks (October to December 2026), so
      // texts pass US-REGF-REASSIGNED unless a test says otherwise.
      reassignedCheckedAt: PHONE_KINDS.has(kind) ? new Date('2026-10-15T00:00:00Z') : null,
      ...options,
    })
    .returning();
  return point!;
}

/** One row of the contact log of `caseRow`: an outbound, unanswered call unless told otherwise. */
export async function buildContact(
  db: Database,
  caseRow: { id: string; debtorId: string },
  options: Partial<typeof s.contactLog.$inferInsert> & { occurredAt: Date },
) {
  const [row] = await db
    .insert(s.contactLog)
    .values({
      caseId: caseRow.id,
      debtorId: caseRow.debtorId,
      caseIds: [caseRow.id],
      kind: 'call',
      direction: 'outbound',
      outcome: 'no_answer',
      ...options,
    })
    .returning();
  await stampContactInsight(db, row!.id);
  return row!;
}

export async function buildDispute(
  db: Database,
  caseId: string,
  options: Partial<typeof s.disputes.$inferInsert> & { receivedAt: Date },
) {
  const [row] = await db
    .insert(s.disputes)
    .values({ caseId, reason: 'The debtor says the amount is wrong', ...options })
    .returning();
  return row!;
}

export async function buildOptOut(
  db: Database,
  debtorId: string,
  options: Partial<typeof s.optOuts.$inferInsert> & { at: Date },
) {
  const [row] = await db
    .insert(s.optOuts)
    .values({ debtorId, ...options })
    .returning();
  return row!;
}

export async function buildThirdParty(
  db: Database,
  debtorId: string,
  options: Partial<typeof s.thirdParties.$inferInsert> = {},
) {
  const [row] = await db
    .insert(s.thirdParties)
    .values({ debtorId, name: `Neighbour ${next()}`, relationship: 'neighbor', ...options })
    .returning();
  return row!;
}

export async function buildAgency(db: Database, options: Partial<typeof s.agencies.$inferInsert> = {}) {
  const [row] = await db
    .insert(s.agencies)
    .values({ name: `Agency ${next()}`, commissionBps: 2500, ...options })
    .returning();
  return row!;
}

/**
 * An escalation request; `status: 'approved'` with `decidedBy` is what POL-APPROVAL reads. A decided request
 * without `decidedAt` is decided when built: the tests' clocks are fixed before the real one, so such an approval
 * is still usable at any of them (an approval lapses a period after its decision, decision record 026).
 */
export async function buildEscalation(
  db: Database,
  options: Partial<typeof s.escalationRequests.$inferInsert> & {
    caseId: string;
    kind: (typeof s.escalationRequests.$inferInsert)['kind'];
    requestedBy: string;
  },
) {
  const [row] = await db
    .insert(s.escalationRequests)
    .values({
      requestReason: 'The debtor has not answered for weeks',
      ...(options.status !== undefined && options.status !== 'pending' ? { decidedAt: new Date() } : {}),
      ...options,
    })
    .returning();
  return row!;
}

/**
 * A case worked by compliance tests: a team with an agent and its supervisor, a portfolio, a debtor in
 * New York (explicit zone) with a consenting mobile, and an active case assigned to the agent.
 */
export async function buildWorkedCase(
  db: Database,
  options: {
    debtor?: Partial<typeof s.debtors.$inferInsert>;
    case?: Partial<typeof s.cases.$inferInsert>;
    portfolio?: Parameters<typeof buildPortfolio>[1];
  } = {},
) {
  const team = await buildTeam(db);
  const agent = await buildUser(db, 'agent', { teamId: team.id });
  const supervisor = await buildUser(db, 'supervisor', { supervises: [team.id] });
  const portfolio = await buildPortfolio(db, options.portfolio);
  const debtor = await buildDebtor(db, { explicitTimeZone: 'America/New_York', ...options.debtor });
  const caseRow = await buildCase(db, {
    portfolioId: portfolio.id,
    teamId: team.id,
    assignedAgentId: agent.id,
    ...options.case,
    debtorId: debtor.id,
  });
  const mobile = await buildContactPoint(db, debtor.id, { kind: 'mobile' });
  return { team, agent, supervisor, portfolio, debtor, caseRow, mobile };
}

/** Awaits a guarded call that must be refused; returns the error and the decision row the refusal left. */
export async function refusedAttempt(db: Database, attempt: Promise<unknown>) {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) {
    throw new Error(`expected a refusal, got ${error === null ? 'success' : String(error)}`);
  }
  const decisionId = error.details?.decisionId as number | undefined;
  const [decision] =
    decisionId === undefined
      ? []
      : await db.select().from(s.complianceDecisions).where(eq(s.complianceDecisions.id, decisionId));
  return { error, decision: decision ?? null };
}

/** A payment row as the ledger keeps it, allocated as given (fees, interest, principal). */
export async function buildPayment(
  db: Database,
  caseId: string,
  options: Partial<typeof s.payments.$inferInsert> & { amountMinor: number; receivedAt: Date },
) {
  const [row] = await db
    .insert(s.payments)
    .values({
      caseId,
      currency: 'USD',
      method: 'card',
      idempotencyKey: `pay-${next()}-${Date.now()}`,
      allocatedPrincipalMinor: options.amountMinor,
      ...options,
    })
    .returning();
  return row!;
}

/** A pending promise to pay on `dueDate`. */
export async function buildPromise(
  db: Database,
  caseId: string,
  options: Partial<typeof s.promises.$inferInsert> & { amountMinor: number; dueDate: string },
) {
  const [row] = await db
    .insert(s.promises)
    .values({ caseId, currency: 'USD', ...options })
    .returning();
  return row!;
}

/** A payment plan row (its installments are `buildPromise`s with `paymentPlanId`). */
export async function buildPlan(
  db: Database,
  caseId: string,
  options: Partial<typeof s.paymentPlans.$inferInsert> & { startDate: string; createdAt: Date },
) {
  const [row] = await db
    .insert(s.paymentPlans)
    .values({
      caseId,
      totalMinor: 30_000,
      currency: 'USD',
      installmentCount: 3,
      frequency: 'weekly',
      ...options,
    })
    .returning();
  return row!;
}

/** A refused contact left no trace on the case: no contact, no decision, the version unmoved (a fresh case's 1). */
export async function expectNothingWritten(db: Database, caseId: string): Promise<void> {
  const [contacts] = await db
    .select({ n: count() })
    .from(s.contactLog)
    .where(eq(s.contactLog.caseId, caseId));
  const [decisions] = await db
    .select({ n: count() })
    .from(s.complianceDecisions)
    .where(eq(s.complianceDecisions.caseId, caseId));
  const [row] = await db.select({ version: s.cases.version }).from(s.cases).where(eq(s.cases.id, caseId));
  expect({ contacts: contacts!.n, decisions: decisions!.n, version: row!.version }).toEqual({
    contacts: 0,
    decisions: 0,
    version: 1,
  });
}
