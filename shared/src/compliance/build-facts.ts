import type { ComplianceFacts, DebtFacts, DebtorFacts, HistoryEvent } from './facts.ts';

/**
 * Data builders for tests and demo data: a US debtor in New York with one consenting mobile the debtor gave
 * (checked against the reassigned-numbers database a week before), an active debt D1, no history and a proposed
 * call at 14:00 local on Wednesday 2026-06-10. Override only what matters.
 */
export interface FactsOverrides extends Partial<Omit<ComplianceFacts, 'debtor' | 'debt'>> {
  debtor?: Partial<DebtorFacts>;
  debt?: Partial<DebtFacts>;
}

export function buildFacts(overrides: FactsOverrides = {}): ComplianceFacts {
  const { debtor, debt, ...rest } = overrides;
  return {
    now: '2026-06-10T18:00:00Z',
    contactPoints: [
      {
        id: 'm1',
        kind: 'mobile',
        consent: { autodial: true, sms: true },
        provenance: 'debtor_given',
        reassignedCheckedAt: '2026-06-03T12:00:00Z',
      },
    ],
    history: [],
    action: { kind: 'call', contactPointId: 'm1' },
    ...rest,
    debtor: { jurisdiction: { country: 'US' }, timeZones: ['America/New_York'], ...debtor },
    debt: { id: 'D1', status: 'active', ...debt },
  };
}

/** An outbound, unanswered call to m1 about D1. */
export function callEvent(at: string, overrides: Partial<HistoryEvent> = {}): HistoryEvent {
  return {
    at,
    kind: 'call',
    direction: 'outbound',
    contactPointId: 'm1',
    debtIds: ['D1'],
    outcome: 'no_answer',
    ...overrides,
  };
}

/** One call at `time` (UTC) on each June day in `days`, e.g. dailyCalls([4, 5, 6]). */
export function dailyCalls(
  days: readonly number[],
  time = '14:00:00',
  overrides: Partial<HistoryEvent> = {},
): HistoryEvent[] {
  return days.map((day) => callEvent(`2026-06-${String(day).padStart(2, '0')}T${time}Z`, overrides));
}
