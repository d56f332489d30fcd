import type { IntegrationKeyView } from '@arrears/shared/schemas/integrations';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../../components/form/dialog-form.tsx';
import { AdminSection, AdminTable } from '../../../components/ui/admin-table.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { integrations } from '../../../i18n/en/integrations.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { createViewerFormats } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useIntegrationKeysQuery, useRevokeIntegrationKey } from '../api/use-integration-keys.ts';
import { CreateKeyForm } from './create-key-form.tsx';

registerEnglish({ integrations });

const OPENAPI_PATH = '/api/dialer/v1/openapi.json';

/**
 * Admin › Integrations: the API keys of connected systems (the dialer's door). Listed with what they work for and
 * when they were last used; created with the key shown once; revoked after a confirmation.
 */
export function IntegrationsPage() {
  const { t } = useTranslation();
  const keys = useIntegrationKeysQuery();
  return (
    <Page
      title={t('sectionTabs.admin.integrations')}
      heading={t('integrations.pageTitle')}
      className="integrations-page"
    >
      <p className="muted">
        {t('integrations.intro')} <a href={OPENAPI_PATH}>{OPENAPI_PATH}</a>
      </p>
      <QueryStatus
        query={keys}
        loadingKey="integrations.loading"
        failedKey="integrations.loadFailed"
        retryKey="integrations.retry"
      />
      {keys.data && <KeyTable keys={keys.data.keys} />}
      {keys.data && <CreateKeyForm teams={keys.data.teams} portfolios={keys.data.portfolios} />}
    </Page>
  );
}

function KeyTable({ keys }: { keys: IntegrationKeyView[] }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const formats = useMemo(() => createViewerFormats(locale, timeZone), [locale, timeZone]);
  const [revoking, setRevoking] = useState<IntegrationKeyView | null>(null);
  const list = (names: { name: string }[]) => names.map((n) => n.name).join(', ');
  return (
    <AdminSection heading={t('integrations.list.heading')}>
      {keys.length === 0 ? (
        <p className="notice">{t('integrations.list.empty')}</p>
      ) : (
        <AdminTable
          caption={t('integrations.list.heading')}
          testId="integration-keys"
          columns={[
            t('integrations.column.name'),
            t('integrations.column.prefix'),
            t('integrations.column.scope'),
            t('integrations.column.created'),
            t('integrations.column.lastUsed'),
            t('integrations.column.status'),
            { label: t('integrations.column.actions'), hidden: true },
          ]}
        >
          {keys.map((key) => (
            <tr key={key.id} data-key-id={key.id}>
              <th scope="row">{key.name}</th>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>
                {t('integrations.scope.teams', { names: list(key.teams) })}
                <br />
                {key.portfolios.length === 0
                  ? t('integrations.scope.allPortfolios')
                  : t('integrations.scope.portfolios', { names: list(key.portfolios) })}
              </td>
              <td>{formats.instant(key.createdAt)}</td>
              <td>{key.lastUsedAt ? formats.instant(key.lastUsedAt) : t('integrations.never')}</td>
              <td>
                {key.revokedAt
                  ? t('integrations.revokedAt', { at: formats.instant(key.revokedAt) })
                  : t('integrations.active')}
              </td>
              <td>
                {key.revokedAt === null && (
                  <button type="button" className="button" onClick={() => setRevoking(key)}>
                    {t('integrations.revoke', { name: key.name })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      {revoking && <RevokeDialog keyView={revoking} onClose={() => setRevoking(null)} />}
    </AdminSection>
  );
}

function RevokeDialog({ keyView, onClose }: { keyView: IntegrationKeyView; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeIntegrationKey();
  return (
    <DialogForm
      open
      onClose={onClose}
      title={t('integrations.confirm.title', { name: keyView.name })}
      description={t('integrations.confirm.body')}
      onSubmit={(event) => {
        event.preventDefault();
        revoke.mutate({ keyId: keyView.id }, { onSuccess: onClose });
      }}
      error={revoke.error ? readApiError(revoke.error).message : null}
      submitLabel={t('integrations.confirm.submit')}
      pending={revoke.isPending}
      pendingLabel={t('integrations.confirm.pending')}
      cancelLabel={t('integrations.confirm.cancel')}
    >
      {null}
    </DialogForm>
  );
}
