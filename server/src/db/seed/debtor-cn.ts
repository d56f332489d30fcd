import { appInstall, cnMobile, consentAt, contactPoint, digits } from './contact-values.ts';
import type { DebtorBasis } from './debtor-story.ts';
import { CN_PROVINCES, CN_ZONE } from './geography.ts';
import type { ContactPointStory, DebtorStory, ThirdPartyStory } from './story.ts';

const EMERGENCY_CONTACTS = [0, 0, 0, 1, 1, 1, 1, 1, 2, 2] as const;

/**
 * A borrower of a Chinese consumer lender: a zh_CN name, a mobile the app verified, the app itself, and the
 * emergency contacts named when borrowing — the only third parties a Chinese collector may call (CN-NIFA-3P).
 */
export function cnDebtor({ rng, pools, portfolio, openedAt, flags }: DebtorBasis): DebtorStory {
  const province = rng.pick(CN_PROVINCES);
  const surname = rng.pick(pools.cnSurnames);
  const points: ContactPointStory[] = [
    contactPoint('mobile', cnMobile(rng), '手机', { verified: rng.chance(0.9), ...consentAt(openedAt) }),
  ];
  const app = portfolio.creditor.app;
  if (app && rng.chance(0.6))
    points.push(contactPoint('app', appInstall(rng, portfolio.creditor.accountPrefix), app));
  const address = `${province.name}${rng.pick(province.cities)}${rng.pick(pools.cnStreets)}`;
  points.push(contactPoint('home_address', address, '住址'));
  if (rng.chance(0.2)) {
    const employer = rng.pick(pools.cnEmployers);
    points.push(contactPoint('work_phone', `+86${province.areaCode}${digits(rng, 8)}`, `单位 (${employer})`));
  }
  if (rng.chance(0.2)) {
    const mailbox = `${rng.int(1, 9)}${digits(rng, rng.int(7, 9))}@${rng.pick(['qq.com', '163.com', '126.com'])}`;
    points.push(contactPoint('email', mailbox, '邮箱'));
  }
  const thirdParties: ThirdPartyStory[] = [];
  for (let i = rng.pick(EMERGENCY_CONTACTS); i > 0; i--) {
    const relationship = rng.pick(['spouse', 'relative', 'relative', 'friend', 'colleague'] as const);
    const family = relationship === 'spouse' ? rng.pick(pools.cnSurnames) : surname;
    thirdParties.push({
      name: `${family}${rng.pick(pools.cnGiven)}`,
      relationship,
      phone: cnMobile(rng),
      debtorAgreed: true,
    });
  }
  return {
    ...flags,
    fullName: `${surname}${rng.pick(pools.cnGiven)}`,
    language: 'zh',
    nationalIdMasked: `**************${digits(rng, 3)}${rng.chance(0.1) ? 'X' : rng.int(0, 9)}`,
    country: 'CN',
    region: province.code,
    zone: CN_ZONE,
    military: false,
    points,
    thirdParties,
  };
}
