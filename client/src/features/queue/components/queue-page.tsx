import { can } from '@arrears/shared/auth/roles';
import type { QueueRow } from '@arrears/shared/schemas/queues';
import { useId, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { NextCaseButton } from '../../../components/ui/next-case-button.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { useHotkeys } from '../../../hooks/use-hotkeys.ts';
import { useLocalStorageState } from '../../../hooks/use-local-storage-state.ts';
import { useNextCase } from '../../../hooks/use-next-case.ts';
import { useUrlPagedTable } from '../../../hooks/use-url-paged-table.ts';
import { countParams } from '../../../lib/format.ts';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useQueueQuery } from '../api/use-queue-query.ts';
import {
  DEFAULT_HIDDEN_COLUMNS,
  parseHiddenColumns,
  QUEUE_COLUMNS_STORAGE_KEY,
} from '../hooks/queue-columns-choice.ts';
import { QUEUE_PAGE_SIZES, QUEUE_PAGING, toQueueListInput } from '../hooks/queue-params.ts';
import { moveRowFocus } from '../hooks/row-focus.ts';
import { useQueueParams } from '../hooks/use-queue-params.ts';
import { ColumnChooser } from './column-chooser.tsx';
import { FindCaseBox } from './find-case-box.tsx';
import { useQueueColumns } from './queue-columns.tsx';
import { QueueTabs } from './queue-tabs.tsx';
import { RepliesToRead } from './replies-to-read.tsx';

const caseId = (row: QueueRow) => row.id;

/** `/queue`: the named queues, a page of one at a time, "Next case", and the keys to move through it. */
export function QueuePage() {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const user = useSessionUser();
  const headingId = useId();
  const tableRef = useRef<HTMLDivElement>(null);
  const [state, update] = useQueueParams();
  const [hidden, setHidden] = useLocalStorageState(
    QUEUE_COLUMNS_STORAGE_KEY,
    DEFAULT_HIDDEN_COLUMNS,
    parseHiddenColumns,
  );
  const queue = useQueueQuery(toQueueListInput(state));
  const columns = useQueueColumns(hidden);
  const nextCase = useNextCase();
  const takesFromQueue = can(user, 'queue:take');
  const { data } = queue;

  useHotkeys({
    j: () => moveRowFocus(tableRef.current, 1),
    k: () => moveRowFocus(tableRef.current, -1),
    ...(takesFromQueue ? { n: nextCase.takeNext } : {}),
  });

  const paging = useUrlPagedTable(state, update, QUEUE_PAGING, {
    total: data?.total.count,
    settled: !queue.isPlaceholderData,
  });
  const isEmpty = data !== undefined && data.rows.length === 0 && !queue.isPlaceholderData;
  const queueName = t(`queue.name.${state.queue}`);

  return (
    <section aria-labelledby={headingId} className="page queue-page">
      <title>{[queueName, t('queue.pageTitle'), t('app.name')].join(punctuation.separator)}</title>
      <div className="page-header">
        <h1 id={headingId}>{t('queue.pageTitle')}</h1>
        <FindCaseBox />
        {takesFromQueue && <NextCaseButton nextCase={nextCase} />}
      </div>
      <p className="shortcut-hint">
        <Trans i18nKey="queue.shortcutHint" components={{ kbd: <kbd /> }} />
      </p>
      <RepliesToRead />
      <div className="queue-layout">
        <QueueTabs state={state} />
        <div className="queue-main" ref={tableRef}>
          <div className="table-toolbar">
            <h2 className="queue-heading">{queueName}</h2>
            <p role="status" className="list-status">
              {queue.isFetching ? t('queue.loading') : ''}
            </p>
            <ColumnChooser hidden={hidden} onChange={setHidden} />
          </div>
          {queue.isPending && <p className="page-status">{t('queue.loading')}</p>}
          <QueryStatus query={queue} failedKey="queue.loadFailed" retryKey="case.retry" />
          {isEmpty && <p className="notice">{t(`queue.empty.${state.queue}`)}</p>}
          {data && !isEmpty && (
            <DataTable
              label={t('queue.tableLabel', { queue: queueName })}
              columns={columns}
              rows={data.rows}
              getRowId={caseId}
              {...paging}
              pageSizeOptions={QUEUE_PAGE_SIZES}
              rowCount={data.total.count}
              rowCountLabel={t(
                data.total.capped ? 'queue.totalCapped' : 'pager.total',
                countParams(data.total.count, user.locale),
              )}
              stale={queue.isPlaceholderData}
            />
          )}
        </div>
      </div>
    </section>
  );
}
