import { CHINA_ZONES, US_STATE_ZONES } from '@arrears/shared/compliance/jurisdiction-zones';
import { isValidTimeZone } from '@arrears/shared/compliance/time';
import { timezones } from 'libphonenumber-geo-carrier';
import type { PhoneNumber } from 'libphonenumber-js/max';

/**
 * Time zones of a placed debtor's contact points (decision record 012). docs/compliance/CATALOG.md, principle 1: the candidate
 * zones are the address's zone, each number's zone and a zone the debtor named; with none the engine takes every
 * zone of the jurisdiction. So a zone is stored only when it is certain: a guess would shrink the candidates and
 * let a call through at 08:00 in the wrong one. An address or number that cannot be pinned to one zone keeps
 * `time_zone` null.
 */
const ET = 'America/New_York';
const CT = 'America/Chicago';
const MT = 'America/Denver';
const PT = 'America/Los_Angeles';

/**
 * The states of more than one zone, split by the first three digits of the ZIP code: a prefix listed here
 * lies wholly in that zone, one listed as null straddles the line, an unlisted one is in the state's first zone.
 * Five-digit exceptions come first (West Wendover NV, Adak AK).
 */
const ZIP5_ZONES: Readonly<Record<string, string>> = {
  '89883': MT,
  '99546': 'America/Adak',
  '99547': 'America/Adak',
};

const ZIP3_ZONES: Readonly<Record<string, Readonly<Record<string, string | null>>>> = {
  FL: { '324': CT, '325': CT }, // Panhandle west of the Apalachicola
  TX: { '798': MT, '799': MT, '885': MT }, // El Paso, Hudspeth
  KY: { '420': CT, '421': CT, '422': CT, '423': CT, '424': CT },
  TN: { '373': ET, '374': ET, '376': ET, '377': ET, '378': ET, '379': ET },
  IN: { '463': CT, '464': CT, '476': CT, '477': CT }, // Gary, Evansville
  KS: { '677': null },
  NE: { '691': null, '693': MT },
  ND: { '586': MT, '588': null },
  SD: { '576': null, '577': MT },
  ID: { '835': PT, '838': PT },
  OR: { '979': 'America/Boise' }, // Malheur County
  NV: {},
  MI: { '498': null, '499': null }, // the western Upper Peninsula keeps Central time
  AZ: { '865': null }, // the Navajo Nation keeps daylight saving time
  AK: {},
};

export interface AddressZone {
  zone: string | null;
  /** The state spans several zones and the ZIP code did not settle which. */
  ambiguous: boolean;
}

/** The zone of a home address from its state and postal code. */
export function addressZone(country: string, region: string | null, postalCode: string | null): AddressZone {
  if (country === 'CN') return { zone: CHINA_ZONES[0]!, ambiguous: false };
  if (country !== 'US' || region === null) return { zone: null, ambiguous: region === null };
  const zones = US_STATE_ZONES[region];
  if (!zones || zones.length === 0) return { zone: null, ambiguous: true };
  if (zones.length === 1) return { zone: zones[0]!, ambiguous: false };
  const zip = postalCode?.slice(0, 5) ?? null;
  if (zip === null || zip.length < 5) return { zone: null, ambiguous: true };
  const exact = ZIP5_ZONES[zip];
  if (exact !== undefined && zones.includes(exact)) return { zone: exact, ambiguous: false };
  const split = ZIP3_ZONES[region];
  if (split === undefined) return { zone: null, ambiguous: true };
  const byPrefix = split[zip.slice(0, 3)];
  if (byPrefix === null) return { zone: null, ambiguous: true };
  return { zone: byPrefix ?? zones[0]!, ambiguous: false };
}

/**
 * A number's zone from Google's prefix map (libphonenumber's timezone data, through libphonenumber-geo-carrier):
 * a US area code maps to the zone it serves; a prefix that serves several zones gives none. Answers are cached by
 * the prefix that decides them (country code + NANP area code), so a 100,000-row file asks a few hundred times.
 */
export class PhoneZones {
  private readonly cache = new Map<string, Promise<string | null>>();

  zoneOf(phone: PhoneNumber): Promise<string | null> {
    const key =
      phone.countryCallingCode === '1'
        ? phone.number.slice(0, 5)
        : phone.countryCallingCode === '86'
          ? '+86'
          : phone.number;
    let cached = this.cache.get(key);
    if (!cached) {
      cached = phone.countryCallingCode === '86' ? Promise.resolve(CHINA_ZONES[0]!) : lookup(phone);
      this.cache.set(key, cached);
    }
    return cached;
  }
}

async function lookup(phone: PhoneNumber): Promise<string | null> {
  try {
    const zones = (await timezones(phone)) ?? [];
    const known = zones.filter((zone) => isValidTimeZone(zone));
    return known.length === 1 ? known[0]! : null;
  } catch {
    return null;
  }
}
