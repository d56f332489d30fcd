import { RULE_IDS } from '@arrears/shared/compliance/packs';
import { addDays, localDate } from '@arrears/shared/domain/calendar';
import { ACTION_KINDS, CONTACT_OUTCOMES, DECISION_OUTCOMES } from '@arrears/shared/domain/enums';
import { AUDIT_ACTORS, AUDIT_KINDS, type AuditKind, REVIEW_STATES } from '@arrears/shared/schemas/oversight';
import { useCallback } from 'react';
import { useUrlState } from '../../../lib/url-state.ts';

/** The audit page's state, all of it in the URL so a filtered view can be bookmarked and shared. */
export interface AuditState {
  kind: AuditKind;
  from: string;
  to: string;
  agentId?: string | undefined;
  teamId?: string | undefined;
  portfolioId?: string | undefined;
  ruleId?: string | undefined;
  actionKind?: string | undefined;
  outcome?: string | undefined;
  review?: string | undefined;
  by?: string | undefined;
}

export const FILTER_KEYS = [
  'agentId',
  'teamId',
  'portfolioId',
  'ruleId',
  'actionKind',
  'outcome',
  'review',
  'by',
] as const satisfies ReadonlyArray<keyof AuditState>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Today's date in a zone, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return localDate(timeZone, now);
}

export { addDays };

const oneOf = (values: readonly string[], value: string | null) =>
  value !== null && values.includes(value) ? value : undefined;

/** Reads the URL; anything unknown is dropped, so a hand-edited link cannot send bad input to the server. */
export function parseAuditParams(params: URLSearchParams, timeZone: string): AuditState {
  const today = todayIn(timeZone);
  const to = DATE.test(params.get('to') ?? '') ? params.get('to')! : today;
  const from = DATE.test(params.get('from') ?? '') ? params.get('from')! : addDays(to, -6);
  const kind = (oneOf(AUDIT_KINDS, params.get('kind')) ?? 'decisions') as AuditKind;
  const uuid = (key: string) => (UUID.test(params.get(key) ?? '') ? params.get(key)! : undefined);
  const outcomes = kind === 'decisions' ? DECISION_OUTCOMES : CONTACT_OUTCOMES;
  return {
    kind,
    from,
    to,
    agentId: uuid('agentId'),
    teamId: uuid('teamId'),
    portfolioId: uuid('portfolioId'),
    ruleId: oneOf(RULE_IDS, params.get('ruleId')),
    actionKind: oneOf(ACTION_KINDS, params.get('actionKind')),
    outcome: oneOf(outcomes, params.get('outcome')),
    review: oneOf(REVIEW_STATES, params.get('review')),
    by: oneOf(AUDIT_ACTORS, params.get('by')),
  };
}

export function toAuditParams(state: AuditState): URLSearchParams {
  const params = new URLSearchParams({ kind: state.kind, from: state.from, to: state.to });
  for (const key of FILTER_KEYS) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  return params;
}

export function hasFilters(state: AuditState): boolean {
  return FILTER_KEYS.some((key) => state[key] !== undefined);
}

export function useAuditParams(timeZone: string): [AuditState, (change: Partial<AuditState>) => void] {
  const parse = useCallback((params: URLSearchParams) => parseAuditParams(params, timeZone), [timeZone]);
  const [state, update] = useUrlState(parse, toAuditParams);
  const change = useCallback(
    (change: Partial<AuditState>) =>
      update((current) => {
        const next = { ...current, ...change };
        // An outcome of decisions means nothing for contacts and the other way round.
        if (change.kind !== undefined) next.outcome = undefined;
        return next;
      }),
    [update],
  );
  return [state, change];
}
