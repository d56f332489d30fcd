import { describe, expect, it } from 'vitest';
import { date, id, instant, longText, NOT_ALLOWED_CHARACTER, secretText, shortText } from './primitives.ts';

const messageOf = (result: { error?: { issues: Array<{ message: string }> } }) =>
  result.error?.issues[0]?.message;

describe('text', () => {
  it('normalizes to NFC and trims', () => {
    expect(shortText(20).parse('  Cafe\u0301  ')).toBe('Caf\u00e9');
  });

  it('keeps emoji and other characters beyond the BMP (a surrogate pair)', () => {
    expect(longText(20).parse('paid 💸 in full')).toBe('paid 💸 in full');
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a lone high surrogate', 'a\uD83Db'],
    ['a lone low surrogate', 'a\uDCB8b'],
    ['escape', '\u001B[2J'],
    ['DEL', 'a\u007Fb'],
  ])('refuses %s in long and short text alike', (_what, value) => {
    expect(messageOf(longText(20).safeParse(value))).toBe(NOT_ALLOWED_CHARACTER);
    expect(messageOf(shortText(20).safeParse(value))).toBe(NOT_ALLOWED_CHARACTER);
  });

  it('lets long text break lines and short text not', () => {
    expect(longText(20).parse('one\r\n\ttwo')).toBe('one\r\n\ttwo');
    expect(messageOf(shortText(20).safeParse('one\ntwo'))).toBe(NOT_ALLOWED_CHARACTER);
  });

  it('keeps a secret exactly as typed, but refuses what cannot be stored', () => {
    expect(secretText(20).parse(' Cafe\u0301 ')).toBe(' Cafe\u0301 ');
    expect(messageOf(secretText(20).safeParse('pass\u0000word'))).toBe(NOT_ALLOWED_CHARACTER);
  });
});

describe('id', () => {
  it('accepts a uuid in any case and lower-cases it', () => {
    expect(id('caseId').parse('6F9619FF-8B86-4D11-B42D-00C04FC964FF')).toBe(
      '6f9619ff-8b86-4d11-b42d-00c04fc964ff',
    );
  });

  it('refuses what is no uuid, naming the field', () => {
    expect(messageOf(id('caseId').safeParse('6f9619ff'))).toBe('caseId must be an id (uuid)');
  });
});

describe('instant', () => {
  it.each(['1900-01-01T00:00:00Z', '2200-12-31T23:59:59.999Z', '2026-03-10T15:00:00+08:00'])(
    'accepts %s',
    (value) => {
      expect(instant('at').safeParse(value).success).toBe(true);
    },
  );

  it.each([
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '1899-12-31T23:59:59Z',
    '1900-01-01T00:00:00+01:00',
  ])('refuses %s as out of range', (value) => {
    expect(messageOf(instant('at').safeParse(value))).toBe('at must fall between the years 1900 and 2200');
  });
});

describe('date', () => {
  it.each(['1900-01-01', '2024-02-29', '2200-12-31'])('accepts %s', (value) => {
    expect(date('dueDate').parse(value)).toBe(value);
  });

  it.each([
    ['2026-02-30', 'dueDate must be a date that exists: 2026-02-30 does not exist'],
    ['2100-02-29', 'dueDate must be a date that exists: 2100-02-29 does not exist'],
    ['2026-04-31', 'dueDate must be a date that exists: 2026-04-31 does not exist'],
    ['0000-01-01', 'dueDate must fall between the years 1900 and 2200'],
    ['2201-01-01', 'dueDate must fall between the years 1900 and 2200'],
    ['2026-13-01', 'dueDate must be a date like 2026-11-30'],
    ['11/20/2026', 'dueDate must be a date like 2026-11-30'],
  ])('refuses %s', (value, message) => {
    const result = date('dueDate').safeParse(value);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});
