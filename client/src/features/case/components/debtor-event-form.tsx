import { recordDisputeInput } from '@arrears/shared/schemas/casework';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { tooShort, useSchemaForm } from '../../../lib/schema-form.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import {
  useRecordBankruptcy,
  useRecordCease,
  useRecordDeath,
  useRecordDispute,
} from '../api/use-record-flag.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import {
  checkWallTime,
  notAfterNow,
  typedInstant,
  wallTimeAt,
  wallTimeShape,
} from '../hooks/typed-instant.ts';
import { type CaseFormProps, useCaseAction } from '../hooks/use-case-action.ts';
import { ActionForm } from './action-form.tsx';
import { WallTimeFields } from './wall-time-fields.tsx';

export type DebtorEventKind = 'dispute' | 'cease' | 'bankruptcy' | 'death';

export interface DebtorEventFormProps extends CaseFormProps {
  kind: DebtorEventKind;
}

/** A dispute carries the debtor's reason; the other events only their date. */
const disputeSchema = recordDisputeInput.pick({ reason: true }).extend(wallTimeShape);
const eventSchema = z.object({ reason: z.string() }).extend(wallTimeShape);
const WHEN_FIELD = {
  dispute: 'receivedAt',
  cease: 'receivedAt',
  bankruptcy: 'filedAt',
  death: 'diedAt',
} as const;

/**
 * A dispute, a cease request, a bankruptcy filing or a death: each dated (when it reached the agency, was
 * filed, happened; in the agent's clock), and a dispute with the debtor's reason. The compliance engine reads
 * the fact from the moment it is saved.
 */
export function DebtorEventForm({ kind, onDone }: DebtorEventFormProps) {
  const { t } = useTranslation();
  const { timeZone } = useSessionUser();
  const { caseId, expectedVersion: version } = useActionCase();
  const actions = {
    dispute: useCaseAction(useRecordDispute(caseId), onDone),
    cease: useCaseAction(useRecordCease(caseId), onDone),
    bankruptcy: useCaseAction(useRecordBankruptcy(caseId), onDone),
    death: useCaseAction(useRecordDeath(caseId), onDone),
  };
  const action = actions[kind];
  const [opened] = useState(() => new Date());
  const form = useSchemaForm(
    (kind === 'dispute' ? disputeSchema : eventSchema).superRefine(checkWallTime(timeZone, 'past')),
    {
      defaultValues: { reason: '', ...wallTimeAt(opened, timeZone) },
      messages: {
        reason: tooShort(t('actions.flag.reasonNeeded')),
        date: (error) => t(error.message === 'future' ? 'actions.flag.future' : 'actions.payment.badTime'),
      },
      serverErrors: action.failure?.fieldErrors,
      serverFieldNames: { [WHEN_FIELD[kind]]: 'date' },
    },
  );

  function send(value: { reason: string; date: string; time: string }) {
    const at = typedInstant(value, timeZone);
    if (!at) return;
    const iso = notAfterNow(at);
    if (kind === 'dispute')
      actions.dispute.send({ caseId, reason: value.reason, receivedAt: iso, ...version });
    if (kind === 'cease') actions.cease.send({ caseId, receivedAt: iso, ...version });
    if (kind === 'bankruptcy') actions.bankruptcy.send({ caseId, filedAt: iso, ...version });
    if (kind === 'death') actions.death.send({ caseId, diedAt: iso, ...version });
  }

  return (
    <ActionForm form={form} action={action} submitLabel={t(`actions.flag.submit.${kind}`)} onValid={send}>
      <p className="form-consequence">{t(`actions.flag.consequence.${kind}`)}</p>
      {kind === 'dispute' && (
        <SchemaField form={form} name="reason" label={t('actions.flag.disputeReason')}>
          {(control) => <textarea {...control} data-autofocus rows={3} />}
        </SchemaField>
      )}
      <WallTimeFields form={form} legend={t(`actions.flag.when.${kind}`, { zone: timeZone })} />
    </ActionForm>
  );
}
