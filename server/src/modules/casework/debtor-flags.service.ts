import type {
  CaseEventOutput,
  recordAttorneyInput,
  recordBankruptcyInput,
  recordCeaseInput,
  recordDeathInput,
} from '@arrears/shared/schemas/casework';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Transaction } from '../../db/client.ts';
import { debtors } from '../../db/schema/index.ts';
import { conflict, type EventOptions, pastInstant, writeCaseEvent } from './case-event.ts';

/**
 * Facts about the debtor that stop collection on every one of their debts the moment they are recorded: the
 * compliance guard reads these columns on its next decision (US-FDCPA-CEASE, US-FDCPA-ATTY, US-BK-STAY,
 * US-REGF-DECEASED). Each is audited with the value before and after.
 */
type Options<S extends z.ZodType> = EventOptions<z.output<S>>;

async function currentDebtor(tx: Transaction, debtorId: string) {
  const [debtor] = await tx.select().from(debtors).where(eq(debtors.id, debtorId));
  return debtor!;
}

/** The one-time instants on the debtor: once recorded they stand, and a second recording is a conflict. */
type DebtorInstantFlag = 'ceaseRequestedAt' | 'bankruptcyFiledAt' | 'deceasedAt';

/** Sets one of the debtor's one-time instants on every debt of the debtor, audited with when it took effect. */
function recordDebtorInstant(
  db: Database,
  options: EventOptions<{ caseId: string; expectedVersion?: number | undefined }>,
  flag: {
    column: DebtorInstantFlag;
    at: Date;
    action: string;
    alreadyOnFile: (since: Date) => string;
    /** Set for what reached the agency about this case (a cease letter); a filing or a death may predate it. */
    effectiveAt?: { field: string; at: Date };
  },
): Promise<CaseEventOutput> {
  const { input, now } = options;
  return writeCaseEvent(db, {
    ...options,
    caseId: input.caseId,
    expectedVersion: input.expectedVersion,
    reach: 'debtor',
    ...(flag.effectiveAt ? { effectiveAt: flag.effectiveAt } : {}),
    write: async (tx, caseRow) => {
      const debtor = await currentDebtor(tx, caseRow.debtorId);
      const since = debtor[flag.column];
      if (since) throw conflict(flag.alreadyOnFile(since));
      await tx
        .update(debtors)
        .set({ [flag.column]: flag.at, updatedAt: now })
        .where(eq(debtors.id, debtor.id));
      return {
        id: debtor.id,
        audit: {
          action: flag.action,
          entityType: 'debtor',
          entityId: debtor.id,
          after: { at: now.toISOString(), effectiveAt: flag.at.toISOString() },
        },
      };
    },
  });
}

/** A written refusal to pay or request to stop (FDCPA 1692c(c)); the first one on file stands. */
export function recordCease(
  db: Database,
  options: Options<typeof recordCeaseInput>,
): Promise<CaseEventOutput> {
  const receivedAt = pastInstant('receivedAt', options.input.receivedAt, options.now);
  return recordDebtorInstant(db, options, {
    column: 'ceaseRequestedAt',
    at: receivedAt,
    effectiveAt: { field: 'receivedAt', at: receivedAt },
    action: 'casework.cease',
    alreadyOnFile: (since) => `A cease request is already on file since ${since.toISOString()}`,
  });
}

/** The debtor is represented for this debt (FDCPA 1692c(a)(2)); a new attorney replaces the one on file. */
export function recordAttorney(
  db: Database,
  options: Options<typeof recordAttorneyInput>,
): Promise<CaseEventOutput> {
  const { input, now } = options;
  return writeCaseEvent(db, {
    ...options,
    caseId: input.caseId,
    expectedVersion: input.expectedVersion,
    reach: 'debtor',
    write: async (tx, caseRow) => {
      const debtor = await currentDebtor(tx, caseRow.debtorId);
      const after = { attorneyName: input.name, attorneyContact: input.contact, attorneySince: now };
      await tx
        .update(debtors)
        .set({ ...after, updatedAt: now })
        .where(eq(debtors.id, debtor.id));
      return {
        id: debtor.id,
        audit: {
          action: 'casework.attorney',
          entityType: 'debtor',
          entityId: debtor.id,
          before:
            debtor.attorneyName === null
              ? null
              : { name: debtor.attorneyName, contact: debtor.attorneyContact },
          after: { at: now.toISOString(), name: input.name, contact: input.contact },
        },
      };
    },
  });
}

/** A bankruptcy petition on file: the automatic stay (11 USC 362) stops collection of every debt. */
export function recordBankruptcy(
  db: Database,
  options: Options<typeof recordBankruptcyInput>,
): Promise<CaseEventOutput> {
  return recordDebtorInstant(db, options, {
    column: 'bankruptcyFiledAt',
    at: pastInstant('filedAt', options.input.filedAt, options.now),
    action: 'casework.bankruptcy',
    alreadyOnFile: (since) => `A bankruptcy filed ${since.toISOString()} is already on file`,
  });
}

/** The debtor died (the date of death when known, else now): only the estate may be contacted from now on. */
export function recordDeath(
  db: Database,
  options: Options<typeof recordDeathInput>,
): Promise<CaseEventOutput> {
  return recordDebtorInstant(db, options, {
    column: 'deceasedAt',
    at: pastInstant('diedAt', options.input.diedAt, options.now),
    action: 'casework.death',
    alreadyOnFile: () => 'The debtor is already recorded as deceased',
  });
}
