import { RULE_IDS } from '@arrears/shared/compliance/packs';
import { ACTION_KINDS, CONTACT_OUTCOMES, DECISION_OUTCOMES } from '@arrears/shared/domain/enums';
import { AUDIT_ACTORS, AUDIT_KINDS, REVIEW_STATES } from '@arrears/shared/schemas/oversight';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/ui/page.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useSessionUser } from '../../../lib/session.tsx';
import { useAuditListQuery, useAuditOptionsQuery } from '../api/audit-api.ts';
import {
  type AuditState,
  FILTER_KEYS,
  hasFilters,
  toAuditParams,
  useAuditParams,
} from '../hooks/audit-params.ts';
import { AgentFigures, AttemptsHeatMap } from './audit-insights.tsx';
import { AuditTable } from './audit-table.tsx';

/**
 * The compliance audit: every decision (blocked, warned, overridden) and every contact in the viewer's scope,
 * filtered from the URL; per-agent figures and the heat map of attempts for the same range below.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const { timeZone } = useSessionUser();
  const [state, update] = useAuditParams(timeZone);
  // Keyset paging: the cursors of the pages before this one. A new filter starts again at the first page.
  const filterKey = toAuditParams(state).toString();
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = paging.key === filterKey ? paging.cursors : [];
  const setCursors = (change: (current: string[]) => string[]) =>
    setPaging({ key: filterKey, cursors: change(cursors) });
  const cursor = cursors.at(-1);
  const list = useAuditListQuery({ ...(state as AuditStateInput), cursor, limit: 50 });
  const rows = list.data?.rows ?? [];
  const isEmpty = list.data !== undefined && rows.length === 0 && !list.isPlaceholderData;

  return (
    <Page
      title={t('audit.pageTitle')}
      header={<p className="muted">{t('audit.intro', { zone: timeZone })}</p>}
    >
      <AuditFilters state={state} onChange={update} />

      <div className="table-toolbar">
        <p role="status" className="list-status">
          {list.isFetching ? t('audit.loading') : ''}
        </p>
      </div>

      <QueryStatus query={list} failedKey="audit.loadFailed" retryKey="audit.retry" />
      {list.isPending && <p className="muted">{t('audit.loading')}</p>}
      {isEmpty && (
        <div className="notice">
          <p>{cursors.length > 0 ? t('audit.noMore') : t(`audit.empty.${state.kind}`)}</p>
          {hasFilters(state) && (
            <button type="button" className="button" onClick={() => update(clearedFilters())}>
              {t('audit.clearFilters')}
            </button>
          )}
        </div>
      )}
      {rows.length > 0 && <AuditTable rows={rows} stale={list.isPlaceholderData} />}
      {(cursors.length > 0 || list.data?.nextCursor) && (
        <nav className="pager" aria-label={t('audit.pagerLabel')}>
          <button
            type="button"
            className="button"
            disabled={cursors.length === 0}
            onClick={() => setCursors((current) => current.slice(0, -1))}
          >
            {t('audit.newer')}
          </button>
          <span>{t('audit.pageNumber', { page: cursors.length + 1 })}</span>
          <button
            type="button"
            className="button"
            disabled={!list.data?.nextCursor || list.isPlaceholderData}
            onClick={() => {
              const next = list.data?.nextCursor;
              if (next) setCursors((current) => [...current, next]);
            }}
          >
            {t('audit.older')}
          </button>
        </nav>
      )}

      <AgentFigures from={state.from} to={state.to} teamId={state.teamId} />
      <AttemptsHeatMap from={state.from} to={state.to} agentId={state.agentId} teamId={state.teamId} />
    </Page>
  );
}

type AuditStateInput = Parameters<typeof useAuditListQuery>[0];

function clearedFilters(): Partial<AuditState> {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined]));
}

function AuditFilters({
  state,
  onChange,
}: {
  state: AuditState;
  onChange: (change: Partial<AuditState>) => void;
}) {
  const { t } = useTranslation();
  const fromId = useId();
  const toId = useId();
  const options = useAuditOptionsQuery();
  const set = (key: keyof AuditState) => (value: string) => onChange({ [key]: value || undefined });
  const outcomes = state.kind === 'decisions' ? DECISION_OUTCOMES : CONTACT_OUTCOMES;

  return (
    <search aria-label={t('audit.filtersLabel')} className="filter-bar">
      <fieldset className="audit-kind">
        <legend>{t('audit.kindLabel')}</legend>
        {AUDIT_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name="audit-kind"
              value={kind}
              checked={state.kind === kind}
              onChange={() => onChange({ kind })}
            />
            {t(`audit.kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={fromId}>{t('audit.from')}</label>
        <input
          id={fromId}
          type="date"
          value={state.from}
          max={state.to}
          onChange={(event) => event.target.value && onChange({ from: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={toId}>{t('audit.to')}</label>
        <input
          id={toId}
          type="date"
          value={state.to}
          min={state.from}
          onChange={(event) => event.target.value && onChange({ to: event.target.value })}
        />
      </div>
      <SelectField
        label={t('audit.filter.agent')}
        emptyLabel={t('audit.filter.allAgents')}
        value={state.agentId ?? ''}
        onChange={set('agentId')}
        options={(options.data?.agents ?? []).map((a) => ({ value: a.id, label: a.name }))}
      />
      <SelectField
        label={t('audit.filter.team')}
        emptyLabel={t('audit.filter.allTeams')}
        value={state.teamId ?? ''}
        onChange={set('teamId')}
        options={(options.data?.teams ?? []).map((team) => ({ value: team.id, label: team.name }))}
      />
      <SelectField
        label={t('audit.filter.portfolio')}
        emptyLabel={t('audit.filter.allPortfolios')}
        value={state.portfolioId ?? ''}
        onChange={set('portfolioId')}
        options={(options.data?.portfolios ?? []).map((p) => ({ value: p.id, label: p.name }))}
      />
      <SelectField
        label={t('audit.filter.rule')}
        emptyLabel={t('audit.filter.allRules')}
        value={state.ruleId ?? ''}
        onChange={set('ruleId')}
        options={RULE_IDS.map((id) => ({ value: id, label: id }))}
      />
      <SelectField
        label={t('audit.filter.channel')}
        emptyLabel={t('audit.filter.allChannels')}
        value={state.actionKind ?? ''}
        onChange={set('actionKind')}
        options={ACTION_KINDS.map((kind) => ({ value: kind, label: t(`audit.channel.${kind}`) }))}
      />
      <SelectField
        label={t('audit.filter.outcome')}
        emptyLabel={t('audit.filter.allOutcomes')}
        value={state.outcome ?? ''}
        onChange={set('outcome')}
        options={outcomes.map((outcome) => ({ value: outcome, label: t(`audit.outcome.${outcome}`) }))}
      />
      <SelectField
        label={t('audit.filter.review')}
        emptyLabel={t('audit.filter.anyReview')}
        value={state.review ?? ''}
        onChange={set('review')}
        options={REVIEW_STATES.map((review) => ({ value: review, label: t(`audit.reviewState.${review}`) }))}
      />
      <SelectField
        label={t('audit.filter.by')}
        emptyLabel={t('audit.filter.anyone')}
        value={state.by ?? ''}
        onChange={set('by')}
        options={AUDIT_ACTORS.map((by) => ({ value: by, label: t(`audit.by.${by}`) }))}
      />
      {hasFilters(state) && (
        <button type="button" className="button" onClick={() => onChange(clearedFilters())}>
          {t('audit.clearFilters')}
        </button>
      )}
    </search>
  );
}
