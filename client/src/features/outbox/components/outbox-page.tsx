import { can } from '@arrears/shared/auth/roles';
import type { MessageState, OutboxMessageView } from '@arrears/shared/schemas/channels';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AdminSection } from '../../../components/ui/admin-table.tsx';
import { createDataTableColumnHelper, DataTable } from '../../../components/ui/data-table.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { useUrlPagedTable } from '../../../hooks/use-url-paged-table.ts';
import { outbox } from '../../../i18n/en/outbox.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { countParams, createViewerFormats } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useUrlState } from '../../../lib/url-state.ts';
import { useMessageTimeline, useOutboxQuery, useRetryMessage } from '../api/use-outbox.ts';
import {
  MESSAGE_STATE_NAMES,
  OUTBOX_CHANNEL_NAMES,
  OUTBOX_PAGE_SIZE_CHOICES,
  OUTBOX_PAGING,
  type OutboxChannel,
  parseOutboxParams,
  toOutboxListInput,
  toOutboxParams,
} from '../hooks/outbox-params.ts';
import { SenderSettings } from './sender-settings.tsx';

registerEnglish({ outbox });

const column = createDataTableColumnHelper<OutboxMessageView>();
const messageKey = (row: OutboxMessageView) => String(row.id);
const RETRYABLE: ReadonlySet<MessageState> = new Set(['failed', 'refused']);

