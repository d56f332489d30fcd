import { US_STATE_ZONES } from '@arrears/shared/compliance/jurisdiction-zones';
import { isValidTimeZone } from '@arrears/shared/compliance/time';
import type { ContactPointKind } from '@arrears/shared/domain/enums';
import type { PlacementRowError } from '@arrears/shared/schemas/placements';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { addressZone, type PhoneZones } from './zones.ts';

/** What a row needs to know about where it is going. */
export interface RowContext {
  country: string;
  /** The portfolio's own region (a state portfolio); rows may name their own. */
  region: string | null;
  currency: string;
  /** The import day (UTC), `YYYY-MM-DD`: due dates may lie up to a year after it, births before it. */
  today: string;
  phoneZones: PhoneZones;
}

export interface PlacedContactPoint {
  kind: ContactPointKind;
  value: string;
  label: string | null;
  timeZone: string | null;
  consentSms: boolean;
  consentAutodial: boolean;
}

/** A row that passed every check, mapped to what the import writes. */
export interface ValidRow {
  row: number;
  accountRef: string;
  fullName: string;
  principalMinor: number;
  interestMinor: number;
  feesMinor: number;
  dueDate: string;
  region: string | null;
  language: string;
  dateOfBirth: string | null;
  nationalIdMasked: string | null;
  explicitTimeZone: string | null;
  contactPoints: PlacedContactPoint[];
  ambiguousZone: boolean;
}

export type RowResult = { ok: true; row: ValidRow } | { ok: false; errors: PlacementRowError[] };

const ACCOUNT_REF = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const MINOR = /^\d{1,15}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);
const CN_PROVINCES = new Set([
  'BJ',
  'TJ',
  'HE',
  'SX',
  'NM',
  'LN',
  'JL',
  'HL',
  'SH',
  'JS',
  'ZJ',
  'AH',
  'FJ',
  'JX',
  'SD',
  'HA',
  'HB',
  'HN',
  'GD',
  'GX',
  'HI',
  'CQ',
  'SC',
  'GZ',
  'YN',
  'XZ',
  'SN',
  'GS',
  'QH',
  'NX',
  'XJ',
]);

/** A real calendar date `YYYY-MM-DD`, or null. */
export function calendarDate(value: string): string | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d ? value : null;
}

/**
 * Why a cell is not a calendar date, for the row's error: not of the shape `YYYY-MM-DD`, or a day its month does not
 * have ("2026-02-30 does not exist: February 2026 has 28 days"). Null when it is a date.
 */
