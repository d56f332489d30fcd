import { ACTION_LABELS } from '../format.ts';
import type { Rule } from './rule.ts';

/**
 * US-FDCPA-MIRANDA — the initial communication says it is an attempt to collect a debt and that information
 * obtained will be used for that purpose; later ones say they are from a debt collector. A call carries no
 * message: the agent's script holds the spoken wording. Source: FDCPA 15 USC 1692e(11); 12 CFR 1006.18(e).
 */
export const usFdcpaMiranda: Rule = {
  id: 'US-FDCPA-MIRANDA',
  effect: 'require',
  source: '15 USC 1692e(11); 12 CFR 1006.18(e)',
  timing: false,
  appliesTo: ['call', 'letter', 'sms', 'email'],
  check(context) {
    const { action } = context.facts;
    if (action.kind === 'call' && action.message == null) return null;
    const disclosures = action.message?.disclosures ?? [];
    const label = ACTION_LABELS[action.kind];
    if (action.message?.initial === true) {
      if (disclosures.includes('mini_miranda_initial')) return null;
      return `This ${label} is the initial communication: it must say it is an attempt to collect a debt and that any information obtained will be used for that purpose.`;
    }
    // The initial wording also says who is writing, so it satisfies the later requirement too.
    if (disclosures.includes('mini_miranda') || disclosures.includes('mini_miranda_initial')) return null;
    return `This ${label} must say that it is from a debt collector.`;
  },
};
