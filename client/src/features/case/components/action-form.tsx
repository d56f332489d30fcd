import type { BaseSyntheticEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitRow } from '../../../components/form/submit-row.tsx';
import type { CaseAction } from '../hooks/use-case-action.ts';
import { ActionFailureAlert } from './action-failure.tsx';

interface ActionFormProps<O> {
  form: {
    handleSubmit: (onValid: (values: O) => void) => (event?: BaseSyntheticEvent) => Promise<void>;
    hasProblems: boolean;
  };
  // biome-ignore lint/suspicious/noExplicitAny: the frame only reads the failure and the pending state
  action: CaseAction<any>;
  onValid: (values: O) => void;
  submitLabel: string;
  pendingLabel?: string;
  /** Say "fix the fields" in the alert when the form's own checks stop a submit (the money forms). */
  summarizeProblems?: boolean;
  /** The rules block the action as chosen: the submit button stays disabled. */
  blocked?: boolean;
  children: ReactNode;
}

/** The frame of every case action form: the one alert, the fields, the submit row. */
export function ActionForm<O>({
  form,
  action,
  onValid,
  submitLabel,
  pendingLabel,
  summarizeProblems = false,
  blocked = false,
  children,
}: ActionFormProps<O>) {
  const { t } = useTranslation();
  return (
    <form className="action-form" onSubmit={form.handleSubmit(onValid)} noValidate>
      <ActionFailureAlert
        failure={action.failure}
        localProblem={summarizeProblems && form.hasProblems ? t('actions.fixFields') : null}
      />
      {children}
      <SubmitRow
        label={submitLabel}
        pending={action.pending}
        pendingLabel={pendingLabel}
        disabled={blocked}
      />
    </form>
  );
}
