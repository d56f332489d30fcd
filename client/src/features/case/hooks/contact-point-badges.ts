import type { OptOutChannel } from '@arrears/shared/domain/enums';
import type { CaseDetail } from '@arrears/shared/schemas/casework';
import type { BadgeTone } from '../../../components/ui/badge.tsx';

type ContactPoint = CaseDetail['contactPoints'][number];

export interface PointBadge {
  key:
    | 'verified'
    | 'unverified'
    | 'consentSms'
    | 'consentAutodial'
    | 'consentRevoked'
    | 'optedOut'
    | 'channelOptOut'
    | 'employerProhibits'
    | 'inconvenient';
  tone: BadgeTone;
  channel?: OptOutChannel;
}

/** The badges of a contact point, restrictions first: what stops contact matters more than what allows it. */
export function contactPointBadges(point: ContactPoint): PointBadge[] {
  const badges: PointBadge[] = [];
  if (point.optedOut) badges.push({ key: 'optedOut', tone: 'danger' });
  for (const channel of point.channelOptOuts) badges.push({ key: 'channelOptOut', tone: 'danger', channel });
  if (point.consentRevokedAt !== null) badges.push({ key: 'consentRevoked', tone: 'danger' });
  if (point.employerProhibits) badges.push({ key: 'employerProhibits', tone: 'danger' });
  if (point.inconvenient) badges.push({ key: 'inconvenient', tone: 'warning' });
  if (point.consentRevokedAt === null) {
    if (point.consentSms) badges.push({ key: 'consentSms', tone: 'good' });
    if (point.consentAutodial) badges.push({ key: 'consentAutodial', tone: 'good' });
  }
  badges.push(point.verified ? { key: 'verified', tone: 'good' } : { key: 'unverified', tone: 'neutral' });
  return badges;
}
