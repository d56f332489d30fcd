import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** Exactly one thing to reveal: a contact point, a third party's phone, or a field of the debtor. */
export type RevealTarget = { contactPointId: string } | { thirdPartyId: string } | { field: 'dateOfBirth' };

/** Reveals one masked value; the server records who saw it and when. */
export function useRevealContact() {
  const trpc = useTRPC();
  return useMutation(trpc.casework.revealContact.mutationOptions());
}
