import {
  outsideWindow,
  PAST_CONTACT_MAX_HOURS,
  pastContactWindow,
  type RecordingWindow,
} from '@arrears/shared/domain/recording-window';
import type { ComplianceCheckOutput } from '@arrears/shared/schemas/compliance';
import { type CALL_OUTCOMES, logCallInput } from '@arrears/shared/schemas/contacts';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { Options } from '../../../components/ui/options.tsx';
import { useSessionUser } from '../../../lib/session.tsx';
import { useLogCall } from '../api/use-log-call.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import { parseCallDuration } from '../hooks/duration.ts';
import type { PointNames } from '../hooks/point-names.ts';
import { useActionForm } from '../hooks/use-action-form.ts';
import { verdictState } from '../hooks/verdicts.ts';
import { clockInZone, zoneCity } from '../hooks/zone-time.ts';
import { dayInZone, instantFromWallTime, timeInZone } from '../hooks/zoned-input.ts';
import { ActionForm } from './action-form.tsx';
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
  check: ComplianceCheckOutput;
  contactPointId: string | null;
  kind: 'call' | 'voicemail';
  /** When the case was placed: no call on it can be logged before then. */
  placedAt: string;
  pointNames: PointNames;
  onDone: (outcome: CallOutcome) => void;
}

/**
 * The call's fields as typed, checked as the server checks them: the length as minutes typed ("5", "5:30"),
 * the time as a minute of the agent's today inside the window the server allows (empty: now).
 */
function callSchema(now: Date, timeZone: string, allowed: RecordingWindow) {
  return z.object({
    kind: z.enum(['call', 'voicemail']),
    contactPointId: logCallInput.shape.contactPointId,
    direction: z.enum(['outbound', 'inbound']),
    outcome: z.string().pipe(logCallInput.shape.outcome),
    durationSeconds: z.string().transform((text, context) => {
      const seconds = parseCallDuration(text);
      if (seconds !== 'invalid') return seconds ?? undefined;
      context.addIssue({ code: 'custom', message: 'invalid' });
      return z.NEVER;
    }),
    /** Empty means now: the server's clock decides, so a slow browser clock cannot misdate the call. */
    occurredAt: z.string().transform((time, context) => {
      if (time === '') return undefined;
      const at = instantFromWallTime(dayInZone(now, timeZone), time, timeZone);
      if (at !== null && outsideWindow('occurredAt', at, allowed) === null) return at.toISOString();
      context.addIssue({ code: 'custom', message: 'outside' });
      return z.NEVER;
    }),
    notes: logCallInput.shape.notes,
  });
}

/**
 * Log a call: where, what kind, which way, how it went, how long, when, and notes. Outbound calls are judged at
 * the time they happened. "When" is today on the agent's clock, inside the window the server allows.
 */
