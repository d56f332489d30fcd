import type { UseMutationResult } from '@tanstack/react-query';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { type ActionFailure, readActionError } from './action-error.ts';

export interface CaseAction<I> {
  failure: ActionFailure | null;
  pending: boolean;
  /**
   * Sends the request under this opening's idempotency key; on success renews the key and calls `onDone`
   * (or `done`, when this submission knows better what to report).
   */
  send: (input: Omit<I, 'idempotencyKey'>, done?: () => void) => void;
}

/**
 * The write behind an action form: one idempotency key per opening (decision 022), sent again unchanged on a
 * retry, renewed after a success; the failure read once for the alert and the fields.
 */
export function useCaseAction<I extends { idempotencyKey: string }, O>(
  mutation: UseMutationResult<O, unknown, I, unknown>,
  onDone: (output: O) => void,
): CaseAction<I> {
  const idempotency = useIdempotencyKey();
  return {
    failure: mutation.error ? readActionError(mutation.error) : null,
    pending: mutation.isPending,
    send: (input, done) => {
      if (mutation.isPending) return;
      mutation.mutate({ ...input, idempotencyKey: idempotency.key } as I, {
        onSuccess: (output) => {
          idempotency.renew();
          if (done) done();
          else onDone(output);
        },
      });
    },
  };
}

/** What every case form is given: what to do when saved (the case itself comes from `useActionCase`). */
export interface CaseFormProps {
  onDone: () => void;
}
