import type { BookContext } from './context.ts';
import { CN_MOBILE_PREFIXES, CN_PROVINCES, CN_ZONE, usState, zoneOfRegion } from './geography.ts';
import { isoDay, type LocalStamp, stampOf } from './local-time.ts';
import type { Random } from './random.ts';
import type { PortfolioDef } from './reference-data.ts';
import type { ContactPointStory, DebtorStory, ThirdPartyStory } from './story.ts';

/**
 * A debtor with the ways to reach them. Every contact point carries the debtor's zone (set by the
 * materializer), so the compliance engine sees one candidate zone per debtor.
 */
const digits = (rng: Random, count: number) => String(rng.int(0, 10 ** count - 1)).padStart(count, '0');

/** A NANP number: area code, an exchange that is not N11, a line number. */
export const usPhone = (rng: Random, areaCode: number) =>
  `+1${areaCode}${rng.int(2, 9)}${rng.int(0, 8)}${rng.int(1, 9)}${digits(rng, 4)}`;
export const cnMobile = (rng: Random) => `+86${rng.pick(CN_MOBILE_PREFIXES)}${digits(rng, 8)}`;

const point = (
  kind: ContactPointStory['kind'],
  value: string,
  label: string,
  extra: Partial<ContactPointStory> = {},
): ContactPointStory => ({
  kind,
  value,
  label,
  verified: false,
  consentSms: false,
  consentAutodial: false,
  consentGivenAt: null,
  consentRevokedAt: null,
  employerProhibits: false,
  inconvenient: false,
  ...extra,
});

/** Consent the debtor gave the creditor at account opening; it travels with the placement (TCPA). */
const consent = (openedAt: LocalStamp): Partial<ContactPointStory> => ({
  consentSms: true,
  consentAutodial: true,
  consentGivenAt: openedAt,
});

export function makeDebtor(
  rng: Random,
  ctx: BookContext,
  portfolio: PortfolioDef,
  openedDay: number,
): DebtorStory {
  const openedAt = stampOf(openedDay, rng.int(9, 20), rng.int(0, 59));
  const today = ctx.clock(zoneOfRegion(portfolio.country, portfolio.region)).today;
  const dateOfBirth = isoDay(today - rng.int(21 * 365, 72 * 365));
  const base = {
    dateOfBirth,
    deceasedAt: null,
    bankruptcyFiledAt: null,
    ceaseRequestedAt: null,
    attorney: null,
    inconvenientTimes: [],
    optOuts: [],
  };
  return portfolio.country === 'US'
    ? usDebtor(rng, ctx, portfolio, openedAt, base)
    : cnDebtor(rng, ctx, portfolio, openedAt, base);
}

type DebtorBase = Pick<
  DebtorStory,
  | 'dateOfBirth'
  | 'deceasedAt'
  | 'bankruptcyFiledAt'
  | 'ceaseRequestedAt'
  | 'attorney'
  | 'inconvenientTimes'
  | 'optOuts'
>;

