import { splitInstallments } from '@arrears/shared/domain/allocation';
import { planDueDates } from '@arrears/shared/domain/promise-state';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { recordPlanInput, recordPlanOutput } from '@arrears/shared/schemas/payments';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { paymentPlans, promises } from '../../db/schema/index.ts';
import { invalidField } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { endActivePlans, supersedePending } from './arrangements.ts';
import { type MoneyWrite, writeArrangement } from './money-checks.ts';
import { toPlanView, toPromiseView } from './payments.queries.ts';
import { requireDateAhead } from './promises.service.ts';

/**
 * Records a payment plan and its installments, each a promise due on the plan's schedule. The total is split
 * into equal whole minor units with the remainder on the last installment. A plan replaces the arrangement
 * before it: the active plan becomes `cancelled`, and every pending promise (standalone or installment) too.
 */
export function recordPlan(
  db: Database,
  write: MoneyWrite<z.output<typeof recordPlanInput>>,
): Promise<z.output<typeof recordPlanOutput>> {
  const { user, input, now, ip } = write;
  const amount = { what: 'plan', field: 'totalMinor', amountMinor: input.totalMinor } as const;
  return writeArrangement(db, write, amount, async ({ tx, caseRow, calendar }) => {
    if (input.totalMinor < input.installmentCount) {
      throw invalidField(
        'totalMinor',
        errorMessage('plan.cannotSplit', {
          total: input.totalMinor,
          currency: caseRow.currency,
          count: input.installmentCount,
        }),
      );
    }
    requireDateAhead('startDate', input.startDate, calendar);

    const base = { caseId: caseRow.id, now, actorId: user.id, ip };
    const supersededPromiseIds = await supersedePending(tx, { ...base, standaloneOnly: false });
    const supersededPlans = await endActivePlans(tx, {
      ...base,
      status: 'cancelled',
      reason: 'superseded by a new plan',
    });

    const [plan] = await tx
      .insert(paymentPlans)
      .values({
        caseId: caseRow.id,
        totalMinor: input.totalMinor,
        currency: input.currency,
        installmentCount: input.installmentCount,
        frequency: input.frequency,
        startDate: input.startDate,
        createdBy: user.id,
        createdAt: now,
      })
      .returning();
    const amounts = splitInstallments(input.totalMinor, input.installmentCount);
    const dueDates = planDueDates(input.startDate, input.installmentCount, input.frequency);
    const inserted = await tx
      .insert(promises)
      .values(
        amounts.map((amountMinor, n) => ({
          caseId: caseRow.id,
          paymentPlanId: plan!.id,
          amountMinor,
          currency: input.currency,
          dueDate: dueDates[n]!,
          createdBy: user.id,
          createdAt: now,
        })),
      )
      .returning();
    const installments = inserted.sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
    await recordAudit(tx, {
      actorId: user.id,
      action: 'payment_plan.record',
      entityType: 'payment_plan',
      entityId: plan!.id,
      caseId: caseRow.id,
      after: {
        ...toPlanView(plan!),
        zone: calendar.zone,
        installments: installments.map((p) => ({
          id: p.id,
          amountMinor: p.amountMinor,
          dueDate: p.dueDate,
        })),
        supersededPlanIds: supersededPlans,
        supersededPromiseIds,
      },
      ip,
    });
    return {
      plan: toPlanView(plan!),
      installments: installments.map((row, n) => toPromiseView(row, plan!, n + 1)),
      supersededPlanIds: supersededPlans,
      supersededPromiseIds,
    };
  });
}
