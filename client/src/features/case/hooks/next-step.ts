import type { ActionForm } from './action-intent.ts';

/**
 * Where focus goes once an action is saved: the step an agent usually takes next. A conversation often ends
 * in a promise; money and follow-ups close the case for now, so the next case is next; a new fact about the
 * debtor changes the verdicts, so focus goes to them. Values are `data-step` names on the case screen.
 */
export type NextStep = 'promise' | 'next-case' | 'actions' | 'timeline';

export function nextStepAfter(form: ActionForm, detail?: { callOutcome?: string }): NextStep {
  switch (form) {
    case 'logCall':
      return detail?.callOutcome === 'conversation' ? 'promise' : 'next-case';
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
