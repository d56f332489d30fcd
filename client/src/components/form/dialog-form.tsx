import type { FormEventHandler, ReactNode } from 'react';
import { Dialog } from '../ui/dialog.tsx';
import { ServerErrorAlert } from './server-error-alert.tsx';
import { SubmitRow } from './submit-row.tsx';

interface DialogFormProps {
  open: boolean;
  /** Esc, the close button and Cancel: the parent resets the form and closes. */
  onClose: () => void;
  title: string;
  description?: string | undefined;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The server's message for the last failed submit. */
  error: string | null | undefined;
  submitLabel: string;
  pending: boolean;
  pendingLabel: string;
  cancelLabel: string;
  children: ReactNode;
}

/** A modal with one form: the server's alert, the fields, then submit and cancel. */
export function DialogForm(props: DialogFormProps) {
  return (
    <Dialog open={props.open} onClose={props.onClose} title={props.title} description={props.description}>
      <form className="action-form" onSubmit={props.onSubmit} noValidate>
        <ServerErrorAlert message={props.error} />
        {props.children}
        <SubmitRow label={props.submitLabel} pending={props.pending} pendingLabel={props.pendingLabel}>
          <button type="button" className="button" onClick={props.onClose}>
            {props.cancelLabel}
          </button>
        </SubmitRow>
      </form>
    </Dialog>
  );
}
