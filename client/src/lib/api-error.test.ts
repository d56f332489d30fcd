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
  messageCode: 'input.invalidField',
  messageParams: { field: 'dueAt', problem: 'a callback must be in the future' },
  fieldErrors: { dueAt: ['a callback must be in the future'] },
  fieldMessages: { dueAt: [{ code: 'callback.notInFuture', params: {} }] },
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
      messageCode: null,
      messageParams: {},
      fieldErrors: {},
      fieldMessages: {},
      details: null,
    });
    expect(readApiError(conflict).fieldErrors).toEqual({});
  });

  it("speaks the user's language from the codes: the message, with the field's problem, and each field", () => {
    const info = readApiError(invalid, 'zh');
    expect(info.message).toBe('dueAt：回电时间必须晚于当前时间');
    expect(info.fieldErrors).toEqual({ dueAt: ['回电时间必须晚于当前时间'] });
    expect(readApiError(invalid, 'en').message).toBe('dueAt: a callback must be in the future');
  });

  it('keeps the English of a problem whose code this build does not know', () => {
    const unknown = refusal('Gone', {
      code: 'NOT_FOUND',
      httpStatus: 404,
      appCode: 'NOT_FOUND',
      messageCode: 'case.vanished',
      messageParams: {},
      fieldErrors: { x: ['gone'] },
      fieldMessages: { x: [{ code: 'case.vanished', params: {} }] },
      details: null,
    });
    expect(readApiError(unknown, 'zh')).toMatchObject({ message: 'Gone', fieldErrors: { x: ['gone'] } });
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
      messageCode: 'compliance.blocked',
      messageParams: { ruleId: 'US-REGF-7IN7', reason: 'Seven calls in seven days', others: 0 },
      fieldErrors: {},
      fieldMessages: {},
      details: { verdict, decisionId: 7 },
    });
    expect(readApiError(blocked).verdict).toEqual(verdict);
    expect(readApiError(invalid).verdict).toBeUndefined();
  });
});
