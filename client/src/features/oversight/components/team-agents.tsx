import type { TeamOverview } from '@arrears/shared/schemas/supervision';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge.tsx';
import { createDataTableColumnHelper, DataTable } from '../../../components/ui/data-table.tsx';
import { team } from '../../../i18n/en/team.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { countParams, createViewerFormats } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';

registerEnglish({ team });

type Agent = TeamOverview[number]['agents'][number];
const column = createDataTableColumnHelper<Agent>();
const agentId = (agent: Agent) => agent.id;
const SORT = { id: 'name', desc: false };

/** The team's agents and how many active cases each holds; "Show cases" filters the case list to one agent. */
export function TeamAgents({
  team,
  onShow,
}: {
  team: TeamOverview[number];
  onShow: (agentId: string) => void;
}) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const columns = useMemo(() => {
    const formats = createViewerFormats(locale, timeZone);
    return column.columns([
      column.accessor('name', {
        header: t('team.column.agent'),
        enableSorting: false,
        cell: ({ row }) => (
          <>
            {row.original.name} {!row.original.active && <Badge tone="warning">{t('team.inactive')}</Badge>}
          </>
        ),
      }),
      column.accessor('email', { header: t('team.column.email'), enableSorting: false }),
      column.accessor('activeCases', {
        header: t('team.column.activeCases'),
        enableSorting: false,
        cell: ({ getValue }) => formats.integer(getValue()),
        meta: { numeric: true },
      }),
      column.display({
        id: 'show',
        header: t('team.column.actions'),
        cell: ({ row }) => (
          <button
            type="button"
            className="button button-quiet"
            aria-label={t('team.showCasesOf', { name: row.original.name })}
            onClick={() => onShow(row.original.id)}
          >
            {t('team.showCases')}
          </button>
        ),
      }),
    ]);
  }, [t, locale, timeZone, onShow]);

  return (
    <DataTable
      label={t('team.agentsLabel', { team: team.name })}
      columns={columns}
      rows={team.agents}
      getRowId={agentId}
      sort={SORT}
      onSortChange={() => {}}
      pagination={{ pageIndex: 0, pageSize: Math.max(10, team.agents.length) }}
      onPaginationChange={() => {}}
      pageSizeOptions={[Math.max(10, team.agents.length)]}
      rowCount={team.agents.length}
      rowCountLabel={t('team.poolCount', countParams(team.poolCases, locale))}
      stale={false}
    />
  );
}
