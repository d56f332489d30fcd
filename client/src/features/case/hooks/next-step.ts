import type { ActionForm } from './action-intent.ts';

/**
 * Where focus goes once an action is saved: the step an agent usually takes next. A conversation often ends
 * in a promise; a busy line or someone else on it asks for a callback at a better time; money and follow-ups
 * close the case for now, so the next case is next; a new fact about the debtor changes the verdicts, so focus
 * goes to them. Values are `data-step` names on the case screen.
 */
export type NextStep = 'promise' | 'callback' | 'next-case' | 'actions' | 'timeline';

/** Call outcomes that suggest trying the debtor again later today. */
const CALL_AGAIN = new Set(['busy', 'third_party']);

export function nextStepAfter(form: ActionForm, detail?: { callOutcome?: string }): NextStep {
  switch (form) {
    case 'logCall':
      if (detail?.callOutcome === 'conversation') return 'promise';
      return CALL_AGAIN.has(detail?.callOutcome ?? '') ? 'callback' : 'next-case';
    case 'promise':
    case 'plan':
    case 'payment':
    case 'callback':
    case 'sendMessage':
    case 'escalation':
      return 'next-case';
    case 'flag':
    case 'verification':
      return 'actions';
    case 'note':
    case 'complaint':
    case 'statement':
      return 'timeline';
  }
}

/** Focuses the step, falling back to the timeline heading when the step is not on screen (e.g. closed case). */
export function focusStep(step: NextStep): void {
  const target =
    document.querySelector<HTMLElement>(`[data-step="${step}"]:not(:disabled)`) ??
    document.querySelector<HTMLElement>('[data-step="timeline"]');
  target?.focus();
}
