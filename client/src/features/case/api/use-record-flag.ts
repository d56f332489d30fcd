import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInvalidateCase } from './use-invalidate-case.ts';

/**
 * The debtor's rights and circumstances: each is a fact the compliance engine reads, so recording one changes
 * the verdicts at once (a dispute or cease blocks every contact action). One hook per procedure.
 */
function useInvalidating(caseId: string) {
  const invalidate = useInvalidateCase();
  return { onSettled: () => invalidate(caseId) };
}

export function useRecordDispute(caseId: string) {
  const trpc = useTRPC();
  return useMutation(trpc.casework.recordDispute.mutationOptions(useInvalidating(caseId)));
}

/** Verification of a disputed debt was sent: the dispute stops blocking collection. */
export function useRecordVerificationSent(caseId: string) {
  const trpc = useTRPC();
  return useMutation(trpc.casework.recordVerificationSent.mutationOptions(useInvalidating(caseId)));
}

export function useRecordCease(caseId: string) {
  const trpc = useTRPC();
  return useMutation(trpc.casework.recordCease.mutationOptions(useInvalidating(caseId)));
}

export function useRecordAttorney(caseId: string) {
  const trpc = useTRPC();
  return useMutation(trpc.casework.recordAttorney.mutationOptions(useInvalidating(caseId)));
}

export function useRecordBankruptcy(caseId: string) {
  const trpc = useTRPC();
  return useMutation(trpc.casework.recordBankruptcy.mutationOptions(useInvalidating(caseId)));
}

export function useRecordDeath(caseId: string) {
  const trpc = useTRPC();
  return useMutation(trpc.casework.recordDeath.mutationOptions(useInvalidating(caseId)));
}

export function useRecordOptOut(caseId: string) {
  const trpc = useTRPC();
  return useMutation(trpc.casework.recordOptOut.mutationOptions(useInvalidating(caseId)));
}

export function useRevokeConsent(caseId: string) {
  const trpc = useTRPC();
  return useMutation(trpc.casework.revokeConsent.mutationOptions(useInvalidating(caseId)));
}
