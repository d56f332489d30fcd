import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { isClientError, readApiError } from './api-error.ts';

/** A refusal as the client receives it from the server's JSON answer. */
function refusal(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

const invalid = refusal('dueAt: a callback must be in the future', {
  code: 'BAD_REQUEST',
  httpStatus: 400,
  appCode: 'INVALID_INPUT',
  fieldErrors: { dueAt: ['a callback must be in the future'] },
  details: { fieldErrors: { dueAt: ['a callback must be in the future'] } },
});

describe('readApiError', () => {
  it('reads the message, the codes and the field errors by path from the contract', () => {
    expect(readApiError(invalid)).toMatchObject({
      message: 'dueAt: a callback must be in the future',
      code: 'BAD_REQUEST',
      httpStatus: 400,
      appCode: 'INVALID_INPUT',
      fieldErrors: { dueAt: ['a callback must be in the future'] },
      verdict: undefined,
    });
    expect(isClientError(invalid)).toBe(true);
  });

  it('does not take a message apart: a refusal without field errors blames no field', () => {
    const conflict = refusal('currency: the case is in EUR', {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      appCode: 'INVALID_INPUT',
      fieldErrors: {},
      details: null,
    });
    expect(readApiError(conflict).fieldErrors).toEqual({});
  });

  it('keeps only the words of an answer outside the contract', () => {
    const info = readApiError(new Error('Failed to fetch'));
    expect(info).toMatchObject({ message: 'Failed to fetch', code: undefined, httpStatus: undefined });
    expect(info.fieldErrors).toEqual({});
    expect(isClientError(new Error('Failed to fetch'))).toBe(false);
  });

  it('hands a compliance refusal its verdict', () => {
    const hit = {
      ruleId: 'US-REGF-7IN7',
      effect: 'block',
      reason: 'Seven calls in seven days',
      source: '12 CFR 1006.14',
    };
    const verdict = {
      allowed: false,
      violations: [hit],
      warnings: [],
      nextAllowedAt: null,
      rulesetVersion: '1',
    };
    const blocked = refusal('US-REGF-7IN7: Seven calls in seven days', {
      code: 'UNPROCESSABLE_CONTENT',
      httpStatus: 422,
      appCode: 'BLOCKED_BY_RULE',
      fieldErrors: {},
      details: { verdict, decisionId: 7 },
    });
    expect(readApiError(blocked).verdict).toEqual(verdict);
    expect(readApiError(invalid).verdict).toBeUndefined();
  });
});
