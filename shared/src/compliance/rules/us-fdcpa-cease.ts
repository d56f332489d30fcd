import { COLLECTION_ACTIONS } from '../actions.ts';
import { citation, defineRule } from '../define-rule.ts';
import type { ProposedAction } from '../facts.ts';
import { blockedSince } from './dated.ts';

/** The letters that may still go out: one confirming that collection ends, or one notifying a specific remedy. */
const confirmsCeaseOrRemedy = (action: ProposedAction) =>
  action.kind === 'letter' &&
  (action.message?.purpose === 'cease_ack' || action.message?.purpose === 'remedy_notice');

/**
 * US-FDCPA-CEASE — after a written refusal to pay or request to stop, only a letter confirming that
 * collection ends (`cease_ack`) or notifying a specific remedy (`remedy_notice`) may go out
 * (docs/compliance/CATALOG.md, principle 9). Source: FDCPA 15 USC 1692c(c).
 */
export const usFdcpaCease = defineRule({
  id: 'US-FDCPA-CEASE',
  effect: 'block',
  source: citation('15 USC 1692c(c)'),
  description: {
    en: 'After a written refusal to pay or request to stop, only a cease acknowledgement or remedy notice may be sent.',
    zh: '债务人书面拒绝还款或要求停止联系后，仅可寄送停止催收确认函或救济措施通知。',
  },
  timing: false,
  appliesTo: COLLECTION_ACTIONS,
  check(context, { at }) {
    return blockedSince('ceaseRequested', context, at, context.cease, confirmsCeaseOrRemedy);
  },
});
