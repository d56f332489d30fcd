import { addDays } from '@arrears/shared/domain/calendar';
import type { DebtorCalendar } from '@arrears/shared/domain/promise-state';
import { errorMessage } from '@arrears/shared/errors/messages';
import {
  MAX_DAYS_AHEAD,
  type recordPromiseInput,
  type recordPromiseOutput,
} from '@arrears/shared/schemas/payments';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { promises } from '../../db/schema/index.ts';
import { invalidField } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { supersedePending } from './arrangements.ts';
import { type MoneyWrite, writeArrangement } from './money-checks.ts';
import { toPromiseView } from './payments.queries.ts';

/** A promise date is a day of the debtor's calendar, from their today to 90 days out. */
export function requireDateAhead(field: string, date: string, calendar: DebtorCalendar): void {
  if (date < calendar.today) {
    throw invalidField(
      field,
      errorMessage('promise.dateInPast', { date, today: calendar.today, zone: calendar.zone }),
    );
  }
  const latest = addDays(calendar.today, MAX_DAYS_AHEAD);
  if (date > latest) {
    throw invalidField(field, errorMessage('promise.dateTooFar', { date, maxDays: MAX_DAYS_AHEAD, latest }));
  }
}

/**
 * Records a promise to pay. A case has at most one pending standalone promise: a new one supersedes it (the
 * old one becomes `cancelled`), because the debtor's latest word is the one the agent follows up on.
 */
export function recordPromise(
  db: Database,
  write: MoneyWrite<z.output<typeof recordPromiseInput>>,
): Promise<z.output<typeof recordPromiseOutput>> {
  const { user, input, now, ip } = write;
  const amount = { what: 'promise', field: 'amountMinor', amountMinor: input.amountMinor } as const;
  return writeArrangement(db, write, amount, async ({ tx, caseRow, calendar }) => {
    requireDateAhead('dueDate', input.dueDate, calendar);
    const base = { caseId: caseRow.id, now, actorId: user.id, ip };
    const supersededPromiseIds = await supersedePending(tx, { ...base, standaloneOnly: true });
    const [row] = await tx
      .insert(promises)
      .values({
        caseId: caseRow.id,
        amountMinor: input.amountMinor,
        currency: input.currency,
        dueDate: input.dueDate,
        createdBy: user.id,
        // The clock of the request, not the database's: kept/broken counts payments from this instant.
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, {
      actorId: user.id,
      action: 'promise.record',
      entityType: 'promise',
      entityId: row!.id,
      caseId: caseRow.id,
      after: {
        amountMinor: row!.amountMinor,
        currency: row!.currency,
        dueDate: row!.dueDate,
        zone: calendar.zone,
        supersededPromiseIds,
      },
      ip,
    });
    return { promise: toPromiseView(row!, null, 0), supersededPromiseIds };
  });
}
