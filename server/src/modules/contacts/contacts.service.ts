import { outsideWindow, pastContactWindow } from '@arrears/shared/domain/recording-window';
import { errorMessage } from '@arrears/shared/errors/messages';
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
import { AppError, invalidField } from '../../errors.ts';
import type { CaseFacts } from '../case-core/case-core.service.ts';
import { withCase } from '../case-core/case-core.service.ts';
import {
  type ContactEntry,
  type GuardedRequest,
  guardAction,
  type PassedAction,
  recordContact,
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
  if (refusal !== null) throw invalidField(refusal.field, refusal.problem);
}

/**
 * Logs a call. An outbound attempt is judged at the instant it happened and refused when a rule blocks it;
 * an inbound call is not an attempt (docs/compliance/CATALOG.md, principle 4), so it is recorded without judgement (an inbound
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
    // Recorded but not judged: the same scope check, debtor lock and version check as the guard, so the record
    // lands in order with the decisions it affects.
    const { value, caseVersion } = await withCase(
      { db, ...base, read: { facts: {} } },
      async ({ tx, facts: caseFacts }) => {
        checkCallInstant(at, now, user, caseFacts);
        targetPoint(input.kind, input.contactPointId, caseFacts.contactPoints);
        const context = { caseFacts, agentId: user.id, decisionId: null };
        const { contactId, caseChanges } = await recordContact(tx, context, entry);
        return { value: contactId, changes: caseChanges };
      },
    );
    return { contactId: value, outcome: 'allowed', decisionId: null, warnings: [], caseVersion };
  }
  return guardContact(
    db,
    { user, input, now },
    {
      at,
      action: (_tx, caseFacts) => {
        checkCallInstant(at, now, user, caseFacts);
        return { kind: input.kind, contactPointId: input.contactPointId };
      },
      entry: () => entry,
    },
  );
}

/** A third-party contact: who the person is comes from the third_parties row, never from the client. */
export function contactThirdParty(
  db: Database,
  options: ServiceOptions<z.output<typeof contactThirdPartyInput>>,
): Promise<ContactRecordedOutput> {
  const { input, now } = options;
  return guardContact(db, options, {
    action: async (tx, caseFacts) => {
      const [row] = await tx
        .select()
        .from(thirdParties)
        .where(and(eq(thirdParties.id, input.thirdPartyId), eq(thirdParties.debtorId, caseFacts.debtor.id)));
      if (!row) throw new AppError('NOT_FOUND', errorMessage('thirdParty.notFound'));
      const history = caseFacts.base.history ?? [];
      return { kind: 'third_party_contact', thirdParty: thirdPartyFacts(row, input.purpose, history, now) };
    },
    entry: (passed) => ({
      kind: 'third_party_contact',
      direction: 'outbound',
      outcome: 'third_party',
      occurredAt: now,
      thirdPartyId: input.thirdPartyId,
      notes: input.notes || null,
      details: { purpose: input.purpose, relationship: passed.facts.action.thirdParty?.relationship ?? null },
    }),
  });
}

/**
 * A contact the guard judges before it is logged: `action` proposes it from the facts (and may refuse bad input),
 * `entry` is what the contact log keeps of it once it passed. Answers the decision with the new contact's id.
 */
export async function guardContact(
  db: Database,
  { user, input, now }: ServiceOptions<{ caseId: string; expectedVersion?: number | undefined }>,
  contact: {
    /** When the contact took place, if not now. */
    at?: Date;
    action: GuardedRequest<number>['action'];
    entry: (passed: PassedAction) => ContactEntry;
  },
): Promise<ContactRecordedOutput> {
  const { value: contactId, ...decision } = await guardAction(db, {
    actor: user,
    caseId: input.caseId,
    now,
    ...(contact.at === undefined ? {} : { at: contact.at }),
    expectedVersion: input.expectedVersion,
    action: contact.action,
    record: async (tx, passed) => {
      const context = { caseFacts: passed.caseFacts, agentId: user.id, decisionId: passed.decisionId };
      const { contactId, caseChanges } = await recordContact(tx, context, contact.entry(passed));
      return { value: contactId, caseChanges };
    },
  });
  return { ...decision, contactId };
}
