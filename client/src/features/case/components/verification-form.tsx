import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionUser } from '../../../lib/session.tsx';
import { useRecordVerificationSent } from '../api/use-record-flag.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import { notAfterNow, typedInstant, wallTimeAt, wallTimeSchema } from '../hooks/typed-instant.ts';
import { useActionForm } from '../hooks/use-action-form.ts';
import type { CaseFormProps } from '../hooks/use-case-action.ts';
import { ActionForm } from './action-form.tsx';
import { WallTimeFields } from './wall-time-fields.tsx';

export interface VerificationFormProps extends CaseFormProps {
  disputeId: string;
}

/** Verification of the disputed debt went to the debtor (in the agent's clock): the dispute's pause ends. */
export function VerificationForm({ disputeId, onDone }: VerificationFormProps) {
  const { t } = useTranslation();
  const { timeZone } = useSessionUser();
  const { caseId, expectedVersion } = useActionCase();
  const [opened] = useState(() => new Date());
  const { action, form } = useActionForm(
    useRecordVerificationSent(caseId),
    onDone,
    wallTimeSchema(timeZone, 'past'),
    {
      defaultValues: wallTimeAt(opened, timeZone),
      messages: {
        date: (error) => t(error.message === 'future' ? 'actions.flag.future' : 'actions.payment.badTime'),
      },
      serverFieldNames: { sentAt: 'date' },
    },
  );

  return (
    <ActionForm
      form={form}
      action={action}
      submitLabel={t('actions.verification.submit')}
      onValid={(value) => {
        const sentAt = typedInstant(value, timeZone);
        if (sentAt) action.send({ disputeId, sentAt: notAfterNow(sentAt), ...expectedVersion });
      }}
    >
      <p className="form-consequence">{t('actions.verification.consequence')}</p>
      <WallTimeFields form={form} legend={t('actions.verification.when', { zone: timeZone })} />
    </ActionForm>
  );
}
