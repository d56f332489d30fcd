import type { Disclosure } from '@arrears/shared/compliance/actions';
import type { ComplianceCheckOutput } from '@arrears/shared/schemas/compliance';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useSendMessage } from '../api/use-send-message.ts';
import { readActionError } from '../hooks/action-error.ts';
import type { PointNames } from '../hooks/point-names.ts';
import { verdictState } from '../hooks/verdicts.ts';
import { ActionFailureAlert } from './action-failure.tsx';
import { ContactPointField, ContactPointVerdict } from './contact-point-field.tsx';

/** The disclosures a collection message may carry (US-FDCPA-MIRANDA, US-REGF-OPTOUT), as the contract names them. */
const DISCLOSURES = Object.keys({
  mini_miranda_initial: true,
  mini_miranda: true,
  opt_out: true,
} satisfies Record<Disclosure, true>) as Disclosure[];

export interface SendMessageFormProps {
  caseId: string;
  check: ComplianceCheckOutput;
  channel: 'sms' | 'email' | 'letter' | 'app_push';
  contactPointId: string | null;
  caseVersion: number | undefined;
  pointNames: PointNames;
  onDone: () => void;
}

/**
 * A message written for this debtor, with the disclosures it carries ticked by the agent; the guard checks
 * them against the rules (an SMS without the opt-out line is refused with its reason).
 */
export function SendMessageForm(props: SendMessageFormProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const send = useSendMessage(props.caseId);
  const points = props.check.actions.filter((a) => a.kind === props.channel && a.contactPointId !== null);
  const [pointId, setPointId] = useState(props.contactPointId ?? points[0]?.contactPointId ?? '');
  const [body, setBody] = useState('');
  const [disclosures, setDisclosures] = useState<ReadonlySet<Disclosure>>(new Set());
  const [tried, setTried] = useState(false);

  const debtorZone = props.check.debtorZones[0]?.zone;
  const chosen = points.find((a) => a.contactPointId === pointId);
  const state = chosen ? verdictState(chosen.verdict) : null;
  const problems = {
    point: chosen ? undefined : t('actions.logCall.pickPoint'),
    body: body.trim() ? undefined : t('actions.message.emptyBody'),
  };
  const hasProblems = Object.values(problems).some(Boolean);
  const failure = send.error ? readActionError(send.error) : null;

  function toggle(disclosure: Disclosure, on: boolean) {
    setDisclosures((current) => {
      const next = new Set(current);
      if (on) next.add(disclosure);
      else next.delete(disclosure);
      return next;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (hasProblems || state === 'blocked') {
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    send.mutate(
      {
        idempotencyKey: idempotency.key,
        caseId: props.caseId,
        channel: props.channel,
        contactPointId: pointId,
        body: body.trim(),
        disclosures: [...disclosures],
        ...(props.caseVersion === undefined ? {} : { expectedVersion: props.caseVersion }),
      },
      {
        onSuccess: () => {
          idempotency.renew();
          props.onDone();
        },
      },
    );
  }

  return (
    <form className="action-form" onSubmit={submit} noValidate>
      <ActionFailureAlert
        failure={failure}
        localProblem={tried && hasProblems ? t('actions.fixFields') : null}
        debtorZone={debtorZone}
      />
      <ContactPointField
        label={t('actions.message.to')}
        actions={points}
        value={pointId}
        onChange={setPointId}
        error={(tried ? problems.point : undefined) ?? failure?.fieldErrors.contactPointId?.[0]}
        pointNames={props.pointNames}
        autoFocus={false}
      />
      <ContactPointVerdict action={chosen} debtorZone={debtorZone} />
      <FormField
        label={t('actions.message.body')}
        hint={t('actions.message.bodyHint')}
        error={(tried ? problems.body : undefined) ?? failure?.fieldErrors.body?.[0]}
      >
        {(control) => (
          <textarea
            {...control}
            data-autofocus
            rows={props.channel === 'sms' ? 3 : 8}
            maxLength={20_000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </FormField>
      <fieldset className="choice-column">
        <legend>{t('actions.message.disclosures')}</legend>
        {DISCLOSURES.map((disclosure) => (
          <label key={disclosure}>
            <input
              type="checkbox"
              checked={disclosures.has(disclosure)}
              onChange={(event) => toggle(disclosure, event.target.checked)}
            />
            {t(`actions.disclosure.${disclosure}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={send.isPending || state === 'blocked'}
        >
          {send.isPending ? t('actions.saving') : t(`actions.message.submit.${props.channel}`)}
        </button>
      </div>
    </form>
  );
}
