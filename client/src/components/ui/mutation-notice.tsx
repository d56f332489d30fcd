import type { ReactNode } from 'react';
import { readApiError } from '../../lib/api-error.ts';

interface MutationNoticeProps<Data> {
  /** The write the form sends. */
  mutation: { isError: boolean; error: unknown; isSuccess: boolean; data: Data | undefined };
  /** What is said once it succeeded (nothing is said without it). */
  saved?: (data: Data) => ReactNode;
}

/** What a form says under its fields of the write it sent: the server's message if it failed, else what it did. */
export function MutationNotice<Data>({ mutation, saved }: MutationNoticeProps<Data>) {
  return (
    <>
      {mutation.isError && (
        <p role="alert" className="notice notice-error">
          {readApiError(mutation.error).message}
        </p>
      )}
      {mutation.isSuccess && saved && (
        <p role="status" className="notice">
          {saved(mutation.data as Data)}
        </p>
      )}
    </>
  );
}
