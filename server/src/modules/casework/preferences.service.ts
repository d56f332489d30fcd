import { maskContactValue } from '@arrears/shared/domain/masking';
import { errorMessage } from '@arrears/shared/errors/messages';
import type {
  markUndeliverableInput,
  recordOptOutInput,
  revokeConsentInput,
} from '@arrears/shared/schemas/casework';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Transaction } from '../../db/client.ts';
import { rowExists } from '../../db/row-exists.ts';
import { contactPoints, optOuts } from '../../db/schema/index.ts';
import { AppError, invalidField } from '../../errors.ts';
import { caseEvent, conflict, type EventAudit } from './case-event.ts';
import { channelReaches } from './case-view.service.ts';

const PHONE_KINDS = new Set(['mobile', 'landline', 'work_phone']);

async function debtorPoint(tx: Transaction, debtorId: string, contactPointId: string) {
  const [point] = await tx
    .select()
    .from(contactPoints)
    .where(and(eq(contactPoints.id, contactPointId), eq(contactPoints.debtorId, debtorId)));
  if (!point) throw new AppError('NOT_FOUND', errorMessage('contactPoint.notFound'));
  return point;
}

type ContactPoint = typeof contactPoints.$inferSelect;

/**
 * Stamps an instant on one of the debtor's contact points (consent revoked, undeliverable since) and answers the
 * debtor's case event: the point's id and its masked value, never the value itself.
 */
async function stampPoint(
  tx: Transaction,
  point: ContactPoint,
  stamp: Pick<Partial<ContactPoint>, 'consentRevokedAt' | 'undeliverableSince'>,
  action: string,
  now: Date,
): Promise<EventAudit & { eventId: string }> {
  await tx.update(contactPoints).set(stamp).where(eq(contactPoints.id, point.id));
  return {
    eventId: point.id,
    action,
    entityType: 'debtor',
    entityId: point.debtorId,
    after: {
      at: now.toISOString(),
      contactPointId: point.id,
      contactPoint: maskContactValue(point.kind, point.value),
    },
  };
}

/** One opt-out: by channel (null: every channel), by contact point (null: every point of the debtor), or both. */
export interface OptOutScope {
  debtorId: string;
  channel: (typeof optOuts.$inferInsert)['channel'];
  contactPointId: string | null;
}

/** Whether this very opt-out is on file already (a wider or narrower one is another opt-out). */
export async function optOutOnFile(tx: Transaction, scope: OptOutScope): Promise<boolean> {
  return rowExists(
    tx,
    optOuts,
    eq(optOuts.debtorId, scope.debtorId),
    scope.channel == null ? isNull(optOuts.channel) : eq(optOuts.channel, scope.channel),
    scope.contactPointId === null
      ? isNull(optOuts.contactPointId)
      : eq(optOuts.contactPointId, scope.contactPointId),
  );
}

/** Records an opt-out (append-only) by a user, or by the debtor (`recordedBy` null); answers its id. */
export async function insertOptOut(
  tx: Transaction,
  scope: OptOutScope,
  at: Date,
  recordedBy: string | null,
): Promise<string> {
  const [row] = await tx
    .insert(optOuts)
    .values({ ...scope, channel: scope.channel ?? null, at, recordedBy })
    .returning({ id: optOuts.id });
  return row!.id;
}

/**
 * "Do not contact me by this medium / at this place" (Reg F 1006.14(h)): by channel, by contact point, or both
 * (then only that channel to that point). It takes effect at once (docs/compliance/CATALOG.md, principle 6).
 */
export const recordOptOut = caseEvent<z.output<typeof recordOptOutInput>>(({ input, now, user }) => ({
  reach: 'debtor',
  write: async (tx, caseRow) => {
    const point =
      input.contactPointId === undefined
        ? null
        : await debtorPoint(tx, caseRow.debtorId, input.contactPointId);
    if (point && input.channel && !channelReaches(input.channel, point.kind)) {
      throw invalidField(
        'channel',
        errorMessage('optOut.channelNeverReachesPoint', { channel: input.channel, pointKind: point.kind }),
      );
    }
    const channel = input.channel ?? null;
    const contactPointId = point?.id ?? null;
    const optOut = { debtorId: caseRow.debtorId, channel, contactPointId };
    if (await optOutOnFile(tx, optOut)) throw conflict(errorMessage('optOut.alreadyOnFile'));
    const optOutId = await insertOptOut(tx, optOut, now, user.id);
    return {
      eventId: optOutId,
      action: 'casework.optOut',
      entityType: 'debtor',
      entityId: caseRow.debtorId,
      after: {
        at: now.toISOString(),
        optOutId,
        channel,
        contactPointId,
        contactPoint: point === null ? null : maskContactValue(point.kind, point.value),
      },
    };
  },
}));

/** Consent to autodialed calls and texts to a number is revoked (47 CFR 64.1200(a)(10)): at once, not in 10 days. */
export const revokeConsent = caseEvent<z.output<typeof revokeConsentInput>>(({ input, now }) => ({
  reach: 'debtor',
  write: async (tx, caseRow) => {
    const point = await debtorPoint(tx, caseRow.debtorId, input.contactPointId);
    if (!PHONE_KINDS.has(point.kind)) {
      throw invalidField('contactPointId', errorMessage('consent.phoneOnly'));
    }
    if (point.consentRevokedAt) {
      throw conflict(
        errorMessage('consent.alreadyRevoked', { revokedAt: point.consentRevokedAt.toISOString() }),
      );
    }
    return {
      ...(await stampPoint(tx, point, { consentRevokedAt: now }, 'casework.revokeConsent', now)),
      before: { consentSms: point.consentSms, consentAutodial: point.consentAutodial },
    };
  },
}));

/**
 * An email bounced or a letter came back (COMPLIANCE.md decision 14): the point is undeliverable from now on and
 * POL-UNDELIVERABLE refuses messages to it. The bounced message itself stays in the contact log as `bounced`.
 */
export const markUndeliverable = caseEvent<z.output<typeof markUndeliverableInput>>(({ input, now }) => ({
  reach: 'debtor',
  write: async (tx, caseRow) => {
    const point = await debtorPoint(tx, caseRow.debtorId, input.contactPointId);
    if (point.undeliverableSince) {
      throw conflict(
        errorMessage('contactPoint.alreadyUndeliverable', { since: point.undeliverableSince.toISOString() }),
      );
    }
    return stampPoint(tx, point, { undeliverableSince: now }, 'casework.markUndeliverable', now);
  },
}));
