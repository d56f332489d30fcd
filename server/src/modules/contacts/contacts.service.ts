import { outsideWindow, pastContactWindow } from '@arrears/shared/domain/recording-window';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type {
  ContactRecordedOutput,
  contactThirdPartyInput,
  logCallInput,
} from '@arrears/shared/schemas/contacts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { thirdParties } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import type { CaseFacts } from '../compliance/compliance.service.ts';
import {
  recordContact,
  runGuarded,
  runLocked,
  targetPoint,
  thirdPartyFacts,
} from '../compliance/compliance.service.ts';

interface ServiceOptions<Input> {
  user: SessionUser;
  input: Input;
  now: Date;
}

/**
 * A person logs a call only inside the window of decision record 020 (the agent's working day, not before the
 * case's placement, not in the future); checked once the case is read, before anything is judged or written.
 */
function checkCallInstant(at: Date, now: Date, user: SessionUser, caseFacts: CaseFacts): void {
  const window = pastContactWindow({ now, agentZone: user.timeZone, placedAt: caseFacts.caseRow.placedAt });
  const refusal = outsideWindow('occurredAt', at, window);
  if (refusal !== null) throw new AppError('INVALID_INPUT', refusal);
}

/**
 * Logs a call. An outbound attempt is judged at the instant it happened and refused when a rule blocks it;
 * an inbound call is not an attempt (decision 4), so it is recorded without judgement (an inbound
 * conversation still starts the post-conversation block for later attempts).
 */
export async function logCall(
  db: Database,
  { user, input, now }: ServiceOptions<z.output<typeof logCallInput>>,
): Promise<ContactRecordedOutput> {
  const at = input.occurredAt === undefined ? now : new Date(input.occurredAt);
  const entry = {
    kind: input.kind,
    direction: input.direction,
    outcome: input.outcome,
    occurredAt: at,
    contactPointId: input.contactPointId,
    durationSeconds: input.durationSeconds ?? null,
    notes: input.notes ?? null,
  };
  const base = { actor: user, caseId: input.caseId, now, expectedVersion: input.expectedVersion };
  if (input.direction === 'inbound') {
    const { value, caseVersion } = await runLocked(db, {
      ...base,
      record: async (tx, caseFacts) => {
        checkCallInstant(at, now, user, caseFacts);
        targetPoint(input.kind, input.contactPointId, caseFacts.contactPoints);
        const context = { caseFacts, agentId: user.id, decisionId: null };
        const { contactId, caseChanges } = await recordContact(tx, context, entry);
        return { value: contactId, caseChanges };
      },
    });
    return { contactId: value, outcome: 'allowed', decisionId: null, warnings: [], caseVersion };
  }
  const result = await runGuarded(db, {
    ...base,
    at,
    action: (_tx, caseFacts) => {
      checkCallInstant(at, now, user, caseFacts);
      return { kind: input.kind, contactPointId: input.contactPointId };
    },
    record: async (tx, passed) => {
      const context = { caseFacts: passed.caseFacts, agentId: user.id, decisionId: passed.decisionId };
      const { contactId, caseChanges } = await recordContact(tx, context, entry);
      return { value: contactId, caseChanges };
    },
  });
  return { ...withoutValue(result), contactId: result.value };
}

/** A third-party contact: who the person is comes from the third_parties row, never from the client. */
export async function contactThirdParty(
  db: Database,
  { user, input, now }: ServiceOptions<z.output<typeof contactThirdPartyInput>>,
): Promise<ContactRecordedOutput> {
  const result = await runGuarded(db, {
    actor: user,
    caseId: input.caseId,
    now,
    expectedVersion: input.expectedVersion,
    action: async (tx, caseFacts) => {
      const [row] = await tx
        .select()
        .from(thirdParties)
        .where(and(eq(thirdParties.id, input.thirdPartyId), eq(thirdParties.debtorId, caseFacts.debtor.id)));
      if (!row) throw new AppError('NOT_FOUND', 'Third party not found for this debtor');
      const history = caseFacts.base.history ?? [];
      return { kind: 'third_party_contact', thirdParty: thirdPartyFacts(row, input.purpose, history, now) };
    },
    record: async (tx, passed) => {
      const context = { caseFacts: passed.caseFacts, agentId: user.id, decisionId: passed.decisionId };
      const thirdParty = passed.facts.action.thirdParty;
      const { contactId, caseChanges } = await recordContact(tx, context, {
        kind: 'third_party_contact',
        direction: 'outbound',
        outcome: 'third_party',
        occurredAt: now,
        thirdPartyId: input.thirdPartyId,
        notes: input.notes || null,
        details: { purpose: input.purpose, relationship: thirdParty?.relationship ?? null },
      });
      return { value: contactId, caseChanges };
    },
  });
  return { ...withoutValue(result), contactId: result.value };
}

export function withoutValue<T, R extends { value: T }>(result: R): Omit<R, 'value'> {
  const { value: _value, ...rest } = result;
  return rest;
}
