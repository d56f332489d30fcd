/**
 * The zones a debtor may be in when no zone of theirs is known (docs/compliance/CATALOG.md, principle 1): every zone of their state, or
 * every contiguous-US zone for the whole country — never the server's zone. Zones are listed by the rules
 * they follow today (e.g. Indiana's Eastern counties as America/Indiana/Indianapolis), the most populous
 * first, because the first candidate zone decides the debtor's calendar date.
 */
const ET = 'America/New_York';
const CT = 'America/Chicago';
const MT = 'America/Denver';
const PT = 'America/Los_Angeles';

export const US_STATE_ZONES: Readonly<Record<string, readonly string[]>> = {
  AL: [CT],
  AK: ['America/Anchorage', 'America/Adak'],
  AZ: ['America/Phoenix', MT], // the Navajo Nation keeps daylight saving time
  AR: [CT],
  CA: [PT],
  CO: [MT],
  CT: [ET],
  DE: [ET],
  DC: [ET],
  FL: [ET, CT],
  GA: [ET],
  HI: ['Pacific/Honolulu'],
  ID: ['America/Boise', PT],
  IL: [CT],
  IN: ['America/Indiana/Indianapolis', CT],
  IA: [CT],
  KS: [CT, MT],
  KY: [ET, CT],
  LA: [CT],
  ME: [ET],
  MD: [ET],
  MA: [ET],
  MI: ['America/Detroit', 'America/Menominee'],
  MN: [CT],
  MS: [CT],
  MO: [CT],
  MT: [MT],
  NE: [CT, MT],
  NV: [PT, MT], // West Wendover keeps Mountain time
  NH: [ET],
  NJ: [ET],
  NM: [MT],
  NY: [ET],
  NC: [ET],
  ND: [CT, MT],
  OH: [ET],
  OK: [CT],
  OR: [PT, 'America/Boise'], // Malheur County keeps Mountain time
  PA: [ET],
  RI: [ET],
  SC: [ET],
  SD: [CT, MT],
  TN: [CT, ET],
  TX: [CT, MT], // El Paso and Hudspeth counties keep Mountain time
  UT: [MT],
  VT: [ET],
  VA: [ET],
  WA: [PT],
  WV: [ET],
  WI: [CT],
  WY: [MT],
  PR: ['America/Puerto_Rico'],
  VI: ['America/St_Thomas'],
  GU: ['Pacific/Guam'],
  MP: ['Pacific/Saipan'],
  AS: ['Pacific/Pago_Pago'],
};

/** The lower 48 states and DC; Arizona's own zone matters because it skips daylight saving time. */
export const CONTIGUOUS_US_ZONES: readonly string[] = [ET, CT, MT, 'America/Phoenix', PT];

export const CHINA_ZONES: readonly string[] = ['Asia/Shanghai'];

export interface Jurisdiction {
  country: string;
  region?: string | null | undefined;
}

/** Fallback zones for a debtor with no known zone; empty for countries without a pack. */
export function zonesForJurisdiction(jurisdiction: Jurisdiction): readonly string[] {
  if (jurisdiction.country === 'US') {
    const region = jurisdiction.region;
    return (region ? US_STATE_ZONES[region] : undefined) ?? CONTIGUOUS_US_ZONES;
  }
  // Mainland China keeps one official time, Beijing time, in every province.
  if (jurisdiction.country === 'CN') return CHINA_ZONES;
  return [];
}
