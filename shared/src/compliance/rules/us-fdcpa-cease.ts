import { COLLECTION_ACTIONS } from '../actions.ts';
import { inEffect } from '../context.ts';
import { formatDate } from '../format.ts';
import type { Rule } from './rule.ts';

/**
 * US-FDCPA-CEASE — after a written refusal to pay or request to stop, only a letter confirming that
 * collection ends (`cease_ack`) or notifying a specific remedy (`remedy_notice`) may go out (decision 9).
 * Source: FDCPA 15 USC 1692c(c).
 */
export const usFdcpaCease: Rule = {
  id: 'US-FDCPA-CEASE',
  effect: 'block',
  source: '15 USC 1692c(c)',
  timing: false,
  appliesTo: COLLECTION_ACTIONS,
  check(context, { at }) {
    const { action } = context.facts;
    const cease = context.cease;
    if (cease === null || !inEffect(context, cease, at)) return null;
    const purpose = action.message?.purpose;
    if (action.kind === 'letter' && (purpose === 'cease_ack' || purpose === 'remedy_notice')) return null;
    const on = formatDate(context.calendar, cease.from);
    return `The debtor asked in writing on ${on} that collection stop; only a letter confirming that it ends or naming a specific remedy may be sent.`;
  },
};
