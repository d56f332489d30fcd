import { formatMoney } from '@arrears/shared/domain/money';
import { type AgencyView, createAgencyInput } from '@arrears/shared/schemas/ladder';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { AdminSection, AdminTable } from '../../../components/ui/admin-table.tsx';
import { MutationNotice } from '../../../components/ui/mutation-notice.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { createViewerFormats } from '../../../lib/format.ts';
import { useSchemaForm } from '../../../lib/schema-form.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useAgenciesQuery, useCreateAgency, usePlacementsQuery } from '../api/use-agencies.ts';
import { LadderPolicies } from './ladder-policies.tsx';

/**
 * Admin › Agencies: the outside agencies cases are placed with, their commission, and per agency the placements
 * with totals per currency (placed and recalled balances at placement, collected, commission owed). Placing stays
 * on the case screen (approval and the guard); recalling and recording what an agency collected are a
 * supervisor's, on the case screen (decision 014).
 */
export function AgenciesPage() {
  const { t } = useTranslation();
  const agencies = useAgenciesQuery();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = agencies.data?.find((a) => a.id === selectedId) ?? null;

  return (
    <Page title={t('sectionTabs.admin.agencies')} heading={t('agencies.pageTitle')} className="agencies-page">
      <p className="muted">{t('agencies.intro')}</p>

      <QueryStatus
        query={agencies}
        loadingKey="agencies.loading"
        failedKey="agencies.loadFailed"
        retryKey="agencies.retry"
      />
      {agencies.data && (
        <AgencyTable agencies={agencies.data} selectedId={selectedId} onSelect={setSelectedId} />
      )}
      {selected && <AgencyPlacements agency={selected} />}
      <CreateAgencyForm onCreated={setSelectedId} />
      <LadderPolicies />
    </Page>
  );
}

