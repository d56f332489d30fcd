import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../../lib/schema-form.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useRecordVerificationSent } from '../api/use-record-flag.ts';
import { notAfterNow, typedInstant, wallTimeAt, wallTimeSchema } from '../hooks/typed-instant.ts';
import { type CaseFormProps, expectedVersionOf, useCaseAction } from '../hooks/use-case-action.ts';
import { ActionForm } from './action-form.tsx';
import { WallTimeFields } from './wall-time-fields.tsx';

export interface VerificationFormProps extends CaseFormProps {
  disputeId: string;
}

/** Verification of the disputed debt went to the debtor (in the agent's clock): the dispute's pause ends. */
export function VerificationForm({
  caseId,
  disputeId,
  caseVersion,
  debtorZone,
  onDone,
}: VerificationFormProps) {
  const { t } = useTranslation();
  const { timeZone } = useSessionUser();
  const action = useCaseAction(useRecordVerificationSent(caseId), onDone);
  const [opened] = useState(() => new Date());
  const form = useSchemaForm(wallTimeSchema(timeZone, 'past'), {
    defaultValues: wallTimeAt(opened, timeZone),
    messages: {
      date: (error) => t(error.message === 'future' ? 'actions.flag.future' : 'actions.payment.badTime'),
    },
    serverErrors: action.failure?.fieldErrors,
    serverFieldNames: { sentAt: 'date' },
  });

  return (
    <ActionForm
      form={form}
      action={action}
      debtorZone={debtorZone}
      submitLabel={t('actions.verification.submit')}
      onValid={(value) => {
        const sentAt = typedInstant(value, timeZone);
        if (sentAt)
          action.send({ disputeId, sentAt: notAfterNow(sentAt), ...expectedVersionOf(caseVersion) });
      }}
    >
      <p className="form-consequence">{t('actions.verification.consequence')}</p>
      <WallTimeFields form={form} legend={t('actions.verification.when', { zone: timeZone })} />
    </ActionForm>
  );
}
