import type { EscalationKind } from '@arrears/shared/domain/enums';

/** Facts about the debtor that change what the compliance engine allows the moment they are recorded. */
export const FLAG_KINDS = [
  'dispute',
  'cease',
  'attorney',
  'bankruptcy',
  'death',
  'opt_out',
  'consent_revoked',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/**
 * What the agent asked to do from the actions panel or a shortcut: the case screen opens the matching form.
 * Contact forms start on the contact point whose row was used.
 */
export type ActionIntent =
  | { form: 'logCall'; contactPointId: string | null; kind: 'call' | 'voicemail' }
  | { form: 'sendMessage'; contactPointId: string | null; channel: 'sms' | 'email' | 'letter' | 'app_push' }
  | { form: 'escalation'; kind: EscalationKind }
  | { form: 'flag'; flag: FlagKind; contactPointId?: string }
  | { form: 'verification'; disputeId: string }
  | { form: 'promise' }
  | { form: 'plan' }
  | { form: 'payment' }
  | { form: 'callback' }
  | { form: 'note' }
  | { form: 'complaint' }
  | { form: 'statement' };

export type ActionForm = ActionIntent['form'];