function AgencyTable(props: {
  agencies: AgencyView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useSessionUser();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const countAndAmount = (count: number, minor: number, currency: string) =>
    t('agencies.countAndAmount', { count, amount: money(minor, currency) });
  return (
    <AdminSection heading={t('agencies.list.heading')}>
      {props.agencies.length === 0 ? (
        <p className="notice">{t('agencies.list.empty')}</p>
      ) : (
        <AdminTable
          caption={t('agencies.list.heading')}
          testId="agencies-table"
          columns={[
            t('agencies.column.name'),
            { label: t('agencies.column.commission'), numeric: true },
            t('agencies.column.currency'),
            { label: t('agencies.column.placed'), numeric: true },
            { label: t('agencies.column.held'), numeric: true },
            { label: t('agencies.column.recalled'), numeric: true },
            { label: t('agencies.column.collected'), numeric: true },
            { label: t('agencies.column.commissionOwed'), numeric: true },
            { label: t('agencies.column.actions'), hidden: true },
          ]}
        >
          {props.agencies.map((agency) => {
            const totals = agency.totals.length > 0 ? agency.totals : [null];
            return totals.map((total, i) => (
              <tr
                key={`${agency.id}-${total?.currency ?? 'none'}`}
                className={agency.id === props.selectedId ? 'is-selected' : undefined}
              >
                {i === 0 ? (
                  <th scope="row" rowSpan={totals.length}>
                    {agency.name}
                  </th>
                ) : null}
                {i === 0 ? (
                  <td className="numeric" rowSpan={totals.length}>
                    {t('agencies.percent', { value: (agency.commissionBps / 100).toFixed(2) })}
                  </td>
                ) : null}
                {total === null ? (
                  <td colSpan={6} className="muted">
                    {t('agencies.list.noPlacements')}
                  </td>
                ) : (
                  <>
                    <td>{total.currency}</td>
                    <td className="numeric">
                      {countAndAmount(total.placedCount, total.placedBalanceMinor, total.currency)}
                    </td>
                    <td className="numeric">{money(total.heldBalanceMinor, total.currency)}</td>
                    <td className="numeric">
                      {countAndAmount(total.recalledCount, total.recalledBalanceMinor, total.currency)}
                    </td>
                    <td className="numeric">{money(total.collectedMinor, total.currency)}</td>
                    <td className="numeric">{money(total.commissionMinor, total.currency)}</td>
                  </>
                )}
                {i === 0 ? (
                  <td rowSpan={totals.length}>
                    <button type="button" className="button" onClick={() => props.onSelect(agency.id)}>
                      {t('agencies.showPlacements', { name: agency.name })}
                    </button>
                  </td>
                ) : null}
              </tr>
            ));
          })}
        </AdminTable>
      )}
    </AdminSection>
  );
}

function AgencyPlacements({ agency }: { agency: AgencyView }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const formats = useMemo(() => createViewerFormats(locale, timeZone), [locale, timeZone]);
  const placements = usePlacementsQuery({ agencyId: agency.id });
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const heading = t('agencies.placements.heading', { name: agency.name });
  return (
    <AdminSection heading={heading} testId="agency-placements">
      <QueryStatus query={placements} loadingKey="agencies.loading" failedKey="agencies.loadFailed" />
      {placements.data && placements.data.rows.length === 0 && (
        <p className="notice">{t('agencies.placements.empty')}</p>
      )}
      {placements.data && placements.data.rows.length > 0 && (
        <AdminTable
          caption={heading}
          columns={[
            t('agencies.placements.column.account'),
            t('agencies.placements.column.status'),
            { label: t('agencies.placements.column.placedBalance'), numeric: true },
            { label: t('agencies.placements.column.balance'), numeric: true },
            { label: t('agencies.placements.column.collected'), numeric: true },
            { label: t('agencies.placements.column.commission'), numeric: true },
            t('agencies.placements.column.placedAt'),
            t('agencies.placements.column.recalledAt'),
          ]}
        >
          {placements.data.rows.map((p) => (
            <tr key={p.id} data-placement-id={p.id}>
              <th scope="row">
                <Link to={`/cases/${p.caseId}`}>{p.accountRef}</Link>
              </th>
              <td>{t(`agencies.status.${p.status}`)}</td>
              <td className="numeric">{money(p.balanceAtPlacementMinor, p.currency)}</td>
              <td className="numeric">{money(p.balanceMinor, p.currency)}</td>
              <td className="numeric">{money(p.collectedMinor, p.currency)}</td>
              <td className="numeric">{money(p.commissionMinor, p.currency)}</td>
              <td>{formats.instant(p.placedAt)}</td>
              <td>{p.recalledAt ? formats.instant(p.recalledAt) : '—'}</td>
            </tr>
          ))}
        </AdminTable>
      )}
    </AdminSection>
  );
}

/** The commission as typed, a percentage with decimals, becomes the basis points the contract takes. */
const agencySchema = createAgencyInput.pick({ name: true }).extend({
  commissionBps: z
    .string()
    .trim()
    .refine((text) => text !== '' && Number(text) >= 0 && Number(text) <= 100)
    .transform((text) => Math.round(Number(text) * 100)),
});

function CreateAgencyForm({ onCreated }: { onCreated: (id: string) => void }) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const create = useCreateAgency();
  const form = useSchemaForm(agencySchema, {
    defaultValues: { name: '', commissionBps: '' },
    messages: { commissionBps: t('agencies.create.percentInvalid') },
    serverErrors: create.error ? readApiError(create.error).fieldErrors : undefined,
  });

  const submit = form.handleSubmit((value) =>
    create.mutate(
      { idempotencyKey: idempotency.key, ...value },
      {
        onSuccess: (agency) => {
          idempotency.renew();
          form.reset();
          onCreated(agency.id);
        },
      },
    ),
  );

  return (
    <AdminSection heading={t('agencies.create.heading')}>
      <form onSubmit={submit} noValidate>
        <SchemaField form={form} name="name" label={t('agencies.create.name')}>
          {(control) => <input {...control} autoComplete="off" />}
        </SchemaField>
        <SchemaField
          form={form}
          name="commissionBps"
          label={t('agencies.create.commission')}
          hint={t('agencies.create.commissionHint')}
        >
          {(control) => <input {...control} inputMode="decimal" autoComplete="off" />}
        </SchemaField>
        <MutationNotice mutation={create} saved={(data) => t('agencies.create.saved', { name: data.name })} />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t('agencies.create.saving') : t('agencies.create.submit')}
        </button>
      </form>
    </AdminSection>
  );
}
