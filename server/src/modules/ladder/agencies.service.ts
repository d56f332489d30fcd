import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type {
  AgencyChoice,
  AgencyTotals,
  AgencyView,
  agencyPaymentOutput,
  createAgencyInput,
  listPlacementsInput,
  PlacementView,
  placementsPage,
  recallPlacementInput,
  recordAgencyPaymentInput,
  updateAgencyInput,
} from '@arrears/shared/schemas/ladder';
import { and, asc, desc, eq, lt, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { agencies, agencyCommissions, agencyPlacements, cases } from '../../db/schema/index.ts';
import { AppError, invalidField } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { withCase } from '../case-core/case-core.service.ts';
import { caseScope, findCaseInScope } from '../cases/cases.service.ts';
import { isUniqueViolation, recordPayment } from '../payments/payment.service.ts';

interface Write<Input> {
  user: SessionUser;
  input: Input;
  now: Date;
  ip: string | null;
}

/** Commission on an amount: basis points, rounded half up, exact in integers. */
export function commissionOn(amountMinor: number, commissionBps: number): number {
  return Number((BigInt(amountMinor) * BigInt(commissionBps) + 5_000n) / 10_000n);
}

/**
 * Every agency with its totals per currency over the placements of cases in the caller's scope (a supervisor sees
 * their teams' placements, managers and admins all): placed and recalled balances at placement, collected,
 * commission owed.
 */
/** Every agency by name, with its rate: what a case worker chooses from when placing an approved case. */
export async function agencyChoices(db: Executor): Promise<AgencyChoice[]> {
  return db
    .select({ id: agencies.id, name: agencies.name, commissionBps: agencies.commissionBps })
    .from(agencies)
    .orderBy(asc(agencies.name));
}

export async function listAgencies(db: Executor, user: SessionUser): Promise<AgencyView[]> {
  const [rows, totals] = await Promise.all([
    db.select().from(agencies).orderBy(asc(agencies.name)),
    db
      .select({
        agencyId: agencyPlacements.agencyId,
        currency: agencyPlacements.currency,
        placedCount: sql<number>`(count(*) filter (where ${agencyPlacements.status} = 'placed'))::int`,
        placedBalanceMinor: sql<number>`coalesce(sum(${agencyPlacements.balanceAtPlacementMinor}) filter (where ${agencyPlacements.status} = 'placed'), 0)::bigint`,
        heldBalanceMinor: sql<number>`coalesce(sum(${cases.balanceMinor}) filter (where ${agencyPlacements.status} = 'placed'), 0)::bigint`,
        recalledCount: sql<number>`(count(*) filter (where ${agencyPlacements.status} = 'recalled'))::int`,
        recalledBalanceMinor: sql<number>`coalesce(sum(${agencyPlacements.balanceAtPlacementMinor}) filter (where ${agencyPlacements.status} = 'recalled'), 0)::bigint`,
        collectedMinor: sql<number>`coalesce(sum(m.collected), 0)::bigint`,
        commissionMinor: sql<number>`coalesce(sum(m.commission), 0)::bigint`,
      })
      .from(agencyPlacements)
      .innerJoin(cases, eq(cases.id, agencyPlacements.caseId))
      .leftJoin(moneyPerPlacement(), sql`m.placement_id = ${agencyPlacements.id}`)
      .where(caseScope(user))
      .groupBy(agencyPlacements.agencyId, agencyPlacements.currency)
      .orderBy(agencyPlacements.currency),
  ]);
  return rows.map((a) => ({
    id: a.id,
    name: a.name,
    commissionBps: a.commissionBps,
    createdAt: a.createdAt.toISOString(),
    totals: totals
      .filter((t) => t.agencyId === a.id)
      .map(
        ({ agencyId: _, ...t }): AgencyTotals => ({
          ...t,
          placedBalanceMinor: Number(t.placedBalanceMinor),
          heldBalanceMinor: Number(t.heldBalanceMinor),
          recalledBalanceMinor: Number(t.recalledBalanceMinor),
          collectedMinor: Number(t.collectedMinor),
          commissionMinor: Number(t.commissionMinor),
        }),
      ),
  }));
}

/** Collected and commission per placement, from the stored commissions (one per agency payment). */
function moneyPerPlacement() {
  return sql`(select placement_id, sum(amount_minor) as collected, sum(commission_minor) as commission
              from agency_commissions group by placement_id) m`;
}

export async function createAgency(
  db: Database,
  { user, input, ip }: Write<z.output<typeof createAgencyInput>>,
): Promise<AgencyView> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(agencies).values(input).returning();
      await recordAudit(tx, {
        actorId: user.id,
        action: 'agency.create',
        entityType: 'agency',
        entityId: row!.id,
        after: input,
        ip,
      });
      return {
        id: row!.id,
        name: row!.name,
        commissionBps: row!.commissionBps,
        createdAt: row!.createdAt.toISOString(),
        totals: [],
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'agencies_name_unique')) {
      throw new AppError('CONFLICT', errorMessage('agency.nameTaken', { name: input.name }));
    }
    throw error;
  }
}

