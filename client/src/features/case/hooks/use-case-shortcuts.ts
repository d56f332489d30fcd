import type { ComplianceCheckOutput } from '@arrears/shared/schemas/compliance';
import { useHotkeys } from '../../../hooks/use-hotkeys.ts';
import type { ActionIntent } from './action-intent.ts';
import { bestActionOf } from './verdicts.ts';

interface CaseShortcutOptions {
  check: ComplianceCheckOutput | undefined;
  /** Agents and supervisors; other roles only read the case. */
  canWork: boolean;
  active: boolean;
  onIntent: (intent: ActionIntent) => void;
  /** Agents only: claims the next case. */
  onNextCase: (() => void) | null;
}

/**
 * The case screen's keys: `c` log a call (on the first phone that may be called now), `p` promise,
 * `$` payment, `n` next case. Listed on the `?` overlay.
 */
export function useCaseShortcuts({ check, canWork, active, onIntent, onNextCase }: CaseShortcutOptions) {
  useHotkeys(
    {
      c: () => {
        if (!check) return;
        const call = bestActionOf(check, 'call');
        onIntent({ form: 'logCall', kind: 'call', contactPointId: call?.contactPointId ?? null });
      },
      p: () => {
        if (active) onIntent({ form: 'promise' });
      },
      $: () => {
        if (active) onIntent({ form: 'payment' });
      },
      ...(onNextCase ? { n: onNextCase } : {}),
    },
    canWork,
  );
}
