import { createContext, type ReactNode, use } from 'react';

/** The case every action form on the case screen acts on, given once by the screen rather than to each form. */
export interface ActionCase {
  caseId: string;
  /** The version the screen shows; a form sends it so that a change made meanwhile is refused, not overwritten. */
  caseVersion: number | undefined;
  /** The debtor's zone, for when a refused action opens again on their clock; undefined when unknown. */
  debtorZone: string | undefined;
}

const ActionCaseContext = createContext<ActionCase | null>(null);

export function ActionCaseProvider({ value, children }: { value: ActionCase; children: ReactNode }) {
  return <ActionCaseContext value={value}>{children}</ActionCaseContext>;
}

/**
 * The case of the screen, with what the forms derive from it: the `expectedVersion` to spread into a request
 * (nothing when the version is unknown), and the debtor's calendar zone (UTC when unknown, as the server settles).
 */
export function useActionCase(): ActionCase & {
  expectedVersion: { expectedVersion?: number };
  calendarZone: string;
} {
  const actionCase = use(ActionCaseContext);
  if (!actionCase) throw new Error('useActionCase is only available on the case screen');
  return {
    ...actionCase,
    expectedVersion: actionCase.caseVersion === undefined ? {} : { expectedVersion: actionCase.caseVersion },
    calendarZone: actionCase.debtorZone ?? 'UTC',
  };
}