function usDebtor(
  rng: Random,
  ctx: BookContext,
  portfolio: PortfolioDef,
  openedAt: LocalStamp,
  base: DebtorBase,
): DebtorStory {
  const { pools } = ctx;
  const state = usState(portfolio.region ?? '');
  const first = rng.pick(pools.usFirst);
  const last = rng.pick(pools.usLast);
  const area = rng.pick(state.areaCodes);
  const [city, zip] = rng.pick(state.cities);
  const points: ContactPointStory[] = [];
  if (rng.chance(0.96))
    points.push(
      point('mobile', usPhone(rng, area), 'Mobile', {
        verified: rng.chance(0.8),
        ...(rng.chance(0.72) ? consent(openedAt) : {}),
      }),
    );
  if (rng.chance(0.2) || points.length === 0)
    points.push(point('landline', usPhone(rng, area), 'Home phone'));
  if (rng.chance(0.15)) {
    const employer = rng.pick(pools.usEmployers);
    points.push(
      point('work_phone', usPhone(rng, area), `Work (${employer})`, {
        employerProhibits: rng.chance(0.3),
        inconvenient: rng.chance(0.2),
      }),
    );
  }
  if (rng.chance(0.7)) {
    const user = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    points.push(
      point(
        'email',
        `${user}${rng.int(1, 99)}@${rng.pick(['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'aol.com'])}`,
        'Personal email',
      ),
    );
  }
  points.push(
    point(
      'home_address',
      `${rng.pick(pools.usStreets)}, ${city}, ${state.code} ${zip}${digits(rng, 2)}`,
      'Home',
      { verified: rng.chance(0.6) },
    ),
  );
  if (portfolio.creditor.app && rng.chance(0.6))
    points.push(
      point(
        'app',
        `app:${portfolio.creditor.accountPrefix.toLowerCase()}:${digits(rng, 12)}`,
        portfolio.creditor.app,
      ),
    );
  const thirdParties: ThirdPartyStory[] = [];
  if (rng.chance(0.12)) {
    const relationship = rng.weighted([
      ['spouse', 40],
      ['relative', 25],
      ['friend', 15],
      ['neighbor', 10],
      ['employer', 10],
    ] as const);
    const name =
      relationship === 'employer'
        ? rng.pick(pools.usEmployers)
        : `${rng.pick(pools.usFirst)} ${relationship === 'spouse' ? last : rng.pick(pools.usLast)}`;
    thirdParties.push({ name, relationship, phone: usPhone(rng, area), debtorAgreed: false });
  }
  const spanish = ['CA', 'TX', 'FL', 'AZ', 'CO'].includes(state.code) && rng.chance(0.08);
  return {
    ...base,
    fullName: `${first} ${last}`,
    language: spanish ? 'es' : 'en',
    nationalIdMasked: `***-**-${digits(rng, 4)}`,
    country: 'US',
    region: state.code,
    zone: state.zone,
    military: rng.chance(0.02),
    points,
    thirdParties,
  };
}

function cnDebtor(
  rng: Random,
  ctx: BookContext,
  portfolio: PortfolioDef,
  openedAt: LocalStamp,
  base: DebtorBase,
): DebtorStory {
  const { pools } = ctx;
  const province = rng.pick(CN_PROVINCES);
  const surname = rng.pick(pools.cnSurnames);
  const points: ContactPointStory[] = [
    point('mobile', cnMobile(rng), '手机', { verified: rng.chance(0.9), ...consent(openedAt) }),
  ];
  if (portfolio.creditor.app && rng.chance(0.6))
    points.push(
      point(
        'app',
        `app:${portfolio.creditor.accountPrefix.toLowerCase()}:${digits(rng, 12)}`,
        portfolio.creditor.app,
      ),
    );
  points.push(
    point('home_address', `${province.name}${rng.pick(province.cities)}${rng.pick(pools.cnStreets)}`, '住址'),
  );
  if (rng.chance(0.2))
    points.push(
      point(
        'work_phone',
        `+86${province.areaCode}${digits(rng, 8)}`,
        `单位 (${rng.pick(pools.cnEmployers)})`,
      ),
    );
  if (rng.chance(0.2))
    points.push(
      point(
        'email',
        `${rng.int(1, 9)}${digits(rng, rng.int(7, 9))}@${rng.pick(['qq.com', '163.com', '126.com'])}`,
        '邮箱',
      ),
    );
  // Emergency contacts the debtor named when borrowing: the only third parties a Chinese collector may call (CN-NIFA-3P).
  const thirdParties: ThirdPartyStory[] = [];
  for (
    let i = rng.weighted([
      [0, 3],
      [1, 5],
      [2, 2],
    ] as const);
    i > 0;
    i--
  ) {
    const relationship = rng.weighted([
      ['spouse', 2],
      ['relative', 4],
      ['friend', 3],
      ['colleague', 2],
    ] as const);
    thirdParties.push({
      name: `${relationship === 'spouse' ? rng.pick(pools.cnSurnames) : surname}${rng.pick(pools.cnGiven)}`,
      relationship,
      phone: cnMobile(rng),
      debtorAgreed: true,
    });
  }
  return {
    ...base,
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
