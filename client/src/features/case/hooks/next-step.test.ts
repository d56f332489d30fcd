import { describe, expect, it } from 'vitest';
import { nextStepAfter } from './next-step.ts';

describe('nextStepAfter', () => {
  it('offers a promise after a conversation and the next case after any other call', () => {
    expect(nextStepAfter('logCall', { callOutcome: 'conversation' })).toBe('promise');
    expect(nextStepAfter('logCall', { callOutcome: 'no_answer' })).toBe('next-case');
  });

  it('offers a callback after a busy line or a third party on it', () => {
    expect(nextStepAfter('logCall', { callOutcome: 'busy' })).toBe('callback');
    expect(nextStepAfter('logCall', { callOutcome: 'third_party' })).toBe('callback');
    expect(nextStepAfter('logCall', { callOutcome: 'voicemail' })).toBe('next-case');
  });

  it('moves on to the next case once money is recorded', () => {
    expect(nextStepAfter('promise')).toBe('next-case');
    expect(nextStepAfter('payment')).toBe('next-case');
  });

  it('shows the changed verdicts after a fact about the debtor', () => {
    expect(nextStepAfter('flag')).toBe('actions');
  });
});