export function dateProblem(value: string): string | null {
  const match = DATE.exec(value);
  if (!match) return 'must be a date YYYY-MM-DD';
  if (calendarDate(value) !== null) return null;
  const [y, m] = [Number(match[1]), Number(match[2])];
  if (m < 1 || m > 12) return `${value} does not exist: a year has months 01 to 12`;
  const month = new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-US', {
    month: 'long',
    timeZone: 'UTC',
  });
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${value} does not exist: ${month} ${match[1]} has ${days} days`;
}

const addYears = (day: string, years: number) =>
  `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`;

/**
 * Validates one data row (`row` is its spreadsheet row: the header is row 1) and maps it. Every problem of the
 * row is reported, each with its column, so one preview shows the creditor everything to fix.
 */
export async function validateRow(
  raw: Readonly<Record<string, string | undefined>>,
  row: number,
  ctx: RowContext,
): Promise<RowResult> {
  const errors: PlacementRowError[] = [];
  const fail = (column: string, message: string) => errors.push({ row, column, message });
  const cell = (column: string) => (raw[column] ?? '').trim();
  const optional = (column: string) => cell(column) || null;

  const accountRef = cell('account_ref');
  if (!accountRef) fail('account_ref', 'is required');
  else if (!ACCOUNT_REF.test(accountRef))
    fail('account_ref', 'must be 1–64 letters, digits or . _ - / (starting with a letter or digit)');

  const fullName = cell('full_name').replace(/\s+/g, ' ');
  if (!fullName) fail('full_name', 'is required');
  else if (fullName.length > 200) fail('full_name', 'is longer than 200 characters');

  const amount = (column: string, required: boolean, min: number): number => {
    const value = cell(column);
    if (!value) {
      if (required) fail(column, 'is required');
      return 0;
    }
    if (!MINOR.test(value)) {
      fail(
        column,
        /^\d+[.,]\d+$/.test(value)
          ? `must be whole minor units (cents, fen): write ${value.replace(/[.,]/, '')}, not ${value}`
          : 'must be a whole number of minor units, digits only',
      );
      return 0;
    }
    const n = Number(value);
    if (n < min) fail(column, `must be at least ${min}`);
    return n;
  };
  const principalMinor = amount('principal_minor', true, 1);
  const interestMinor = amount('interest_minor', false, 0);
  const feesMinor = amount('fees_minor', false, 0);
  if (principalMinor + interestMinor + feesMinor > Number.MAX_SAFE_INTEGER)
    fail('principal_minor', 'the balance is too large');

  const currency = cell('currency').toUpperCase();
  if (currency && currency !== ctx.currency)
    fail('currency', `must be the portfolio's currency ${ctx.currency}, not ${currency}`);

  const dueDateRaw = cell('due_date');
  const dueDate = dueDateRaw ? calendarDate(dueDateRaw) : null;
  if (!dueDateRaw) fail('due_date', 'is required');
  else if (!dueDate) fail('due_date', dateProblem(dueDateRaw) ?? 'must be a date YYYY-MM-DD');
  else if (dueDate < '1970-01-01' || dueDate > addYears(ctx.today, 1))
    fail('due_date', 'must lie between 1970-01-01 and a year from today');

  // Region: the row's own, else the portfolio's; a US debtor needs a state (it decides the law and the zones).
  const regionRaw = cell('region').toUpperCase() || ctx.region;
  let region: string | null = regionRaw;
  if (ctx.country === 'US') {
    if (!regionRaw) fail('region', 'is required for a US debtor: the two-letter state');
    else if (!US_STATE_ZONES[regionRaw]) {
      fail('region', `${regionRaw} is not a US state or territory code`);
      region = null;
    }
  } else if (ctx.country === 'CN' && regionRaw && !CN_PROVINCES.has(regionRaw)) {
    fail('region', `${regionRaw} is not a Chinese province code`);
    region = null;
  }

  const postalRaw = cell('postal_code');
  let postalCode: string | null = null;
  if (postalRaw) {
    const ok =
      ctx.country === 'US'
        ? /^\d{5}(-\d{4})?$/.test(postalRaw)
        : ctx.country === 'CN'
          ? /^\d{6}$/.test(postalRaw)
          : true;
    if (!ok)
      fail(
        'postal_code',
        ctx.country === 'US' ? 'must be a ZIP code: 5 digits or ZIP+4' : 'must be 6 digits',
      );
    else postalCode = postalRaw;
  }

  const contactPoints: PlacedContactPoint[] = [];
  let mobileAt = -1;
  for (const [column, kind] of [
    ['mobile', 'mobile'],
    ['landline', 'landline'],
    ['work_phone', 'work_phone'],
  ] as const) {
    const value = cell(column);
    if (!value) continue;
    const phone = parsePhoneNumberFromString(value, ctx.country as CountryCode);
    if (!phone?.isValid()) {
      fail(
        column,
        `${value} is not a valid phone number${value.startsWith('+') ? '' : ` in ${ctx.country}`}`,
      );
      continue;
    }
    if (contactPoints.some((p) => p.value === phone.number)) continue;
    if (kind === 'mobile') mobileAt = contactPoints.length;
    contactPoints.push({
      kind,
      value: phone.number,
      label: null,
      timeZone: await ctx.phoneZones.zoneOf(phone),
      consentSms: false,
      consentAutodial: false,
    });
  }

  for (const column of ['consent_sms', 'consent_autodial'] as const) {
    const value = cell(column).toLowerCase();
    const yes = YES.has(value);
    if (!yes && !NO.has(value)) fail(column, 'must be yes or no');
    else if (yes && mobileAt < 0 && !cell('mobile')) fail(column, 'needs a mobile number');
    else if (yes && mobileAt >= 0) {
      const point = contactPoints[mobileAt]!;
      if (column === 'consent_sms') point.consentSms = true;
      else point.consentAutodial = true;
    }
  }

  const email = cell('email').toLowerCase();
  if (email) {
    if (!EMAIL.test(email) || email.length > 254) fail('email', `${email} is not an e-mail address`);
    else
      contactPoints.push({
        kind: 'email',
        value: email,
        label: null,
        timeZone: null,
        consentSms: false,
        consentAutodial: false,
      });
  }

  const addressLine = cell('address_line').replace(/\s+/g, ' ');
  const city = cell('city').replace(/\s+/g, ' ');
  const zone = addressZone(ctx.country, region, postalCode);
  if (addressLine) {
    if (!city) fail('city', 'is required with an address_line');
    else
      contactPoints.push({
        kind: 'home_address',
        value: [addressLine, city, [region, postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', '),
        label: null,
        timeZone: zone.zone,
        consentSms: false,
        consentAutodial: false,
      });
  }

  const explicitTimeZone = optional('time_zone');
  if (explicitTimeZone && !isValidTimeZone(explicitTimeZone))
    fail('time_zone', `${explicitTimeZone} is not an IANA time zone (e.g. America/Chicago)`);

  const language = cell('language').toLowerCase() || (ctx.country === 'CN' ? 'zh' : 'en');
  if (language !== 'en' && language !== 'zh') fail('language', 'must be en or zh');

  const birthRaw = cell('date_of_birth');
  const dateOfBirth = birthRaw ? calendarDate(birthRaw) : null;
  if (birthRaw && !dateOfBirth) fail('date_of_birth', dateProblem(birthRaw) ?? 'must be a date YYYY-MM-DD');
  else if (dateOfBirth && (dateOfBirth >= ctx.today || dateOfBirth < addYears(ctx.today, -130)))
    fail('date_of_birth', 'must lie in the past (and within 130 years)');

  const idTail = cell('national_id_last4').toUpperCase();
  if (idTail && !/^[0-9]{3}[0-9X]$/.test(idTail))
    fail('national_id_last4', 'must be the last 4 characters of the id');

  if (errors.length > 0) return { ok: false, errors };

  // The calendar zone (docs/compliance/CATALOG.md, principle 3) is the first candidate: the address, read in creation order.
  contactPoints.sort((a, b) => Number(b.kind === 'home_address') - Number(a.kind === 'home_address'));
  const pinned = contactPoints.some((p) => p.timeZone !== null) || explicitTimeZone !== null;
  return {
    ok: true,
    row: {
      row,
      accountRef,
      fullName,
      principalMinor,
      interestMinor,
      feesMinor,
      dueDate: dueDate!,
      region,
      language,
      dateOfBirth,
      nationalIdMasked: idTail
        ? ctx.country === 'US'
          ? `***-**-${idTail}`
          : `**************${idTail}`
        : null,
      explicitTimeZone,
      contactPoints,
      ambiguousZone: zone.ambiguous && (addressLine !== '' || !pinned),
    },
  };
}
