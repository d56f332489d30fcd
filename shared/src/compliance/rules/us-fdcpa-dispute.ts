import { COLLECTION_ACTIONS } from '../actions.ts';
import { citation, defineRule } from '../define-rule.ts';
import type { ProposedAction } from '../facts.ts';
import { blockedSince } from './dated.ts';

/** The verification itself: a letter or email whose purpose is `validation_notice` or `debt_statement`. */
const sendsVerification = (action: ProposedAction) =>
  (action.kind === 'letter' || action.kind === 'email') &&
  (action.message?.purpose === 'validation_notice' || action.message?.purpose === 'debt_statement');

/**
 * US-FDCPA-DISPUTE — an open dispute pauses collection until verification is sent; the agency applies this
 * to every dispute, not only those inside the validation period. The verification itself (a letter or email
 * whose purpose is `validation_notice` or `debt_statement`) may go out. Source: FDCPA 15 USC 1692g(b).
 */
export const usFdcpaDispute = defineRule({
  id: 'US-FDCPA-DISPUTE',
  effect: 'block',
  source: citation('15 USC 1692g(b)'),
  description: {
    en: 'An open dispute pauses collection until verification is sent.',
    zh: '债务人提出的异议未了结前暂停催收，直至寄出核实材料。',
  },
  timing: false,
  appliesTo: COLLECTION_ACTIONS,
  check(context, { at }) {
    // Open from its receipt until the verification is sent (context.ts decides which verification answers it).
    return blockedSince('disputeOpen', context, at, context.dispute, sendsVerification);
  },
});
