import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parsePlacementFile } from './parse-file.ts';
import { calendarDate, type RowContext, validateRow } from './validate-row.ts';
import { addressZone, PhoneZones } from './zones.ts';

const US: RowContext = {
  country: 'US',
  region: null,
  currency: 'USD',
  today: '2026-11-29',
  phoneZones: new PhoneZones(),
};
const CN: RowContext = { ...US, country: 'CN', currency: 'CNY' };

const base = {
  account_ref: 'A-1',
  full_name: 'Jordan Smith',
  principal_minor: '125000',
  due_date: '2026-08-15',
  region: 'NY',
};

async function errorsOf(row: Record<string, string>, ctx = US) {
  const result = await validateRow({ ...base, ...row }, 7, ctx);
  return result.ok ? [] : result.errors.map((e) => [e.column, e.message]);
}

async function valid(row: Record<string, string>, ctx = US) {
  const result = await validateRow({ ...base, ...row }, 7, ctx);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.row;
}

describe('amounts in minor units', () => {
  it('takes whole minor units and sums nothing across rows', async () => {
    const row = await valid({ principal_minor: '125000', interest_minor: '350', fees_minor: '' });
    expect([row.principalMinor, row.interestMinor, row.feesMinor]).toEqual([125_000, 350, 0]);
  });

  it('refuses decimals, signs, words and a zero principal, naming the column', async () => {
    expect(await errorsOf({ principal_minor: '1250.00' })).toEqual([
      ['principal_minor', 'must be whole minor units (cents, fen): write 125000, not 1250.00'],
    ]);
    expect(await errorsOf({ interest_minor: '-5' })).toEqual([
      ['interest_minor', 'must be a whole number of minor units, digits only'],
    ]);
    expect(await errorsOf({ fees_minor: 'ten' })).toEqual([
      ['fees_minor', 'must be a whole number of minor units, digits only'],
    ]);
    expect(await errorsOf({ principal_minor: '0' })).toEqual([['principal_minor', 'must be at least 1']]);
    expect(await errorsOf({ principal_minor: '' })).toEqual([['principal_minor', 'is required']]);
  });

  it("refuses a currency other than the portfolio's", async () => {
    expect(await errorsOf({ currency: 'eur' })).toEqual([
      ['currency', "must be the portfolio's currency USD, not EUR"],
    ]);
    expect(await errorsOf({ currency: 'usd' })).toEqual([]);
  });
});

describe('dates', () => {
  it('knows real calendar dates', () => {
    expect(calendarDate('2028-02-29')).toBe('2028-02-29');
    expect(calendarDate('2026-02-29')).toBeNull();
    expect(calendarDate('2026-13-01')).toBeNull();
    expect(calendarDate('15/08/2026')).toBeNull();
  });

  it('checks due dates and births', async () => {
    expect(await errorsOf({ due_date: '2026-02-30' })).toEqual([
      ['due_date', '2026-02-30 does not exist: February 2026 has 28 days'],
    ]);
    expect(await errorsOf({ due_date: '2026-04-31' })).toEqual([
      ['due_date', '2026-04-31 does not exist: April 2026 has 30 days'],
    ]);
    expect(await errorsOf({ due_date: '2026-13-01' })).toEqual([
      ['due_date', '2026-13-01 does not exist: a year has months 01 to 12'],
    ]);
    expect(await errorsOf({ due_date: '30/02/2026' })).toEqual([['due_date', 'must be a date YYYY-MM-DD']]);
    expect(await errorsOf({ date_of_birth: '1983-02-29' })).toEqual([
      ['date_of_birth', '1983-02-29 does not exist: February 1983 has 28 days'],
    ]);
    expect(await errorsOf({ due_date: '' })).toEqual([['due_date', 'is required']]);
    expect(await errorsOf({ due_date: '2028-01-01' })).toEqual([
      ['due_date', 'must lie between 1970-01-01 and a year from today'],
    ]);
    expect(await errorsOf({ date_of_birth: '2027-01-01' })).toEqual([
      ['date_of_birth', 'must lie in the past (and within 130 years)'],
    ]);
    expect((await valid({ date_of_birth: '1984-03-02' })).dateOfBirth).toBe('1984-03-02');
  });
});

describe('phone numbers', () => {
  it('normalises national and international notations to E.164', async () => {
    const row = await valid({
      mobile: '(212) 330-4410',
      landline: '+1 713.201.4455',
      work_phone: '1-312-555-2368',
    });
    expect(row.contactPoints.map((p) => [p.kind, p.value])).toEqual([
      ['mobile', '+12123304410'],
      ['landline', '+17132014455'],
      ['work_phone', '+13125552368'],
    ]);
  });

  it('reads national numbers in the portfolio country', async () => {
    const row = await valid({ region: '', mobile: '138 1234 5678', landline: '020 8123 4567' }, CN);
    expect(row.contactPoints.map((p) => [p.value, p.timeZone])).toEqual([
      ['+8613812345678', 'Asia/Shanghai'],
      ['+862081234567', 'Asia/Shanghai'],
    ]);
  });

  it('refuses numbers that cannot exist, in the column they came in', async () => {
    expect(await errorsOf({ mobile: '12345' })).toEqual([
      ['mobile', '12345 is not a valid phone number in US'],
    ]);
    expect(await errorsOf({ landline: '+1 111 222 3333' })).toEqual([
      ['landline', '+1 111 222 3333 is not a valid phone number'],
    ]);
  });

  it('keeps one contact point per number and puts consent on the mobile', async () => {
    const row = await valid({ mobile: '212-330-4410', landline: '+12123304410', consent_sms: 'Yes' });
    expect(row.contactPoints).toHaveLength(1);
    expect(row.contactPoints[0]).toMatchObject({ kind: 'mobile', consentSms: true, consentAutodial: false });
    expect(await errorsOf({ consent_autodial: 'yes' })).toEqual([
      ['consent_autodial', 'needs a mobile number'],
    ]);
    expect(await errorsOf({ consent_sms: 'sometimes', mobile: '2123304410' })).toEqual([
      ['consent_sms', 'must be yes or no'],
    ]);
  });
});

