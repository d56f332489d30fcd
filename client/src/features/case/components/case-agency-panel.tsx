import { can } from '@arrears/shared/auth/roles';
import { formatMoney, formatMoneyInText } from '@arrears/shared/domain/money';
import type { PlacementView } from '@arrears/shared/schemas/ladder';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { MutationNotice } from '../../../components/ui/mutation-notice.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { createViewerFormats } from '../../../lib/format.ts';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useCasePlacementsQuery } from '../api/use-case-placements-query.ts';
import { useRecallPlacement } from '../api/use-recall-placement.ts';
import { useRecordAgencyPayment } from '../api/use-record-agency-payment.ts';
import { checkAmount } from '../hooks/amount.ts';

/**
 * The case's agency placements on the case screen, for a supervisor: what was placed, collected and owed in
 * commission, and for a live placement the recall and the agency's reported collections (decision 014).
 */
export function CaseAgencyPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const headingId = useId();
  const supervises = can(user, 'team:supervise');
  const placements = useCasePlacementsQuery(caseId, supervises);
  if (!supervises) return null;
  if (!placements.data || placements.data.rows.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="case-section case-agency" data-testid="case-agency">
      <h2 id={headingId}>{t('agencies.case.heading')}</h2>
      {placements.data.rows.map((p) => (
        <PlacementCard key={p.id} placement={p} />
      ))}
    </section>
  );
}

function PlacementCard({ placement: p }: { placement: PlacementView }) {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const { locale, timeZone } = useSessionUser();
  const formats = useMemo(() => createViewerFormats(locale, timeZone), [locale, timeZone]);
  const money = (minor: number) => formatMoney(minor, p.currency, locale);
  return (
    <div className="placement-card" data-placement-id={p.id}>
      <p>
        <strong>{p.agencyName}</strong>
        {punctuation.separator + t(`agencies.status.${p.status}`)}
      </p>
      <dl className="placement-facts">
        <dt>{t('agencies.placements.column.placedAt')}</dt>
        <dd>{formats.instant(p.placedAt)}</dd>
        <dt>{t('agencies.placements.column.placedBalance')}</dt>
        <dd>{money(p.balanceAtPlacementMinor)}</dd>
        <dt>{t('agencies.placements.column.collected')}</dt>
        <dd>{money(p.collectedMinor)}</dd>
        <dt>{t('agencies.placements.column.commission')}</dt>
        <dd>
          {punctuation.aside(
            money(p.commissionMinor),
            t('agencies.percent', { value: (p.commissionBps / 100).toFixed(2) }),
          )}
        </dd>
        {p.recalledAt && (
          <>
            <dt>{t('agencies.placements.column.recalledAt')}</dt>
            <dd>
              {formats.instant(p.recalledAt)} — {p.recallReason}
            </dd>
          </>
        )}
      </dl>
      {p.status === 'placed' && (
        <>
          <AgencyPaymentForm placement={p} />
          <RecallForm placement={p} />
        </>
      )}
    </div>
  );
}

/** `YYYY-MM-DDTHH:mm` of now in the browser's zone, the value a datetime-local box understands. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function AgencyPaymentForm({ placement }: { placement: PlacementView }) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const { locale } = useSessionUser();
  const record = useRecordAgencyPayment();
  const [amount, setAmount] = useState('');
  const [receivedAt, setReceivedAt] = useState(localNow);
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fieldErrors = record.error ? readApiError(record.error).fieldErrors : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkAmount(amount, placement.currency, placement.balanceMinor);
    if ('problem' in checked) {
      setProblem(t(`agencies.case.amountProblem.${checked.problem}`));
      return;
    }
    setProblem(null);
    record.mutate(
      {
        idempotencyKey: idempotency.key,
        placementId: placement.id,
        amountMinor: checked.amountMinor,
        currency: placement.currency,
        receivedAt: new Date(receivedAt).toISOString(),
        reference: reference.trim(),
      },
      {
        onSuccess: () => {
          idempotency.renew();
          setAmount('');
          setReference('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="agency-payment-form">
      <h3>{t('agencies.case.paymentHeading')}</h3>
      <FormField
        label={t('agencies.case.amount', { currency: placement.currency })}
        hint={t('agencies.case.amountHint', {
          owed: formatMoneyInText(placement.balanceMinor, placement.currency, locale),
        })}
        error={problem ?? fieldErrors.amountMinor?.[0]}
      >
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('agencies.case.receivedAt')} error={fieldErrors.receivedAt?.[0]}>
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            value={receivedAt}
            onChange={(e) => setReceivedAt(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        label={t('agencies.case.reference')}
        hint={t('agencies.case.referenceHint')}
        error={fieldErrors.reference?.[0]}
      >
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
        )}
      </FormField>
      <MutationNotice
        mutation={record}
        saved={(data) =>
          data.replayed
            ? t('agencies.case.paymentReplayed')
            : t('agencies.case.paymentSaved', {
                commission: formatMoneyInText(data.commissionMinor, data.currency, locale),
              })
        }
      />
      <button type="submit" className="button" disabled={record.isPending}>
        {t('agencies.case.recordPayment')}
      </button>
    </form>
  );
}

function RecallForm({ placement }: { placement: PlacementView }) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const recall = useRecallPlacement();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 10) {
      setProblem(t('agencies.case.reasonTooShort'));
      return;
    }
    setProblem(null);
    recall.mutate({ idempotencyKey: idempotency.key, placementId: placement.id, reason: reason.trim() });
  };

  return (
    <form onSubmit={submit} noValidate className="agency-recall-form">
      <h3>{t('agencies.case.recallHeading')}</h3>
      <FormField
        label={t('agencies.case.reason')}
        error={problem ?? (recall.error ? readApiError(recall.error).fieldErrors.reason?.[0] : undefined)}
      >
        {(control) => (
          <textarea {...control} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </FormField>
      <MutationNotice mutation={recall} />
      <button type="submit" className="button" disabled={recall.isPending}>
        {t('agencies.case.recall')}
      </button>
    </form>
  );
}
