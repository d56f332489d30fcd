import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './errors.ts';

const coded = (code: string, cause?: unknown) =>
  Object.assign(new Error(code), { code }, cause ? { cause } : {});

describe('isDatabaseUnavailable', () => {
  it.each([
    'CONNECTION_CLOSED',
    'CONNECTION_DESTROYED',
    'CONNECTION_ENDED',
    'CONNECT_TIMEOUT',
    'ECONNREFUSED',
    'ECONNRESET',
    '57P01',
    '57P02',
    '57P03',
    '08006',
    '08P01',
  ])('takes %s for a database that cannot serve now', (code) => {
    expect(isDatabaseUnavailable(coded(code))).toBe(true);
  });

  it('finds the driver error under the wrappers of drizzle and tRPC', () => {
    const wrapped = Object.assign(new Error('tRPC'), {
      cause: new Error('Failed query', { cause: coded('57P01') }),
    });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it.each(['23505', '40001', '42P01', 'BAD_REQUEST', 'ERR_INVALID_ARG_TYPE'])(
    'leaves %s alone: the database answered, or the fault is ours',
    (code) => {
      expect(isDatabaseUnavailable(coded(code))).toBe(false);
      expect(isDatabaseUnavailable(new Error('plain'))).toBe(false);
    },
  );
});