export function LogCallForm(props: LogCallFormProps) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const { caseId, expectedVersion, debtorZone } = useActionCase();
  const now = new Date();
  const allowed = pastContactWindow({ now, agentZone: timeZone, placedAt: new Date(props.placedAt) });
  const windowStart = clockInZone(allowed.earliest, timeZone, locale);
  const reachable = (kind: string) =>
    props.check.actions.filter((a) => a.kind === kind && a.contactPointId !== null);
  // The submit reports the outcome it logged itself (see `action.send` below).
  const { action, form } = useActionForm(useLogCall(caseId), () => {}, callSchema(now, timeZone, allowed), {
    defaultValues: {
      kind: props.kind,
      contactPointId: props.contactPointId ?? reachable(props.kind)[0]?.contactPointId ?? '',
      direction: 'outbound',
      outcome: '',
      durationSeconds: '',
      occurredAt: '',
      notes: '',
    },
    messages: {
      contactPointId: t('actions.logCall.pickPoint'),
      outcome: t('actions.logCall.pickOutcome'),
      durationSeconds: t('actions.logCall.badDuration'),
      occurredAt: t('actions.logCall.whenOutside', { from: windowStart }),
    },
  });

  const points = reachable(form.watch('kind'));
  const pointId = form.watch('contactPointId');
  const chosen = points.find((a) => a.contactPointId === pointId);
  const outbound = form.watch('direction') === 'outbound';
  // Inbound calls are not attempts: the guard logs them without judging, so a block does not apply.
  const blocked = outbound && chosen !== undefined && verdictState(chosen.verdict) === 'blocked';

  /** Another kind may reach other points: the chosen one stays only if it still can be called so. */
  const kindField = form.register('kind', {
    onChange: (event: { target: { value: string } }) => {
      const next = reachable(event.target.value);
      if (!next.some((a) => a.contactPointId === form.getValues('contactPointId')))
        form.setValue('contactPointId', next[0]?.contactPointId ?? '');
    },
  });

  return (
    <ActionForm
      form={form}
      action={action}
      submitLabel={t('actions.logCall.submit')}
      summarizeProblems
      blocked={blocked}
      onValid={({ durationSeconds, occurredAt, notes, ...call }) => {
        if (blocked) return;
        action.send(
          {
            caseId,
            ...call,
            ...(durationSeconds === undefined ? {} : { durationSeconds }),
            ...(occurredAt === undefined ? {} : { occurredAt }),
            ...(notes ? { notes } : {}),
            ...expectedVersion,
          },
          () => props.onDone(call.outcome),
        );
      }}
    >
      <fieldset className="choice-row">
        <legend>{t('actions.logCall.kind')}</legend>
        {(['call', 'voicemail'] as const).map((value) => (
          <label key={value}>
            <input type="radio" {...kindField} value={value} />
            {t(`actions.kind.${value}`)}
          </label>
        ))}
      </fieldset>
      <ContactPointField
        form={form}
        value={pointId}
        label={t('actions.logCall.contactPoint')}
        actions={points}
        pointNames={props.pointNames}
        autoFocus={!props.contactPointId}
        judged={outbound}
      />
      <fieldset className="choice-row">
        <legend>{t('actions.logCall.direction')}</legend>
        {(['outbound', 'inbound'] as const).map((value) => (
          <label key={value}>
            <input type="radio" {...form.register('direction')} value={value} />
            {t(`actions.logCall.${value}`)}
          </label>
        ))}
      </fieldset>
      {/* The verdict of the chosen number shows after the direction: it applies to outbound calls only. */}
      {outbound && <ContactPointVerdict action={chosen} debtorZone={debtorZone} />}
      <SchemaField form={form} name="outcome" label={t('actions.logCall.outcome')}>
        {(control) => (
          <select {...control} data-autofocus={props.contactPointId ? true : undefined}>
            <option value="">{t('actions.logCall.choose')}</option>
            <Options values={OUTCOMES} label={(value) => t(`actions.callOutcome.${value}`)} />
          </select>
        )}
      </SchemaField>
      <SchemaField
        form={form}
        name="durationSeconds"
        label={t('actions.logCall.duration')}
        hint={t('actions.logCall.durationHint')}
      >
        {(control) => <input {...control} inputMode="numeric" autoComplete="off" />}
      </SchemaField>
      <SchemaField
        form={form}
        name="occurredAt"
        label={t('actions.logCall.when', { city: zoneCity(timeZone) })}
        hint={t('actions.logCall.whenHint', { from: windowStart, hours: PAST_CONTACT_MAX_HOURS })}
      >
        {(control) => (
          <input
            {...control}
            type="time"
            min={timeInZone(allowed.earliest, timeZone)}
            max={timeInZone(now, timeZone)}
          />
        )}
      </SchemaField>
      <SchemaField form={form} name="notes" label={t('actions.notes')}>
        {(control) => <textarea {...control} rows={3} />}
      </SchemaField>
    </ActionForm>
  );
}
