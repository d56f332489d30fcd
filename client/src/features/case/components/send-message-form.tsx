import type { Disclosure } from '@arrears/shared/compliance/actions';
import type { ComplianceCheckOutput } from '@arrears/shared/schemas/compliance';
import { sendMessageInput } from '@arrears/shared/schemas/contacts';
import { useTranslation } from 'react-i18next';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { tooShort } from '../../../lib/schema-form.ts';
import { useSendMessage } from '../api/use-send-message.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import type { PointNames } from '../hooks/point-names.ts';
import { useActionForm } from '../hooks/use-action-form.ts';
import { verdictState } from '../hooks/verdicts.ts';
import { ActionForm } from './action-form.tsx';
import { ContactPointField, ContactPointVerdict } from './contact-point-field.tsx';

/**
 * The disclosures a collection message may carry (US-FDCPA-MIRANDA, US-REGF-OPTOUT), as the contract names them;
 * `creditor_in_subject` belongs to an emailed validation notice (US-REGF-ESIGN), which this form does not send.
 */
const DISCLOSURES = Object.keys({
  mini_miranda_initial: true,
  mini_miranda: true,
  opt_out: true,
} satisfies Record<Exclude<Disclosure, 'creditor_in_subject'>, true>) as Disclosure[];

export interface SendMessageFormProps {
  check: ComplianceCheckOutput;
  channel: 'sms' | 'email' | 'letter' | 'app_push';
  contactPointId: string | null;
  pointNames: PointNames;
  onDone: () => void;
}

/** A message goes to one of the debtor's points: required here, though a letter may go without one. */
const messageSchema = sendMessageInput
  .pick({ contactPointId: true, body: true, disclosures: true })
  .required({ contactPointId: true });

/**
 * A message written for this debtor, with the disclosures it carries ticked by the agent; the guard checks
 * them against the rules (an SMS without the opt-out line is refused with its reason).
 */
export function SendMessageForm(props: SendMessageFormProps) {
  const { t } = useTranslation();
  const { caseId, expectedVersion, debtorZone } = useActionCase();
  const points = props.check.actions.filter((a) => a.kind === props.channel && a.contactPointId !== null);
  const { action, form } = useActionForm(useSendMessage(caseId), props.onDone, messageSchema, {
    defaultValues: {
      contactPointId: props.contactPointId ?? points[0]?.contactPointId ?? '',
      body: '',
      disclosures: [],
    },
    messages: {
      contactPointId: t('actions.logCall.pickPoint'),
      body: tooShort(t('actions.message.emptyBody')),
    },
  });

  const pointId = form.watch('contactPointId');
  const chosen = points.find((a) => a.contactPointId === pointId);
  const blocked = chosen !== undefined && verdictState(chosen.verdict) === 'blocked';

  return (
    <ActionForm
      form={form}
      action={action}
      submitLabel={t(`actions.message.submit.${props.channel}`)}
      summarizeProblems
      blocked={blocked}
      onValid={(value) => {
        if (blocked) return;
        action.send({
          caseId,
          channel: props.channel,
          ...value,
          ...expectedVersion,
        });
      }}
    >
      <ContactPointField
        form={form}
        value={pointId}
        label={t('actions.message.to')}
        actions={points}
        pointNames={props.pointNames}
        autoFocus={false}
      />
      <ContactPointVerdict action={chosen} debtorZone={debtorZone} />
      <SchemaField
        form={form}
        name="body"
        label={t('actions.message.body')}
        hint={t('actions.message.bodyHint')}
      >
        {(control) => <textarea {...control} data-autofocus rows={props.channel === 'sms' ? 3 : 8} />}
      </SchemaField>
      <fieldset className="choice-column">
        <legend>{t('actions.message.disclosures')}</legend>
        {DISCLOSURES.map((disclosure) => (
          <label key={disclosure}>
            <input type="checkbox" {...form.register('disclosures')} value={disclosure} />
            {t(`actions.disclosure.${disclosure}`)}
          </label>
        ))}
      </fieldset>
    </ActionForm>
  );
}
