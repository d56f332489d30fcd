import type { OptOutChannel } from '@arrears/shared/domain/enums';
import type { CaseDetail } from '@arrears/shared/schemas/casework';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useRecordOptOut, useRevokeConsent } from '../api/use-record-flag.ts';
import { readActionError } from '../hooks/action-error.ts';
import { ActionFailureAlert } from './action-failure.tsx';

const CHANNELS = Object.keys({
  phone: true,
  sms: true,
  email: true,
  letter: true,
  app_push: true,
  field_visit: true,
} satisfies Record<OptOutChannel, true>) as OptOutChannel[];

export interface PreferenceFormProps {
  caseId: string;
  kind: 'opt_out' | 'consent_revoked';
  points: CaseDetail['contactPoints'];
  contactPointId: string | undefined;
  caseVersion: number | undefined;
  debtorZone: string | undefined;
  onDone: () => void;
}

/**
 * The debtor's say over how they are reached: an opt-out of a channel, of one contact point, or both; or a
 * revoked consent to texts and autodialled calls on one number.
 */
export function PreferenceForm(props: PreferenceFormProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const optOut = useRecordOptOut(props.caseId);
  const revoke = useRevokeConsent(props.caseId);
  const mutation = props.kind === 'opt_out' ? optOut : revoke;
  const candidates =
    props.kind === 'opt_out'
      ? props.points.filter((p) => !p.optedOut)
      : props.points.filter((p) => (p.consentSms || p.consentAutodial) && p.consentRevokedAt === null);
  const [pointId, setPointId] = useState(props.contactPointId ?? '');
  const [channel, setChannel] = useState<OptOutChannel | ''>('');
  const [tried, setTried] = useState(false);
  const problem =
    props.kind === 'opt_out'
      ? pointId === '' && channel === ''
        ? t('actions.optOut.pickOne')
        : undefined
      : pointId === ''
        ? t('actions.logCall.pickPoint')
        : undefined;
  const failure = mutation.error ? readActionError(mutation.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (problem) {
      event.currentTarget.querySelector<HTMLElement>('select')?.focus();
      return;
    }
    const version = props.caseVersion === undefined ? {} : { expectedVersion: props.caseVersion };
    const done = {
      onSuccess: () => {
        idempotency.renew();
        props.onDone();
      },
    };
    if (props.kind === 'consent_revoked') {
      revoke.mutate(
        { idempotencyKey: idempotency.key, caseId: props.caseId, contactPointId: pointId, ...version },
        done,
      );
      return;
    }
    optOut.mutate(
      {
        idempotencyKey: idempotency.key,
        caseId: props.caseId,
        ...(pointId ? { contactPointId: pointId } : {}),
        ...(channel ? { channel } : {}),
        ...version,
      },
      done,
    );
  }

  return (
    <form className="action-form" onSubmit={submit} noValidate>
      <ActionFailureAlert failure={failure} debtorZone={props.debtorZone} />
      <p className="form-consequence">{t(`actions.flag.consequence.${props.kind}`)}</p>
      <FormField
        label={t('actions.optOut.point')}
        error={(tried ? problem : undefined) ?? failure?.fieldErrors.contactPointId?.[0]}
      >
        {(control) => (
          <select
            {...control}
            data-autofocus
            value={pointId}
            onChange={(event) => setPointId(event.target.value)}
          >
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
      </FormField>
      {props.kind === 'opt_out' && (
        <FormField label={t('actions.optOut.channel')} error={failure?.fieldErrors.channel?.[0]}>
          {(control) => (
            <select
              {...control}
              value={channel}
              onChange={(event) => setChannel(event.target.value as OptOutChannel | '')}
            >
              <option value="">{t('actions.optOut.onlyPoint')}</option>
              {CHANNELS.map((value) => (
                <option key={value} value={value}>
                  {t(`case.optOutChannel.${value}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('actions.saving') : t(`actions.flag.submit.${props.kind}`)}
        </button>
      </div>
    </form>
  );
}
