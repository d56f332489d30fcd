import { BUCKETS, CASE_STATUSES, LADDER_STAGES } from '@arrears/shared/domain/enums';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useCaseFilterOptionsQuery } from '../api/use-case-filter-options-query.ts';
import { type CaseListState, hasFilters } from '../hooks/case-list-params.ts';
import { CaseSearchBox } from './case-search-box.tsx';

type CaseFilter = CaseListState['filter'];

interface CaseFiltersProps {
  filter: CaseFilter;
  onChange: (patch: Partial<CaseFilter>) => void;
  onClear: () => void;
}

export function CaseFilters({ filter, onChange, onClear }: CaseFiltersProps) {
  const { t } = useTranslation();
  const options = useCaseFilterOptionsQuery();
  const portfolios = options.data?.portfolios ?? [];
  const agents = options.data?.agents ?? [];
  // An empty select value clears the filter; an unknown one cannot reach here (the URL parser drops it).
  const set = (name: keyof CaseFilter) => (value: string) => onChange({ [name]: value || undefined });

  return (
    <search aria-label={t('cases.filtersLabel')} className="filter-bar">
      <CaseSearchBox value={filter.search ?? ''} onSearch={set('search')} />
      <SelectField
        label={t('cases.status')}
        emptyLabel={t('cases.allStatuses')}
        value={filter.status ?? ''}
        onChange={set('status')}
        options={CASE_STATUSES.map((status) => ({ value: status, label: t(`enums.status.${status}`) }))}
      />
      <SelectField
        label={t('cases.bucket')}
        emptyLabel={t('cases.allBuckets')}
        value={filter.bucket ?? ''}
        onChange={set('bucket')}
        options={BUCKETS.map((bucket) => ({ value: bucket, label: t(`enums.bucket.${bucket}`) }))}
      />
      <SelectField
        label={t('cases.stage')}
        emptyLabel={t('cases.allStages')}
        value={filter.stage ?? ''}
        onChange={set('stage')}
        options={LADDER_STAGES.map((stage) => ({ value: stage, label: t(`enums.stage.${stage}`) }))}
      />
      <SelectField
        label={t('cases.portfolio')}
        emptyLabel={t('cases.allPortfolios')}
        value={filter.portfolioId ?? ''}
        onChange={set('portfolioId')}
        options={portfolios.map((portfolio) => ({ value: portfolio.id, label: portfolio.name }))}
      />
      <SelectField
        label={t('cases.agent')}
        emptyLabel={t('cases.allAgents')}
        value={filter.agentId ?? ''}
        onChange={set('agentId')}
        options={[
          { value: 'unassigned', label: t('cases.teamPool') },
          ...agents.map((agent) => ({ value: agent.id, label: agent.name })),
        ]}
      />
      {hasFilters(filter) && (
        <button type="button" className="button" onClick={onClear}>
          {t('cases.clearFilters')}
        </button>
      )}
    </search>
  );
}
