import { errorMessage } from '@arrears/shared/errors/messages';
import type {
  markUndeliverableInput,
  recordOptOutInput,
  revokeConsentInput,
} from '@arrears/shared/schemas/casework';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Transaction } from '../../db/client.ts';
import { contactPoints, optOuts } from '../../db/schema/index.ts';
import { AppError, invalidField } from '../../errors.ts';
import { caseEvent, conflict } from './case-event.ts';
import { channelReaches } from './case-view.service.ts';
import { maskContactValue } from './masking.ts';

const PHONE_KINDS = new Set(['mobile', 'landline', 'work_phone']);

async function debtorPoint(tx: Transaction, debtorId: string, contactPointId: string) {
  const [point] = await tx
    .select()
    .from(contactPoints)
    .where(and(eq(contactPoints.id, contactPointId), eq(contactPoints.debtorId, debtorId)));
  if (!point) throw new AppError('NOT_FOUND', errorMessage('contactPoint.notFound'));
  return point;
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
    const [existing] = await tx
      .select({ id: optOuts.id })
      .from(optOuts)
      .where(
        and(
          eq(optOuts.debtorId, caseRow.debtorId),
          channel === null ? isNull(optOuts.channel) : eq(optOuts.channel, channel),
          contactPointId === null
            ? isNull(optOuts.contactPointId)
            : eq(optOuts.contactPointId, contactPointId),
        ),
      );
    if (existing) throw conflict(errorMessage('optOut.alreadyOnFile'));
    const [row] = await tx
      .insert(optOuts)
      .values({ debtorId: caseRow.debtorId, channel, contactPointId, at: now, recordedBy: user.id })
      .returning({ id: optOuts.id });
    return {
      eventId: row!.id,
      action: 'casework.optOut',
      entityType: 'debtor',
      entityId: caseRow.debtorId,
      after: {
        at: now.toISOString(),
        optOutId: row!.id,
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
    await tx.update(contactPoints).set({ consentRevokedAt: now }).where(eq(contactPoints.id, point.id));
    return {
      eventId: point.id,
      action: 'casework.revokeConsent',
      entityType: 'debtor',
      entityId: caseRow.debtorId,
      before: { consentSms: point.consentSms, consentAutodial: point.consentAutodial },
      after: {
        at: now.toISOString(),
        contactPointId: point.id,
        contactPoint: maskContactValue(point.kind, point.value),
      },
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
    await tx.update(contactPoints).set({ undeliverableSince: now }).where(eq(contactPoints.id, point.id));
    return {
      eventId: point.id,
      action: 'casework.markUndeliverable',
      entityType: 'debtor',
      entityId: caseRow.debtorId,
      after: {
        at: now.toISOString(),
        contactPointId: point.id,
        contactPoint: maskContactValue(point.kind, point.value),
      },
    };
  },
}));

/** How a contact point is shown in audit events and to other modules: masked. */
export { maskContactValue } from './masking.ts';