/** A new commission applies to placements made from now on; a placement keeps the rate it was made at. */
export async function updateAgency(
  db: Database,
  { user, input, ip }: Write<z.output<typeof updateAgencyInput>>,
): Promise<{ id: string; commissionBps: number }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(agencies).where(eq(agencies.id, input.agencyId)).for('update');
    if (!current) throw new AppError('NOT_FOUND', errorMessage('agency.notFound'));
    await tx
      .update(agencies)
      .set({ commissionBps: input.commissionBps })
      .where(eq(agencies.id, input.agencyId));
    await recordAudit(tx, {
      actorId: user.id,
      action: 'agency.update',
      entityType: 'agency',
      entityId: current.id,
      before: { commissionBps: current.commissionBps },
      after: { commissionBps: input.commissionBps },
      ip,
    });
    return { id: current.id, commissionBps: input.commissionBps };
  });
}

/** Placements of cases in the caller's scope, newest first, keyset-paged. */
export async function listPlacements(
  db: Executor,
  user: SessionUser,
  input: z.output<typeof listPlacementsInput>,
): Promise<z.output<typeof placementsPage>> {
  const filters: Array<SQL | undefined> = [
    caseScope(user),
    input.agencyId ? eq(agencyPlacements.agencyId, input.agencyId) : undefined,
    input.caseId ? eq(agencyPlacements.caseId, input.caseId) : undefined,
    input.status ? eq(agencyPlacements.status, input.status) : undefined,
  ];
  if (input.after) {
    const placedAt = new Date(input.after.placedAt);
    filters.push(
      or(
        lt(agencyPlacements.placedAt, placedAt),
        and(eq(agencyPlacements.placedAt, placedAt), lt(agencyPlacements.id, input.after.id)),
      ),
    );
  }
  const rows = await db
    .select({
      p: agencyPlacements,
      accountRef: cases.accountRef,
      balanceMinor: cases.balanceMinor,
      caseVersion: cases.version,
      agencyName: agencies.name,
      collectedMinor: sql<string>`coalesce(m.collected, 0)::bigint`,
      commissionMinor: sql<string>`coalesce(m.commission, 0)::bigint`,
    })
    .from(agencyPlacements)
    .innerJoin(cases, eq(cases.id, agencyPlacements.caseId))
    .innerJoin(agencies, eq(agencies.id, agencyPlacements.agencyId))
    .leftJoin(moneyPerPlacement(), sql`m.placement_id = ${agencyPlacements.id}`)
    .where(and(...filters))
    .orderBy(desc(agencyPlacements.placedAt), desc(agencyPlacements.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit).map(
    (r): PlacementView => ({
      id: r.p.id,
      caseId: r.p.caseId,
      accountRef: r.accountRef,
      agencyId: r.p.agencyId,
      agencyName: r.agencyName,
      status: r.p.status,
      currency: r.p.currency,
      balanceAtPlacementMinor: r.p.balanceAtPlacementMinor,
      balanceMinor: r.balanceMinor,
      collectedMinor: Number(r.collectedMinor),
      commissionMinor: Number(r.commissionMinor),
      commissionBps: r.p.commissionBps,
      placedAt: r.p.placedAt.toISOString(),
      recalledAt: r.p.recalledAt?.toISOString() ?? null,
      recallReason: r.p.recallReason,
      caseVersion: r.caseVersion,
    }),
  );
  const last = page.at(-1);
  return {
    rows: page,
    next: rows.length > input.limit && last ? { placedAt: last.placedAt, id: last.id } : null,
  };
}

/** The placement, if its case is in the caller's scope; out of scope answers NOT_FOUND like a missing one. */
async function placementInScope(db: Executor, user: SessionUser, placementId: string) {
  const [placement] = await db.select().from(agencyPlacements).where(eq(agencyPlacements.id, placementId));
  if (!placement) throw new AppError('NOT_FOUND', errorMessage('placement.notFound'));
  try {
    await findCaseInScope(db, user, placement.caseId);
  } catch {
    throw new AppError('NOT_FOUND', errorMessage('placement.notFound'));
  }
  return placement;
}

/**
 * A supervisor takes the case back from the agency: the placement is recalled with the reason, and the case returns
 * to the agent rung (and the queues). Under the case's money locks, so a payment being recorded lands first.
 */
export async function recallPlacement(
  db: Database,
  { user, input, now, ip }: Write<z.output<typeof recallPlacementInput>>,
): Promise<PlacementView> {
  const found = await placementInScope(db, user, input.placementId);
  await withCase(
    { db, actor: user, caseId: found.caseId, now, read: 'row for update' },
    async ({ tx, caseRow }) => {
      const [placement] = await tx
        .select()
        .from(agencyPlacements)
        .where(eq(agencyPlacements.id, input.placementId))
        .for('update');
      if (placement!.status !== 'placed') {
        throw new AppError(
          'CONFLICT',
          errorMessage('placement.alreadyInStatus', { status: placement!.status }),
        );
      }
      await tx
        .update(agencyPlacements)
        .set({ status: 'recalled', recalledAt: now, recallReason: input.reason })
        .where(eq(agencyPlacements.id, placement!.id));
      const stage = caseRow.stage === 'agency' ? ('agent' as const) : caseRow.stage;
      await recordAudit(tx, {
        actorId: user.id,
        action: 'agency.recall',
        entityType: 'agency_placement',
        entityId: placement!.id,
        caseId: caseRow.id,
        before: { status: placement!.status, stage: caseRow.stage },
        after: { status: 'recalled', stage, recalledAt: now.toISOString(), reason: input.reason },
        ip,
      });
      return { value: null, changes: { stage } };
    },
  );
  const { rows } = await listPlacements(db, user, { caseId: found.caseId, limit: 200 });
  return rows.find((r) => r.id === input.placementId)!;
}

/**
 * Records a collection the agency reported as a payment on the case (method `agency`, tied to the placement),
 * through the payments module: allocated fees → interest → principal, balance lowered, promises kept, idempotent on
 * the agency's reference. Its commission (the placement's rate) is stored with it in the same transaction.
 */
export async function recordAgencyPayment(
  db: Database,
  { user, input, now, ip }: Write<z.output<typeof recordAgencyPaymentInput>>,
): Promise<z.output<typeof agencyPaymentOutput>> {
  const placement = await placementInScope(db, user, input.placementId);
  const receivedAt = new Date(input.receivedAt);
  if (receivedAt < placement.placedAt) {
    throw invalidField('receivedAt', errorMessage('placement.collectedBeforePlacement'));
  }
  if (placement.recalledAt !== null && receivedAt > placement.recalledAt) {
    throw new AppError('PRECONDITION_FAILED', errorMessage('placement.collectedAfterRecall'));
  }
  if (placement.status === 'closed') {
    throw new AppError('PRECONDITION_FAILED', errorMessage('placement.closed'));
  }
  const commissionMinor = commissionOn(input.amountMinor, placement.commissionBps);
  const result = await recordPayment(
    db,
    {
      user,
      now,
      ip,
      input: {
        caseId: placement.caseId,
        amountMinor: input.amountMinor,
        currency: input.currency,
        method: 'agency',
        receivedAt: input.receivedAt,
        idempotencyKey: `agency:${placement.id}:${input.reference}`,
      },
    },
    {
      agencyPlacementId: placement.id,
      onRecorded: async (tx, payment) => {
        await tx.insert(agencyCommissions).values({
          paymentId: payment.id,
          placementId: placement.id,
          agencyId: placement.agencyId,
          amountMinor: payment.amountMinor,
          commissionMinor,
          currency: payment.currency,
          commissionBps: placement.commissionBps,
          reference: input.reference,
        });
        await recordAudit(tx, {
          actorId: user.id,
          action: 'agency.payment',
          entityType: 'agency_placement',
          entityId: placement.id,
          caseId: placement.caseId,
          after: {
            paymentId: payment.id,
            amountMinor: payment.amountMinor,
            currency: payment.currency,
            commissionMinor,
            commissionBps: placement.commissionBps,
            reference: input.reference,
          },
          ip,
        });
      },
    },
  );
  const [stored] = await db
    .select({ commissionMinor: agencyCommissions.commissionMinor })
    .from(agencyCommissions)
    .where(eq(agencyCommissions.paymentId, result.payment.id));
  return {
    paymentId: result.payment.id,
    replayed: result.replayed,
    commissionMinor: stored?.commissionMinor ?? commissionMinor,
    currency: result.payment.currency,
    balanceMinor: result.case.balanceMinor,
  };
}
