import { describe, expect, it } from 'vitest';
import { buildFacts, dailyCalls } from '../build-facts.ts';
import { evaluate } from '../engine.ts';
import { displayReason, renderReason } from './render.ts';

describe('renderReason', () => {
  it('words a weekly call cap from its code and parameters', () => {
    const text = renderReason({ code: 'callCapReached', params: { made: 7, days: 7, day: 20614, max: 7 } });
    expect(text).toBe(
      "7 calls already made about this debt in the 7 days ending today (Jun 4–Jun 10, debtor's time); the limit is 7.",
    );
  });

  it('gives every hit of a verdict the English text of its own code and parameters', () => {
    const verdict = evaluate(buildFacts({ history: dailyCalls([4, 5, 6, 7, 8, 9, 10], '13:00:00') }));
    const hit = verdict.violations[0]!;
    expect(displayReason(hit)).toBe(hit.reason);
  });
});

describe('displayReason', () => {
  it('shows a decision stored before reasons had codes by its English text', () => {
    expect(displayReason({ reason: 'The case is closed; no collection action may be taken.' })).toBe(
      'The case is closed; no collection action may be taken.',
    );
  });

  it('renders from the code when there is one, and falls back to the text for a code it does not know', () => {
    expect(displayReason({ reason: 'stored words', reasonCode: 'caseClosed', reasonParams: {} })).toBe(
      'The case is closed; no collection action may be taken.',
    );
    expect(displayReason({ reason: 'stored words', reasonCode: 'retiredCode', reasonParams: {} })).toBe(
      'stored words',
    );
  });
});
