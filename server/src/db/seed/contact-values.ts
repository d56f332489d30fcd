import { CN_MOBILE_PREFIXES } from './geography.ts';
import type { LocalStamp } from './local-time.ts';
import type { Random } from './random.ts';
import type { ContactPointStory } from './story.ts';

/** Phone numbers, install ids and contact points as the generators and the demo specials make them. */
export const digits = (rng: Random, count: number) =>
  String(rng.int(0, 10 ** count - 1)).padStart(count, '0');

/** A NANP number: area code, an exchange that is not N11, a line number. */
export const usPhone = (rng: Random, areaCode: number) =>
  `+1${areaCode}${rng.int(2, 9)}${rng.int(0, 8)}${rng.int(1, 9)}${digits(rng, 4)}`;

export const cnMobile = (rng: Random) => `+86${rng.pick(CN_MOBILE_PREFIXES)}${digits(rng, 8)}`;

export const appInstall = (rng: Random, accountPrefix: string) =>
  `app:${accountPrefix.toLowerCase()}:${digits(rng, 12)}`;

export const contactPoint = (
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
export const consentAt = (openedAt: LocalStamp): Partial<ContactPointStory> => ({
  consentSms: true,
  consentAutodial: true,
  consentGivenAt: openedAt,
});