/**
 * `/outbox` (supervisors and admins): every outbound message of the cases in the viewer's scope with its channel,
 * delivery state, provider and provider id, newest first; a message's state timeline; a failed one retried (the
 * guard judges it again when the job hands it off).
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const [state, update] = useUrlState(parseOutboxParams, toOutboxParams);
  const outbox = useOutboxQuery(toOutboxListInput(state));
  const [selected, setSelected] = useState<OutboxMessageView | null>(null);
  const retry = useRetryMessage();
  const { data } = outbox;
  const paging = useUrlPagedTable(state, update, OUTBOX_PAGING, {
    total: data?.total,
    settled: !outbox.isPlaceholderData,
  });

  const columns = useMemo(() => {
    const formats = createViewerFormats(user.locale, user.timeZone);
    return column.columns([
      column.accessor('createdAt', {
        id: 'createdAt',
        header: t('outbox.column.created'),
        cell: ({ getValue }) => <time dateTime={getValue()}>{formats.instant(getValue())}</time>,
        enableSorting: false,
      }),
      column.accessor('channel', {
        header: t('outbox.column.channel'),
        cell: ({ getValue }) => t(`outbox.channel.${getValue() as OutboxChannel}`),
        enableSorting: false,
      }),
      column.accessor('state', {
        header: t('outbox.column.state'),
        cell: ({ getValue }) => (
          <span className={`badge message-state-${getValue()}`}>{t(`outbox.state.${getValue()}`)}</span>
        ),
        enableSorting: false,
      }),
      column.accessor('recipient', { header: t('outbox.column.recipient'), enableSorting: false }),
      column.accessor('provider', {
        header: t('outbox.column.provider'),
        cell: ({ row }) =>
          row.original.provider === null
            ? '—'
            : `${t(`outbox.provider.${row.original.provider as 'dev' | 'smtp' | 'push'}`)}${
                row.original.providerMessageId ? ` · ${row.original.providerMessageId}` : ''
              }`,
        enableSorting: false,
      }),
      column.accessor('accountRef', {
        header: t('outbox.column.case'),
        cell: ({ row }) =>
          row.original.caseId ? (
            <Link to={`/cases/${row.original.caseId}`}>{row.original.accountRef ?? row.original.caseId}</Link>
          ) : (
            '—'
          ),
        enableSorting: false,
      }),
      column.display({
        id: 'actions',
        header: t('outbox.column.actions'),
        cell: ({ row }) => (
          <div className="row-actions">
            <button type="button" className="button" onClick={() => setSelected(row.original)}>
              {t('outbox.showTimeline')}
            </button>
            {RETRYABLE.has(row.original.state) && (
              <button
                type="button"
                className="button"
                disabled={retry.isPending}
                onClick={() => retry.mutate({ messageId: row.original.id })}
              >
                {t('outbox.retry')}
              </button>
            )}
          </div>
        ),
      }),
    ]);
  }, [t, user.locale, user.timeZone, retry]);

  const isEmpty = data !== undefined && data.rows.length === 0 && !outbox.isPlaceholderData;

  return (
    <Page title={t('outbox.pageTitle')} className="outbox-page">
      <p className="muted">{t('outbox.intro')}</p>
      <div className="table-toolbar outbox-filters">
        <FilterSelect
          label={t('outbox.filter.channel')}
          value={state.channel}
          options={OUTBOX_CHANNEL_NAMES.map((c) => ({ value: c, label: t(`outbox.channel.${c}`) }))}
          onChange={(channel) => update((s) => ({ ...s, page: 1, channel }))}
        />
        <FilterSelect
          label={t('outbox.filter.state')}
          value={state.state}
          options={MESSAGE_STATE_NAMES.map((m) => ({ value: m, label: t(`outbox.state.${m}`) }))}
          onChange={(messageState) => update((s) => ({ ...s, page: 1, state: messageState }))}
        />
      </div>
      {retry.isError && (
        <p role="alert" className="notice notice-error">
          {t('outbox.retryFailed', { message: readApiError(retry.error).message })}
        </p>
      )}
      {retry.isSuccess && (
        <p role="status" className="notice">
          {t('outbox.retryQueued')}
        </p>
      )}
      <QueryStatus
        query={outbox}
        loadingKey="outbox.loading"
        failedKey="outbox.loadFailed"
        retryKey="outbox.reload"
      />
      {isEmpty && <p className="notice">{t('outbox.empty')}</p>}
      {data && !isEmpty && (
        <DataTable
          label={t('outbox.tableLabel')}
          columns={columns}
          rows={data.rows}
          getRowId={messageKey}
          {...paging}
          pageSizeOptions={OUTBOX_PAGE_SIZE_CHOICES}
          rowCount={data.total}
          rowCountLabel={t('outbox.total', countParams(data.total, user.locale))}
          stale={outbox.isPlaceholderData}
        />
      )}
      {selected && <MessageTimeline message={selected} />}
      {can(user, 'admin:manage') && <SenderSettings />}
    </Page>
  );
}

/** A filter of the list: "All" or one of `options`. */
function FilterSelect<V extends string>(props: {
  label: string;
  value: V | null;
  options: { value: V; label: string }[];
  onChange: (value: V | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value ?? ''}
        onChange={(e) => props.onChange((e.target.value || null) as V | null)}
      >
        <option value="">{t('outbox.filter.all')}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}

function MessageTimeline({ message }: { message: OutboxMessageView }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const timeline = useMessageTimeline(message.id);
  const formats = useMemo(
    () => createViewerFormats(user.locale, user.timeZone),
    [user.locale, user.timeZone],
  );
  return (
    <AdminSection
      heading={t('outbox.timeline.heading', { recipient: message.recipient })}
      testId="message-timeline"
    >
      <QueryStatus
        query={timeline}
        loadingKey="outbox.timeline.loading"
        failedKey="outbox.timeline.loadFailed"
        retryKey="outbox.reload"
      />
      {timeline.data && (
        <ol className="message-timeline">
          {timeline.data.map((event) => (
            <li key={event.id}>
              <time dateTime={event.at}>{formats.instant(event.at)}</time>{' '}
              <strong>{t(`outbox.state.${event.state}`)}</strong>{' '}
              {t('outbox.timeline.attempt', { attempt: event.attempt })}
              {event.providerMessageId && <> · {event.providerMessageId}</>}
              {event.detail && <span className="muted"> · {event.detail}</span>}
            </li>
          ))}
        </ol>
      )}
    </AdminSection>
  );
}
