import { dateOfDay } from '@arrears/shared/domain/calendar';
import { appInstall, consentAt, contactPoint, digits, usPhone } from './contact-values.ts';
import type { BookContext } from './context.ts';
import { cnDebtor } from './debtor-cn.ts';
import { usState, zoneOfRegion } from './geography.ts';
import { type LocalStamp, stampOf } from './local-time.ts';
import type { NamePools } from './name-pools.ts';
import type { Random } from './random.ts';
import type { PortfolioDef } from './reference-data.ts';
import type { ContactPointStory, DebtorFlags, DebtorStory, ThirdPartyStory } from './story.ts';

/**
 * A debtor with the ways to reach them, before anything has happened: no flags, no opt-outs yet (the case's
 * events add those). Every contact point carries the debtor's zone (the materializer sets it), so the
 * compliance engine sees one candidate zone per debtor.
 */
export function makeDebtor(
  rng: Random,
  ctx: BookContext,
  portfolio: PortfolioDef,
  openedDay: number,
): DebtorStory {
  const openedAt = stampOf(openedDay, rng.int(9, 20), rng.int(0, 59));
  const today = ctx.clock(zoneOfRegion(portfolio.country, portfolio.region)).today;
  const flags: DebtorFlags = {
    dateOfBirth: dateOfDay(today - rng.int(21 * 365, 72 * 365)),
    deceasedAt: null,
    bankruptcyFiledAt: null,
    ceaseRequestedAt: null,
    attorney: null,
    inconvenientTimes: [],
    optOuts: [],
  };
  const basis: DebtorBasis = { rng, pools: ctx.pools, portfolio, openedAt, flags };
  return portfolio.country === 'US' ? usDebtor(basis) : cnDebtor(basis);
}

/**
 * What a country's debtor is made from: the case's random stream, the book's name pools, the portfolio, when the
 * account was opened, and the flags every debtor starts with.
 */
export interface DebtorBasis {
  rng: Random;
  pools: NamePools;
  portfolio: PortfolioDef;
  openedAt: LocalStamp;
  flags: DebtorFlags;
}

const MAILBOXES = ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'aol.com'];
const THIRD_PARTIES = [
  'spouse',
  'spouse',
  'spouse',
  'spouse',
  'relative',
  'relative',
  'friend',
  'neighbor',
  'employer',
] as const;
/** Mornings or evenings a few debtors asked not to be called in (Reg F 1006.6(b)(1)(i)). */
const INCONVENIENT = [[{ from: '08:00', to: '12:00' }], [{ from: '17:00', to: '21:00' }]];

function usDebtor({ rng, pools, portfolio, openedAt, flags }: DebtorBasis): DebtorStory {
  const state = usState(portfolio.region ?? '');
  const first = rng.pick(pools.usFirst);
  const last = rng.pick(pools.usLast);
  const area = rng.pick(state.areaCodes);
  const [city, zip] = rng.pick(state.cities);
  const points: ContactPointStory[] = [];
  if (rng.chance(0.96)) {
    const consent = rng.chance(0.72) ? consentAt(openedAt) : {};
    points.push(
      contactPoint('mobile', usPhone(rng, area), 'Mobile', { verified: rng.chance(0.8), ...consent }),
    );
  }
  if (rng.chance(0.2) || points.length === 0)
    points.push(contactPoint('landline', usPhone(rng, area), 'Home phone'));
  if (rng.chance(0.15)) {
    const limits = { employerProhibits: rng.chance(0.3), inconvenient: rng.chance(0.2) };
    points.push(
      contactPoint('work_phone', usPhone(rng, area), `Work (${rng.pick(pools.usEmployers)})`, limits),
    );
  }
  if (rng.chance(0.7)) {
    const user = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    points.push(contactPoint('email', `${user}${rng.int(1, 99)}@${rng.pick(MAILBOXES)}`, 'Personal email'));
  }
  const address = `${rng.pick(pools.usStreets)}, ${city}, ${state.code} ${zip}${digits(rng, 2)}`;
  points.push(contactPoint('home_address', address, 'Home', { verified: rng.chance(0.6) }));
  const app = portfolio.creditor.app;
  if (app && rng.chance(0.6))
    points.push(contactPoint('app', appInstall(rng, portfolio.creditor.accountPrefix), app));
  const thirdParties: ThirdPartyStory[] = [];
  if (rng.chance(0.12)) {
    const relationship = rng.pick(THIRD_PARTIES);
    const family = relationship === 'spouse' ? last : rng.pick(pools.usLast);
    const name =
      relationship === 'employer' ? rng.pick(pools.usEmployers) : `${rng.pick(pools.usFirst)} ${family}`;
    thirdParties.push({ name, relationship, phone: usPhone(rng, area), debtorAgreed: false });
  }
  const spanish = ['CA', 'TX', 'FL', 'AZ', 'CO'].includes(state.code) && rng.chance(0.08);
  return {
    ...flags,
    fullName: `${first} ${last}`,
    language: spanish ? 'es' : 'en',
    nationalIdMasked: `***-**-${digits(rng, 4)}`,
    country: 'US',
    region: state.code,
    zone: state.zone,
    military: rng.chance(0.02),
    inconvenientTimes: rng.chance(0.04) ? rng.pick(INCONVENIENT) : [],
    points,
    thirdParties,
  };
}
