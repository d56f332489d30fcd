import type { ActionKind, ContactPointKind } from '@arrears/shared/domain/enums';
import { errorMessage } from '@arrears/shared/errors/messages';
import { AppError } from '../../errors.ts';
import type { ContactPointRow } from '../case-core/case-core.service.ts';

const PHONES: readonly ContactPointKind[] = ['mobile', 'landline', 'work_phone'];
const ADDRESSES: readonly ContactPointKind[] = ['home_address', 'work_address'];

/** Which kinds of contact point each action can go to; actions missing here go to no contact point. */
export const TARGET_KINDS: Partial<Record<ActionKind, readonly ContactPointKind[]>> = {
  call: PHONES,
  autodial_call: PHONES,
  voicemail: PHONES,
  sms: ['mobile'],
  email: ['email'],
  letter: ADDRESSES,
  app_push: ['app'],
  field_visit: ADDRESSES,
};

/**
 * The contact point an action names, checked before anything is judged or written: it must be one of this
 * debtor's (another debtor's looks the same as a missing one) and of a kind the channel can reach.
 */
export function targetPoint(
  kind: ActionKind,
  contactPointId: string | null | undefined,
  points: readonly ContactPointRow[],
): ContactPointRow | null {
  if (contactPointId == null) return null;
  const point = points.find((p) => p.id === contactPointId);
  if (!point) throw new AppError('NOT_FOUND', errorMessage('contactPoint.notFound'));
  const allowed = TARGET_KINDS[kind] ?? [];
  if (!allowed.includes(point.kind)) {
    throw new AppError(
      'INVALID_INPUT',
      allowed.length === 0
        ? errorMessage('contactPoint.noneForKind', { kind })
        : errorMessage('contactPoint.wrongKind', { kind, pointKind: point.kind, allowed: allowed.join(',') }),
    );
  }
  return point;
}
