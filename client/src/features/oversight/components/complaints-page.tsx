import { can } from '@arrears/shared/auth/roles';
import { COMPLAINT_STATUSES } from '@arrears/shared/domain/enums';
import type { ComplaintRow, ComplaintsListInput } from '@arrears/shared/schemas/supervision';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { Options } from '../../../components/ui/options.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { usePaging } from '../../../hooks/use-paging.ts';
import { complaints } from '../../../i18n/en/complaints.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { countParams } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useComplaintsQuery } from '../api/complaints-api.ts';
import { ComplaintsActionDialog } from './complaints-action-dialog.tsx';
import { type ComplaintAction, useComplaintsColumns } from './complaints-columns.tsx';

registerEnglish({ complaints });

const STATUS_FILTERS = ['unresolved', ...COMPLAINT_STATUSES, 'all'] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];
const PAGE_SIZES = [25, 50, 100] as const;
const complaintId = (row: ComplaintRow) => row.id;
const SORT = { id: 'resolveBy', desc: false };

/**
 * Complaints on cases in the viewer's scope, nearest target first, each aged against its target (overdue ones
 * flagged in words and colour). A team's supervisor assigns, investigates and resolves them.
 */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const headingId = useId();
  const user = useSessionUser();
  const canWork = can(user, 'team:supervise');
  const [status, setStatus] = useState<StatusFilter>('unresolved');
  const [agentId, setAgentId] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const paging = usePaging(50);
  const [pending, setPending] = useState<ComplaintAction | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const input: ComplaintsListInput = {
    status,
    overdueOnly,
    page: paging.page,
    pageSize: paging.pageSize,
    ...(agentId ? { agentId } : {}),
  };
  const list = useComplaintsQuery(input);
  const onAction = useCallback((next: ComplaintAction) => setPending(next), []);
  const columns = useComplaintsColumns(canWork, onAction);
  const { data } = list;
  const isEmpty = data !== undefined && data.total === 0 && !list.isPlaceholderData;

  return (
    <Page
      title={t('sectionTabs.compliance.complaints')}
      heading={t('complaints.title')}
      className="complaints-page"
      header={<p className="muted">{t('complaints.intro')}</p>}
    >
      <search aria-label={t('complaints.filtersLabel')} className="filter-bar">
        <div className="field">
          <label htmlFor={`${headingId}-status`}>{t('complaints.statusFilter')}</label>
          <select
            id={`${headingId}-status`}
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as StatusFilter);
              paging.restart();
            }}
          >
            <Options values={STATUS_FILTERS} label={(value) => t(`complaints.statusOption.${value}`)} />
          </select>
        </div>
        <SelectField
          label={t('complaints.agentFilter')}
          emptyLabel={t('complaints.allAgents')}
          value={agentId}
          onChange={(value) => {
            setAgentId(value);
            paging.restart();
          }}
          options={(data?.agents ?? []).map((agent) => ({ value: agent.id, label: agent.name }))}
        />
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={overdueOnly}
            onChange={(event) => {
              setOverdueOnly(event.target.checked);
              paging.restart();
            }}
          />
          {t('complaints.overdueOnly')}
        </label>
      </search>

      <div className="table-toolbar">
        <p role="status" className="list-status">
          {list.isFetching ? t('complaints.loading') : announcement}
        </p>
      </div>

      <QueryStatus query={list} failedKey="complaints.loadFailed" retryKey="complaints.retry" />
      {!data && !list.isError && <p className="page-status">{t('complaints.loading')}</p>}
      {isEmpty && (
        <div className="notice">
          <p>{t('complaints.empty')}</p>
        </div>
      )}
      {data && !isEmpty && (
        <DataTable
          label={t('complaints.tableLabel')}
          columns={columns}
          rows={data.rows}
          getRowId={complaintId}
          sort={SORT}
          onSortChange={() => {}}
          {...paging.table}
          pageSizeOptions={PAGE_SIZES}
          rowCount={data.total}
          rowCountLabel={t('complaints.count', countParams(data.total, user.locale))}
          stale={list.isPlaceholderData}
        />
      )}
      {canWork && (
        <ComplaintsActionDialog pending={pending} onClose={() => setPending(null)} onDone={setAnnouncement} />
      )}
    </Page>
  );
}
