import type { ContactPointProvenance, OptOutChannel } from '@arrears/shared/domain/enums';
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
    | 'inconvenient'
    | 'undeliverable'
    | 'reassignedChecked'
    | 'reassignedUnchecked'
    | `provenance_${ContactPointProvenance}`;
  tone: BadgeTone;
  channel?: OptOutChannel;
  /** The day a dated badge names (`YYYY-MM-DD`, UTC). */
  date?: string;
}

const PHONES: ReadonlySet<ContactPoint['kind']> = new Set(['mobile', 'landline', 'work_phone']);
/** Where an address came from matters for email and texts only (Reg F 1006.6(d)(4)). */
const ELECTRONIC: ReadonlySet<ContactPoint['kind']> = new Set(['mobile', 'landline', 'work_phone', 'email']);
const day = (instant: string) => instant.slice(0, 10);

/** The badges of a contact point, restrictions first: what stops contact matters more than what allows it. */
export function contactPointBadges(point: ContactPoint): PointBadge[] {
  const badges: PointBadge[] = [];
  if (point.undeliverableSince !== null) {
    badges.push({ key: 'undeliverable', tone: 'danger', date: day(point.undeliverableSince) });
  }
  if (point.optedOut) badges.push({ key: 'optedOut', tone: 'danger' });
  for (const channel of point.channelOptOuts) badges.push({ key: 'channelOptOut', tone: 'danger', channel });
  if (point.consentRevokedAt !== null) badges.push({ key: 'consentRevoked', tone: 'danger' });
  if (point.employerProhibits) badges.push({ key: 'employerProhibits', tone: 'danger' });
  if (point.inconvenient) badges.push({ key: 'inconvenient', tone: 'warning' });
  if (point.consentRevokedAt === null) {
    if (point.consentSms) badges.push({ key: 'consentSms', tone: 'good' });
    if (point.consentAutodial) badges.push({ key: 'consentAutodial', tone: 'good' });
  }
  if (ELECTRONIC.has(point.kind)) {
    const tone = point.provenance === 'employer' ? 'danger' : 'neutral';
    badges.push({ key: `provenance_${point.provenance}`, tone });
  }
  if (PHONES.has(point.kind)) {
    badges.push(
      point.reassignedCheckedAt === null
        ? { key: 'reassignedUnchecked', tone: 'warning' }
        : { key: 'reassignedChecked', tone: 'neutral', date: day(point.reassignedCheckedAt) },
    );
  }
  badges.push(point.verified ? { key: 'verified', tone: 'good' } : { key: 'unverified', tone: 'neutral' });
  return badges;
}
