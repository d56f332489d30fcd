import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SORT,
  normalizeSearch,
  parseCaseListParams,
  toCaseListParams,
  withFilter,
  withoutFilters,
  withPageSize,
  withSort,
} from '../../client/src/features/cases/hooks/case-list-params.ts';

const PORTFOLIO = '0b7c6a4e-3f1d-4c2a-9e8b-1a2b3c4d5e6f';

describe('case list URL state', () => {
  it('reads the plain /cases address as page 1 of 50, by priority, unfiltered', () => {
    expect(parseCaseListParams(new URLSearchParams())).toEqual({
      page: 1,
      pageSize: 50,
      sort: DEFAULT_SORT,
      filter: {},
    });
  });

  it('round-trips every filter, the sort and the page through the URL', () => {
    const state = parseCaseListParams(
      new URLSearchParams(
        `status=active&bucket=dpd_31_60&stage=agent&portfolio=${PORTFOLIO}&agent=unassigned&q=smith&sort=balance&dir=asc&size=25&page=3`,
      ),
    );
    expect(state).toEqual({
      page: 3,
      pageSize: 25,
      sort: { field: 'balance', direction: 'asc' },
      filter: {
        status: 'active',
        bucket: 'dpd_31_60',
        stage: 'agent',
        portfolioId: PORTFOLIO,
        agentId: 'unassigned',
        search: 'smith',
      },
    });
    expect(parseCaseListParams(toCaseListParams(state))).toEqual(state);
  });

  it('ignores malformed values instead of sending them to the server', () => {
    const state = parseCaseListParams(
      new URLSearchParams(
        'status=open&bucket=x&portfolio=not-a-uuid&agent=bob&q=a&sort=debtor&size=7&page=-2',
      ),
    );
    expect(state).toEqual({ page: 1, pageSize: 50, sort: DEFAULT_SORT, filter: {} });
  });

  it('leaves defaults out of the URL', () => {
    expect(toCaseListParams(parseCaseListParams(new URLSearchParams('page=1&size=50'))).toString()).toBe('');
  });

  it('goes back to page 1 when a filter, the sort or the page size changes', () => {
    const onPage4 = parseCaseListParams(new URLSearchParams('page=4&status=active'));
    expect(withFilter(onPage4, { bucket: 'dpd_1_30' }).page).toBe(1);
    expect(withSort(onPage4, { field: 'balance', direction: 'desc' }).page).toBe(1);
    expect(withPageSize(onPage4, 100)).toMatchObject({ page: 1, pageSize: 100 });
    expect(withoutFilters(onPage4)).toMatchObject({ page: 1, filter: {} });
  });

  it('drops a filter set to nothing', () => {
    const filtered = parseCaseListParams(new URLSearchParams('status=active&stage=legal'));
    expect(withFilter(filtered, { status: undefined }).filter).toEqual({ stage: 'legal' });
  });

  it('searches only with at least 2 characters, trimmed', () => {
    expect(normalizeSearch(' a ')).toBe('');
    expect(normalizeSearch('  ab ')).toBe('ab');
  });
});
