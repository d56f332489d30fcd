import { BUCKETS, type Bucket, LADDER_STAGES, type LadderStage } from '@arrears/shared/domain/enums';
import type { TeamCaseRow, TeamCasesInput } from '@arrears/shared/schemas/supervision';
import { type FormEvent, useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { usePaging } from '../../../hooks/use-paging.ts';
import { team } from '../../../i18n/en/team.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { countParams } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useReassignCases, useTeamCasesQuery, useTeamOverviewQuery } from '../api/team-api.ts';
import { TeamAgents } from './team-agents.tsx';
import { TeamAlerts } from './team-alerts.tsx';
import { type TeamSelection, useTeamColumns } from './team-columns.tsx';

registerEnglish({ team });

const PAGE_SIZES = [25, 50, 100, 200] as const;
const POOL = 'pool';
const caseId = (row: TeamCaseRow) => row.id;
const SORT = { id: 'daysPastDue', desc: true };

interface Filter {
  agentId?: string;
  bucket?: Bucket;
  stage?: LadderStage;
}

/**
 * The supervisor's team: its agents with their case counts, and its active cases, filtered by agent, bucket and
 * stage, selected and moved in one go to another agent of the team or to the team's pool. The server moves all
 * of them or none, and audits each move.
 */
export function TeamPage() {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const headingId = useId();
  const { locale } = useSessionUser();
  const overview = useTeamOverviewQuery();
  const [chosenTeam, setChosenTeam] = useState('');
  const teams = overview.data ?? [];
  const team = teams.find((candidate) => candidate.id === chosenTeam) ?? teams[0];
  const [filter, setFilter] = useState<Filter>({});
  const paging = usePaging(50);
  const { restart } = paging;
  // Each selected case with whom it is moved from (an agent's name, or the pool), for the confirmation.
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const [confirming, setConfirming] = useState(false);
  const [target, setTarget] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const reassign = useReassignCases();
  const input: TeamCasesInput | null = team
    ? { teamId: team.id, page: paging.page, pageSize: paging.pageSize, ...filter }
    : null;
  const list = useTeamCasesQuery(input);
  const rows = list.data?.rows ?? [];

  const changeFilter = (patch: Filter) => {
    setFilter((current) => ({ ...current, ...patch }));
    paging.restart();
    setSelected(new Map());
  };
  const onShow = useCallback(
    (agentId: string) => {
      setFilter((current) => ({ ...current, agentId }));
      restart();
      setSelected(new Map());
    },
    [restart],
  );

  const onPage = rows.filter((row) => selected.has(row.id)).length;
  const selection: TeamSelection = useMemo(
    () => ({
      selected,
      pageState: onPage === 0 ? 'none' : onPage === rows.length ? 'all' : 'some',
      toggle: (row, on) =>
        setSelected((current) => {
          const next = new Map(current);
          if (on) next.set(row.id, row.assignedAgent?.name ?? t('team.pool'));
          else next.delete(row.id);
          return next;
        }),
      togglePage: (on) =>
        setSelected((current) => {
          const next = new Map(current);
          for (const row of rows) {
            if (on) next.set(row.id, row.assignedAgent?.name ?? t('team.pool'));
            else next.delete(row.id);
          }
          return next;
        }),
    }),
    [selected, rows, onPage, t],
  );
  const columns = useTeamColumns(selection);
  const failure = reassign.error ? readApiError(reassign.error) : null;
  const [tried, setTried] = useState(false);
  const targetProblem = target === '' ? t('team.pickTarget') : undefined;

  const toAgentId = target === POOL ? null : target;
  const targetName =
    toAgentId === null ? t('team.pool') : (team?.agents.find((a) => a.id === toAgentId)?.name ?? '');
  // "Bob Martinez (2 cases) and Team pool (1 case)": whom the selected cases are taken from, largest first.
  const fromCounts = new Map<string, number>();
  for (const from of selected.values()) fromCounts.set(from, (fromCounts.get(from) ?? 0) + 1);
  const fromSummary = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    [...fromCounts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([name, count]) => t('team.fromCount', { name, count })),
  );

  /** The form only asks; the move happens once the supervisor confirms what it will do. */
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (!team || selected.size === 0 || targetProblem) return;
    setConfirming(true);
  }

  function move() {
    setConfirming(false);
    if (!team) return;
    const name = targetName;
    reassign.mutate(
      { idempotencyKey: idempotency.key, teamId: team.id, caseIds: [...selected.keys()], toAgentId },
      {
        onSuccess: (result) => {
          idempotency.renew();
          setAnnouncement(t('team.moved', { count: result.moved, name }));
          setSelected(new Map());
          setTried(false);
        },
      },
    );
  }

  if (overview.isError) {
    return (
      <section aria-labelledby={headingId} className="page">
        <h1 id={headingId}>{t('team.title')}</h1>
        <QueryStatus query={overview} failedKey="team.loadFailed" retryKey="team.retry" />
      </section>
    );
  }

  return (
    <Page
      title={t('sectionTabs.compliance.team')}
      heading={team ? t('team.titleOf', { team: team.name }) : t('team.title')}
      className="team-page"
      header={
        teams.length > 1 && (
          <div className="field">
            <label htmlFor={`${headingId}-team`}>{t('team.teamPicker')}</label>
            <select
              id={`${headingId}-team`}
              value={team?.id ?? ''}
              onChange={(event) => {
                setChosenTeam(event.target.value);
                setFilter({});
                setSelected(new Map());
                paging.restart();
              }}
            >
              {teams.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </div>
        )
      }
    >
      {overview.isLoading && <p className="page-status">{t('team.loading')}</p>}
      {overview.data && !team && (
        <div className="notice">
          <p>{t('team.noTeams')}</p>
        </div>
      )}

      {team && (
        <>
          <h2>{t('team.agentsHeading')}</h2>
          <TeamAgents team={team} onShow={onShow} />

          <TeamAlerts />

          <h2>{t('team.casesHeading')}</h2>
          <search aria-label={t('team.filtersLabel')} className="filter-bar">
            <SelectField
              label={t('team.agentFilter')}
              emptyLabel={t('team.allAgents')}
              value={filter.agentId ?? ''}
              onChange={(value) => changeFilter({ agentId: value || undefined })}
              options={[
                { value: POOL, label: t('team.pool') },
                ...team.agents.map((agent) => ({ value: agent.id, label: agent.name })),
              ]}
            />
            <SelectField
              label={t('team.bucketFilter')}
              emptyLabel={t('team.allBuckets')}
              value={filter.bucket ?? ''}
              onChange={(value) => changeFilter({ bucket: (value || undefined) as Bucket | undefined })}
              options={BUCKETS.map((bucket) => ({ value: bucket, label: t(`enums.bucket.${bucket}`) }))}
            />
            <SelectField
              label={t('team.stageFilter')}
              emptyLabel={t('team.allStages')}
              value={filter.stage ?? ''}
              onChange={(value) => changeFilter({ stage: (value || undefined) as LadderStage | undefined })}
              options={LADDER_STAGES.map((stage) => ({ value: stage, label: t(`enums.stage.${stage}`) }))}
            />
          </search>

          <form className="team-reassign filter-bar" onSubmit={submit} noValidate>
            <p>{t('team.selectedCount', { count: selected.size })}</p>
            <div className="field">
              <label htmlFor={`${headingId}-target`}>{t('team.moveTo')}</label>
              <select
                id={`${headingId}-target`}
                value={target}
                aria-invalid={tried && targetProblem ? true : undefined}
                onChange={(event) => setTarget(event.target.value)}
              >
                <option value="">{t('team.chooseTarget')}</option>
                <option value={POOL}>{t('team.pool')}</option>
                {team.agents
                  .filter((agent) => agent.active)
                  .map((agent) => (
                    <option key={agent.id} value={agent.id}>
                      {agent.name}
                    </option>
                  ))}
              </select>
            </div>
            <button
              type="submit"
              className="button button-primary"
              disabled={selected.size === 0 || reassign.isPending}
            >
              {reassign.isPending ? t('team.moving') : t('team.move', { count: selected.size })}
            </button>
            {tried && targetProblem && <p className="field-error">{targetProblem}</p>}
            {failure && (
              <p role="alert" className="form-alert">
                {failure.message}
              </p>
            )}
          </form>
          <Dialog
            open={confirming}
            onClose={() => setConfirming(false)}
            title={t('team.confirmTitle', { count: selected.size })}
          >
            <p>{t('team.confirmBody', { count: selected.size, from: fromSummary, to: targetName })}</p>
            <p>{t('team.confirmAudit')}</p>
            <div className="form-actions">
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('team.cancel')}
              </button>
              <button type="button" className="button button-primary" data-autofocus onClick={move}>
                {t('team.move', { count: selected.size })}
              </button>
            </div>
          </Dialog>

          <div className="table-toolbar">
            <p role="status" className="list-status">
              {list.isFetching ? t('team.loading') : announcement}
            </p>
          </div>

          <QueryStatus query={list} failedKey="team.loadFailed" retryKey="team.retry" />
          {list.data && list.data.total === 0 && !list.isPlaceholderData && (
            <div className="notice">
              <p>{t('team.empty')}</p>
            </div>
          )}
          {list.data && list.data.total > 0 && (
            <DataTable
              label={t('team.casesLabel')}
              columns={columns}
              rows={rows}
              getRowId={caseId}
              sort={SORT}
              onSortChange={() => {}}
              {...paging.table}
              pageSizeOptions={PAGE_SIZES}
              rowCount={list.data.total}
              rowCountLabel={
                list.data.totalCapped
                  ? t('team.countCapped', {
                      formattedCount: new Intl.NumberFormat(locale).format(list.data.total),
                    })
                  : t('team.count', countParams(list.data.total, locale))
              }
              stale={list.isPlaceholderData}
            />
          )}
        </>
      )}
    </Page>
  );
}
