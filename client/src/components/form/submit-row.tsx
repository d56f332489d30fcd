import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface SubmitRowProps {
  label: string;
  pending: boolean;
  /** Said on the button while the request runs; "Saving…" unless told. */
  pendingLabel?: string | undefined;
  /** Not to be sent at all now (a contact the rules block): the button stays disabled. */
  disabled?: boolean | undefined;
  /** Buttons after the submit one (Cancel…). */
  children?: ReactNode;
}

/** A form's button row: the submit button, disabled and relabelled while the request runs. */
export function SubmitRow({ label, pending, pendingLabel, disabled = false, children }: SubmitRowProps) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={pending || disabled}>
        {pending ? (pendingLabel ?? t('actions.saving')) : label}
      </button>
      {children}
    </div>
  );
}
