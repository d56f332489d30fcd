import {
  outsideWindow,
  PAST_CONTACT_MAX_HOURS,
  pastContactWindow,
} from '@arrears/shared/domain/recording-window';
import type { ComplianceCheckOutput } from '@arrears/shared/schemas/compliance';
import type { CALL_OUTCOMES } from '@arrears/shared/schemas/contacts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useLogCall } from '../api/use-log-call.ts';
import { readActionError } from '../hooks/action-error.ts';
import { parseCallDuration } from '../hooks/duration.ts';
import type { PointNames } from '../hooks/point-names.ts';
import { verdictState } from '../hooks/verdicts.ts';
import { clockInZone, zoneCity } from '../hooks/zone-time.ts';
import { dayInZone, instantFromWallTime, timeInZone } from '../hooks/zoned-input.ts';
import { ActionFailureAlert } from './action-failure.tsx';
import { ContactPointField, ContactPointVerdict } from './contact-point-field.tsx';

type CallOutcome = (typeof CALL_OUTCOMES)[number];
/** The contract's outcomes in the order an agent meets them; the record type fails when the contract moves. */
const OUTCOMES = Object.keys({
  conversation: true,
  no_answer: true,
  voicemail: true,
  busy: true,
  wrong_party: true,
  third_party: true,
  not_in_service: true,
  failed: true,
} satisfies Record<CallOutcome, true>) as CallOutcome[];

export interface LogCallFormProps {
  caseId: string;
  check: ComplianceCheckOutput;
  contactPointId: string | null;
  kind: 'call' | 'voicemail';
  caseVersion: number | undefined;
  /** When the case was placed: no call on it can be logged before then. */
  placedAt: string;
  pointNames: PointNames;
  onDone: (outcome: CallOutcome) => void;
}

/**
 * Log a call: where, what kind, which way, how it went, how long, when, and notes. Outbound calls are judged at
 * the time they happened. "When" is today on the agent's clock, inside the window the server allows.
 */
export function LogCallForm(props: LogCallFormProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const logCall = useLogCall(props.caseId);
  const [kind, setKind] = useState(props.kind);
  const points = props.check.actions.filter((a) => a.kind === kind && a.contactPointId !== null);
  const [pointId, setPointId] = useState(props.contactPointId ?? points[0]?.contactPointId ?? '');
  const [direction, setDirection] = useState<'outbound' | 'inbound'>('outbound');
  const [outcome, setOutcome] = useState<CallOutcome | ''>('');
  const [duration, setDuration] = useState('');
  const [notes, setNotes] = useState('');
  /** Empty means now: the server's clock decides, so a slow browser clock cannot misdate the call. */
  const [time, setTime] = useState('');
  const [tried, setTried] = useState(false);

  const debtorZone = props.check.debtorZones[0]?.zone;
  const chosen = points.find((a) => a.contactPointId === pointId);
  // Inbound calls are not attempts: the guard logs them without judging, so a block does not apply.
  const blocked =
    direction === 'outbound' && chosen !== undefined && verdictState(chosen.verdict) === 'blocked';
  const seconds = parseCallDuration(duration);
  const now = new Date();
  const allowed = pastContactWindow({ now, agentZone: timeZone, placedAt: new Date(props.placedAt) });
  const windowStart = clockInZone(allowed.earliest, timeZone, locale);
  const occurredAt = time === '' ? null : instantFromWallTime(dayInZone(now, timeZone), time, timeZone);
  const problems = {
    point: chosen ? undefined : t('actions.logCall.pickPoint'),
    outcome: outcome ? undefined : t('actions.logCall.pickOutcome'),
    duration: seconds === 'invalid' ? t('actions.logCall.badDuration') : undefined,
    when:
      time !== '' && (occurredAt === null || outsideWindow('occurredAt', occurredAt, allowed) !== null)
        ? t('actions.logCall.whenOutside', { from: windowStart })
        : undefined,
  };
  const failure = logCall.error ? readActionError(logCall.error) : null;
  const hasProblems = Object.values(problems).some(Boolean);
  const show = (field: keyof typeof problems) =>
    (tried ? problems[field] : undefined) ?? failure?.fieldErrors[serverField[field]]?.[0];

  function changeKind(next: 'call' | 'voicemail') {
    setKind(next);
    const reachable = props.check.actions.filter((a) => a.kind === next && a.contactPointId !== null);
    if (!reachable.some((a) => a.contactPointId === pointId)) setPointId(reachable[0]?.contactPointId ?? '');
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (hasProblems || blocked || !outcome || seconds === 'invalid') {
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    logCall.mutate(
      {
        idempotencyKey: idempotency.key,
        caseId: props.caseId,
        contactPointId: pointId,
        kind,
        direction,
        outcome,
        ...(seconds === null ? {} : { durationSeconds: seconds }),
        ...(occurredAt === null ? {} : { occurredAt: occurredAt.toISOString() }),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(props.caseVersion === undefined ? {} : { expectedVersion: props.caseVersion }),
      },
      {
        onSuccess: () => {
          idempotency.renew();
          props.onDone(outcome);
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
      <fieldset className="choice-row">
        <legend>{t('actions.logCall.kind')}</legend>
        {(['call', 'voicemail'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="kind" checked={kind === value} onChange={() => changeKind(value)} />
            {t(`actions.kind.${value}`)}
          </label>
        ))}
      </fieldset>
      <ContactPointField
        label={t('actions.logCall.contactPoint')}
        actions={points}
        value={pointId}
        onChange={setPointId}
        error={show('point')}
        pointNames={props.pointNames}
        autoFocus={!props.contactPointId}
        judged={direction === 'outbound'}
      />
      <fieldset className="choice-row">
        <legend>{t('actions.logCall.direction')}</legend>
        {(['outbound', 'inbound'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="direction"
              checked={direction === value}
              onChange={() => setDirection(value)}
            />
            {t(`actions.logCall.${value}`)}
          </label>
        ))}
      </fieldset>
      {/* The verdict of the chosen number shows after the direction: it applies to outbound calls only. */}
      {direction === 'outbound' && <ContactPointVerdict action={chosen} debtorZone={debtorZone} />}
      <FormField label={t('actions.logCall.outcome')} error={show('outcome')}>
        {(control) => (
          <select
            {...control}
            data-autofocus={props.contactPointId ? true : undefined}
            value={outcome}
            onChange={(event) => setOutcome(event.target.value as CallOutcome | '')}
          >
            <option value="">{t('actions.logCall.choose')}</option>
            {OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {t(`actions.callOutcome.${value}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label={t('actions.logCall.duration')}
        hint={t('actions.logCall.durationHint')}
        error={show('duration')}
      >
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            autoComplete="off"
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        label={t('actions.logCall.when', { city: zoneCity(timeZone) })}
        hint={t('actions.logCall.whenHint', { from: windowStart, hours: PAST_CONTACT_MAX_HOURS })}
        error={show('when')}
      >
        {(control) => (
          <input
            {...control}
            type="time"
            min={timeInZone(allowed.earliest, timeZone)}
            max={timeInZone(now, timeZone)}
            value={time}
            onChange={(e) => setTime(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('actions.notes')} error={failure?.fieldErrors.notes?.[0]}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={4000}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={logCall.isPending || blocked}>
          {logCall.isPending ? t('actions.saving') : t('actions.logCall.submit')}
        </button>
      </div>
    </form>
  );
}

const serverField = {
  point: 'contactPointId',
  outcome: 'outcome',
  duration: 'durationSeconds',
  when: 'occurredAt',
} as const;
