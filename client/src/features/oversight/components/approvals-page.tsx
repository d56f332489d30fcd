import { APPROVAL_STATUSES, ESCALATION_KINDS } from '@arrears/shared/domain/enums';
import type { ApprovalRow, ApprovalsListInput } from '@arrears/shared/schemas/supervision';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { Options } from '../../../components/ui/options.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { usePaging } from '../../../hooks/use-paging.ts';
import { countParams } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useApprovalsQuery } from '../api/approvals-api.ts';
import { type Decision, useApprovalsColumns } from './approvals-columns.tsx';
import { ApprovalsDecideDialog } from './approvals-decide-dialog.tsx';

type Status = (typeof APPROVAL_STATUSES)[number];
type Kind = (typeof ESCALATION_KINDS)[number];
const PAGE_SIZES = [10, 25, 50] as const;
const requestId = (row: ApprovalRow) => row.requestId;
const SORT = { id: 'requestedAt', desc: false };

/**
 * The supervisor's queue of escalation requests (agency placement, field visit, legal filing) on cases of their
 * teams, oldest first, each with the case facts and what the compliance engine would say once approved; and
 * the decided ones as history.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const headingId = useId();
  const { locale } = useSessionUser();
  const [status, setStatus] = useState<Status>('pending');
  const [kind, setKind] = useState<Kind | undefined>(undefined);
  // Each pending row is judged by the engine (three round trips): a short page keeps the queue quick.
  const paging = usePaging(25);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const input: ApprovalsListInput = {
    status,
    page: paging.page,
    pageSize: paging.pageSize,
    ...(kind ? { kind } : {}),
  };
  const list = useApprovalsQuery(input);
  const onDecide = useCallback((next: Decision) => setDecision(next), []);
  const columns = useApprovalsColumns(status === 'pending', onDecide);
  const { data } = list;
  const isEmpty = data !== undefined && data.total === 0 && !list.isPlaceholderData;

  return (
    <Page
      title={t('sectionTabs.compliance.approvals')}
      heading={t('approvals.title')}
      className="approvals-page"
      header={<p className="muted">{t('approvals.intro')}</p>}
    >
      <search aria-label={t('approvals.filtersLabel')} className="filter-bar">
        <div className="field">
          <label htmlFor={`${headingId}-status`}>{t('approvals.statusFilter')}</label>
          <select
            id={`${headingId}-status`}
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as Status);
              paging.restart();
            }}
          >
            <Options values={APPROVAL_STATUSES} label={(value) => t(`approvals.statusOption.${value}`)} />
          </select>
        </div>
        <SelectField
          label={t('approvals.kindFilter')}
          emptyLabel={t('approvals.allKinds')}
          value={kind ?? ''}
          onChange={(value) => {
            setKind((value || undefined) as Kind | undefined);
            paging.restart();
          }}
          options={ESCALATION_KINDS.map((value) => ({ value, label: t(`approvals.kind.${value}`) }))}
        />
      </search>

      <div className="table-toolbar">
        <p role="status" className="list-status">
          {list.isFetching ? t('approvals.loading') : announcement}
        </p>
      </div>

      <QueryStatus query={list} failedKey="approvals.loadFailed" retryKey="approvals.retry" />
      {!data && !list.isError && <p className="page-status">{t('approvals.loading')}</p>}
      {isEmpty && (
        <div className="notice">
          <p>{status === 'pending' ? t('approvals.emptyPending') : t('approvals.emptyHistory')}</p>
        </div>
      )}
      {data && !isEmpty && (
        <DataTable
          label={t(status === 'pending' ? 'approvals.tableLabel' : 'approvals.historyLabel')}
          columns={columns}
          rows={data.rows}
          getRowId={requestId}
          sort={SORT}
          onSortChange={() => {}}
          {...paging.table}
          pageSizeOptions={PAGE_SIZES}
          rowCount={data.total}
          rowCountLabel={t('approvals.count', countParams(data.total, locale))}
          stale={list.isPlaceholderData}
        />
      )}
      <ApprovalsDecideDialog
        decision={decision}
        onClose={() => setDecision(null)}
        onDecided={setAnnouncement}
      />
    </Page>
  );
}
