import type { OptOutChannel } from '@arrears/shared/domain/enums';
import type { CaseDetail } from '@arrears/shared/schemas/casework';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { Options } from '../../../components/ui/options.tsx';
import { useSchemaForm } from '../../../lib/schema-form.ts';
import { useRecordOptOut, useRevokeConsent } from '../api/use-record-flag.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import { type CaseFormProps, useCaseAction } from '../hooks/use-case-action.ts';
import { ActionForm } from './action-form.tsx';

const CHANNELS = Object.keys({
  phone: true,
  sms: true,
  email: true,
  letter: true,
  app_push: true,
  field_visit: true,
} satisfies Record<OptOutChannel, true>) as OptOutChannel[];

/** An opt-out names a channel, a contact point or both; a revoked consent names its contact point. */
const preferenceSchema = z.object({ contactPointId: z.string(), channel: z.enum(['', ...CHANNELS]) });
const SCHEMAS = {
  opt_out: preferenceSchema.refine((value) => value.contactPointId !== '' || value.channel !== '', {
    path: ['contactPointId'],
  }),
  consent_revoked: preferenceSchema.refine((value) => value.contactPointId !== '', {
    path: ['contactPointId'],
  }),
};

export interface PreferenceFormProps extends CaseFormProps {
  kind: 'opt_out' | 'consent_revoked';
  points: CaseDetail['contactPoints'];
  contactPointId: string | undefined;
}

/**
 * The debtor's say over how they are reached: an opt-out of a channel, of one contact point, or both; or a
 * revoked consent to texts and autodialled calls on one number.
 */
export function PreferenceForm(props: PreferenceFormProps) {
  const { t } = useTranslation();
  const { caseId, expectedVersion: version } = useActionCase();
  const optOut = useCaseAction(useRecordOptOut(caseId), props.onDone);
  const revoke = useCaseAction(useRevokeConsent(caseId), props.onDone);
  const action = props.kind === 'opt_out' ? optOut : revoke;
  const candidates =
    props.kind === 'opt_out'
      ? props.points.filter((p) => !p.optedOut)
      : props.points.filter((p) => (p.consentSms || p.consentAutodial) && p.consentRevokedAt === null);
  const form = useSchemaForm(SCHEMAS[props.kind], {
    defaultValues: { contactPointId: props.contactPointId ?? '', channel: '' },
    messages: {
      contactPointId: t(props.kind === 'opt_out' ? 'actions.optOut.pickOne' : 'actions.logCall.pickPoint'),
    },
    serverErrors: action.failure?.fieldErrors,
  });

  return (
    <ActionForm
      form={form}
      action={action}
      submitLabel={t(`actions.flag.submit.${props.kind}`)}
      onValid={({ contactPointId, channel }) => {
        if (props.kind === 'consent_revoked') revoke.send({ caseId, contactPointId, ...version });
        else {
          optOut.send({
            caseId,
            ...(contactPointId ? { contactPointId } : {}),
            ...(channel ? { channel } : {}),
            ...version,
          });
        }
      }}
    >
      <p className="form-consequence">{t(`actions.flag.consequence.${props.kind}`)}</p>
      <SchemaField form={form} name="contactPointId" label={t('actions.optOut.point')}>
        {(control) => (
          <select {...control} data-autofocus>
            <option value="">
              {props.kind === 'opt_out' ? t('actions.optOut.anyPoint') : t('actions.logCall.choose')}
            </option>
            {candidates.map((point) => (
              <option key={point.id} value={point.id}>
                {`${t(`case.pointKind.${point.kind}`)} ${point.masked}`}
              </option>
            ))}
          </select>
        )}
      </SchemaField>
      {props.kind === 'opt_out' && (
        <SchemaField form={form} name="channel" label={t('actions.optOut.channel')}>
          {(control) => (
            <select {...control}>
              <option value="">{t('actions.optOut.onlyPoint')}</option>
              <Options values={CHANNELS} label={(value) => t(`case.optOutChannel.${value}`)} />
            </select>
          )}
        </SchemaField>
      )}
    </ActionForm>
  );
}
