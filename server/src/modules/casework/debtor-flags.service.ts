import { type ErrorMessage, errorMessage } from '@arrears/shared/errors/messages';
import type {
  recordAttorneyInput,
  recordBankruptcyInput,
  recordCeaseInput,
  recordDeathInput,
} from '@arrears/shared/schemas/casework';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Transaction } from '../../db/client.ts';
import { debtors } from '../../db/schema/index.ts';
import { type CaseInput, caseEvent, conflict, type EventOptions, pastInstant } from './case-event.ts';

/**
 * Facts about the debtor that stop collection on every one of their debts the moment they are recorded: the
 * compliance guard reads these columns on its next decision (US-FDCPA-CEASE, US-FDCPA-ATTY, US-BK-STAY,
 * US-REGF-DECEASED). Each is audited with the value before and after.
 */
async function currentDebtor(tx: Transaction, debtorId: string) {
  const [debtor] = await tx.select().from(debtors).where(eq(debtors.id, debtorId));
  return debtor!;
}

/** Sets columns of the debtor, stamping the change on its `updatedAt`. */
async function updateDebtor(
  tx: Transaction,
  debtorId: string,
  now: Date,
  set: Partial<typeof debtors.$inferInsert>,
) {
  await tx
    .update(debtors)
    .set({ ...set, updatedAt: now })
    .where(eq(debtors.id, debtorId));
}

/** The one-time instants on the debtor: once recorded they stand, and a second recording is a conflict. */
type DebtorInstantFlag = 'ceaseRequestedAt' | 'bankruptcyFiledAt' | 'deceasedAt';

interface DebtorInstant {
  column: DebtorInstantFlag;
  at: Date;
  action: string;
  alreadyOnFile: (since: Date) => ErrorMessage;
  /** Set for what reached the agency about this case (a cease letter); a filing or a death may predate it. */
  effectiveAt?: { field: string; at: Date };
}

/** The event that sets one of the debtor's one-time instants on every debt of the debtor, audited with when it took effect. */
function debtorInstantEvent<Input extends CaseInput>(
  describe: (options: EventOptions<Input>) => DebtorInstant,
) {
  return caseEvent<Input>((options) => {
    const flag = describe(options);
    const { now } = options;
    return {
      reach: 'debtor',
      ...(flag.effectiveAt ? { effectiveAt: flag.effectiveAt } : {}),
      write: async (tx, caseRow) => {
        const debtor = await currentDebtor(tx, caseRow.debtorId);
        const since = debtor[flag.column];
        if (since) throw conflict(flag.alreadyOnFile(since));
        await updateDebtor(tx, debtor.id, now, { [flag.column]: flag.at });
        return {
          action: flag.action,
          entityType: 'debtor',
          entityId: debtor.id,
          after: { at: now.toISOString(), effectiveAt: flag.at.toISOString() },
        };
      },
    };
  });
}

/** A written refusal to pay or request to stop (FDCPA 1692c(c)); the first one on file stands. */
export const recordCease = debtorInstantEvent<z.output<typeof recordCeaseInput>>(({ input, now }) => {
  const receivedAt = pastInstant('receivedAt', input.receivedAt, now);
  return {
    column: 'ceaseRequestedAt',
    at: receivedAt,
    effectiveAt: { field: 'receivedAt', at: receivedAt },
    action: 'casework.cease',
    alreadyOnFile: (since) => errorMessage('cease.alreadyOnFile', { since: since.toISOString() }),
  };
});

/** The debtor is represented for this debt (FDCPA 1692c(a)(2)); a new attorney replaces the one on file. */
export const recordAttorney = caseEvent<z.output<typeof recordAttorneyInput>>(({ input, now }) => ({
  reach: 'debtor',
  write: async (tx, caseRow) => {
    const debtor = await currentDebtor(tx, caseRow.debtorId);
    await updateDebtor(tx, debtor.id, now, {
      attorneyName: input.name,
      attorneyContact: input.contact,
      attorneySince: now,
    });
    return {
      action: 'casework.attorney',
      entityType: 'debtor',
      entityId: debtor.id,
      before:
        debtor.attorneyName === null ? null : { name: debtor.attorneyName, contact: debtor.attorneyContact },
      after: { at: now.toISOString(), name: input.name, contact: input.contact },
    };
  },
}));

/** A bankruptcy petition on file: the automatic stay (11 USC 362) stops collection of every debt. */
export const recordBankruptcy = debtorInstantEvent<z.output<typeof recordBankruptcyInput>>(
  ({ input, now }) => ({
    column: 'bankruptcyFiledAt',
    at: pastInstant('filedAt', input.filedAt, now),
    action: 'casework.bankruptcy',
    alreadyOnFile: (since) => errorMessage('bankruptcy.alreadyOnFile', { since: since.toISOString() }),
  }),
);

/** The debtor died (the date of death when known, else now): only the estate may be contacted from now on. */
export const recordDeath = debtorInstantEvent<z.output<typeof recordDeathInput>>(({ input, now }) => ({
  column: 'deceasedAt',
  at: pastInstant('diedAt', input.diedAt, now),
  action: 'casework.death',
  alreadyOnFile: () => errorMessage('death.alreadyOnFile'),
}));