describe('time zones', () => {
  it('takes a number’s zone from its area code', async () => {
    const row = await valid({
      mobile: '+1 713 201 4455',
      landline: '+1 602 555 0100',
      work_phone: '+1 206 555 0100',
    });
    expect(row.contactPoints.map((p) => p.timeZone)).toEqual([
      'America/Chicago',
      'America/Phoenix',
      'America/Los_Angeles',
    ]);
  });

  it('takes an address zone from the state, and from the ZIP code where the state spans zones', () => {
    expect(addressZone('US', 'NY', null)).toEqual({ zone: 'America/New_York', ambiguous: false });
    expect(addressZone('US', 'FL', '32501')).toEqual({ zone: 'America/Chicago', ambiguous: false });
    expect(addressZone('US', 'FL', '33101')).toEqual({ zone: 'America/New_York', ambiguous: false });
    expect(addressZone('US', 'TX', '79901-1234')).toEqual({ zone: 'America/Denver', ambiguous: false });
    expect(addressZone('US', 'TN', '37902')).toEqual({ zone: 'America/New_York', ambiguous: false });
    expect(addressZone('US', 'NV', '89883')).toEqual({ zone: 'America/Denver', ambiguous: false });
    expect(addressZone('US', 'FL', null)).toEqual({ zone: null, ambiguous: true });
    expect(addressZone('US', 'MI', '49801')).toEqual({ zone: null, ambiguous: true });
    expect(addressZone('CN', 'GD', null)).toEqual({ zone: 'Asia/Shanghai', ambiguous: false });
  });

  it('puts the address first, so it decides the debtor’s calendar, and flags an unpinned multi-zone address', async () => {
    const row = await valid({
      region: 'FL',
      mobile: '+1 305 555 0100',
      address_line: '9 Bay Road',
      city: 'Pensacola',
      postal_code: '32501',
    });
    expect(row.contactPoints.map((p) => [p.kind, p.timeZone])).toEqual([
      ['home_address', 'America/Chicago'],
      ['mobile', 'America/New_York'],
    ]);
    expect(row.ambiguousZone).toBe(false);
    const unpinned = await valid({ region: 'FL', address_line: '9 Bay Road', city: 'Somewhere' });
    expect(unpinned.contactPoints[0]).toMatchObject({ kind: 'home_address', timeZone: null });
    expect(unpinned.ambiguousZone).toBe(true);
  });

  it('checks an explicit zone and the region', async () => {
    expect(await errorsOf({ time_zone: 'Mars/Olympus' })).toEqual([
      ['time_zone', 'Mars/Olympus is not an IANA time zone (e.g. America/Chicago)'],
    ]);
    expect((await valid({ time_zone: 'America/Chicago' })).explicitTimeZone).toBe('America/Chicago');
    expect(await errorsOf({ region: '' })).toEqual([
      ['region', 'is required for a US debtor: the two-letter state'],
    ]);
    expect(await errorsOf({ region: 'ZZ' })).toEqual([['region', 'ZZ is not a US state or territory code']]);
    expect((await valid({ region: '' }, { ...US, region: 'TX' })).region).toBe('TX');
  });
});

describe('the file', () => {
  const read = (csv: string) => parsePlacementFile(Readable.from([Buffer.from(csv)]), US);

  it('numbers rows as a spreadsheet does and reports every error of every row', async () => {
    const parsed = await read(
      '\uFEFFaccount_ref,full_name,principal_minor,due_date,region\n' +
        'A-1,Jo,100,2026-01-01,NY\n' +
        '\n' +
        'A-2,,1.5,2026-01-01,NY\n' +
        'A-1,Jo,100,2026-01-01,NY,extra\n',
    );
    expect(parsed.rows).toBe(3);
    expect(parsed.valid.map((r) => r.accountRef)).toEqual(['A-1']);
    expect(parsed.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'full_name'],
      [3, 'principal_minor'],
      [4, null],
      [4, 'account_ref'],
    ]);
    expect(parsed.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash to the same bytes however they are chunked', async () => {
    const csv = 'account_ref,full_name,principal_minor,due_date,region\nA-1,Jo,100,2026-01-01,NY\n';
    const whole = await read(csv);
    const pieces = await parsePlacementFile(
      Readable.from([Buffer.from(csv.slice(0, 10)), Buffer.from(csv.slice(10))]),
      US,
    );
    expect(pieces.fileSha256).toBe(whole.fileSha256);
  });
});
