import { citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-FDCPA-MIRANDA — the initial communication says it is an attempt to collect a debt and that information
 * obtained will be used for that purpose; later ones say they are from a debt collector. A call carries no
 * message: the agent's script holds the spoken wording. Source: FDCPA 15 USC 1692e(11); 12 CFR 1006.18(e).
 */
export const usFdcpaMiranda = defineRule({
  id: 'US-FDCPA-MIRANDA',
  effect: 'require',
  source: citation('15 USC 1692e(11); 12 CFR 1006.18(e)'),
  description: {
    en: 'The first communication says it is an attempt to collect a debt; later ones that they are from a debt collector.',
    zh: '首次联系须说明这是在催收债务；此后的联系须表明其来自债务催收方。',
  },
  timing: false,
  appliesTo: ['call', 'letter', 'sms', 'email'],
  check(context) {
    const { action } = context.facts;
    if (action.kind === 'call' && action.message == null) return null;
    const disclosures = action.message?.disclosures ?? [];
    if (action.message?.initial === true) {
      if (disclosures.includes('mini_miranda_initial')) return null;
      return reason('initialDisclosureMissing', { kind: action.kind });
    }
    // The initial wording also says who is writing, so it satisfies the later requirement too.
    if (disclosures.includes('mini_miranda') || disclosures.includes('mini_miranda_initial')) return null;
    return reason('collectorDisclosureMissing', { kind: action.kind });
  },
});
