import { describe, expect, it } from 'vitest';
import { candidateZones } from '../domain/calendar.ts';
import { buildFacts } from './build-facts.ts';
import { CONTIGUOUS_US_ZONES, US_STATE_ZONES, zonesForJurisdiction } from './jurisdiction-zones.ts';
import { isValidTimeZone } from './time.ts';

const STATES_AND_DC =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  );

describe('jurisdiction zones', () => {
  it('covers all 50 states and DC with valid IANA zones', () => {
    expect(STATES_AND_DC).toHaveLength(51);
    for (const state of STATES_AND_DC) {
      const zones = US_STATE_ZONES[state];
      expect(zones?.length, state).toBeGreaterThan(0);
      for (const zone of zones ?? []) expect(isValidTimeZone(zone), `${state} ${zone}`).toBe(true);
    }
  });

  it('gives every zone of a split state and every contiguous zone for the whole country', () => {
    expect(zonesForJurisdiction({ country: 'US', region: 'MA' })).toEqual(['America/New_York']);
    expect(zonesForJurisdiction({ country: 'US', region: 'WA' })).toEqual(['America/Los_Angeles']);
    expect(zonesForJurisdiction({ country: 'US', region: 'TX' })).toEqual([
      'America/Chicago',
      'America/Denver',
    ]);
    expect(zonesForJurisdiction({ country: 'US' })).toBe(CONTIGUOUS_US_ZONES);
    expect(zonesForJurisdiction({ country: 'CN', region: 'XJ' })).toEqual(['Asia/Shanghai']);
  });
});

describe('candidateZones', () => {
  it("joins the debtor's zones with each contact point's, first zone first, without repeats", () => {
    const facts = buildFacts({
      debtor: { timeZones: ['America/Chicago'] },
      contactPoints: [
        { id: 'm1', kind: 'mobile', timeZone: 'America/Denver' },
        { id: 'm2', kind: 'mobile', timeZone: 'America/Chicago' },
      ],
    });
    expect(candidateZones(facts)).toEqual(['America/Chicago', 'America/Denver']);
  });

  it("falls back to the jurisdiction's zones, never the server's", () => {
    const facts = buildFacts({ debtor: { jurisdiction: { country: 'US', region: 'KY' }, timeZones: [] } });
    expect(candidateZones(facts)).toEqual(['America/New_York', 'America/Chicago']);
  });
});
