import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUEUE_STATE,
  parseQueueParams,
  toQueueParams,
  withPage,
  withQueue,
  withSort,
} from './queue-params.ts';

const parse = (query: string) => parseQueueParams(new URLSearchParams(query));

describe('queue URL state', () => {
  it('is "my cases by priority, page 1" for a plain /queue', () => {
    expect(parse('')).toEqual(DEFAULT_QUEUE_STATE);
    expect(toQueueParams(DEFAULT_QUEUE_STATE).toString()).toBe('');
  });

  it('round-trips a queue, sort, page size and page', () => {
    const state = parse('queue=broken_promises&sort=balance&dir=asc&size=25&page=3');
    expect(state).toEqual({
      queue: 'broken_promises',
      page: 3,
      pageSize: 25,
      sort: { field: 'balance', direction: 'asc' },
    });
    expect(parse(toQueueParams(state).toString())).toEqual(state);
  });

  it('ignores unknown queues, sorts, sizes and pages', () => {
    expect(parse('queue=everything&sort=name&size=500&page=-2')).toEqual(DEFAULT_QUEUE_STATE);
  });

  it('sorts by workable time soonest first unless told otherwise', () => {
    expect(parse('sort=nextWorkableAt').sort).toEqual({ field: 'nextWorkableAt', direction: 'asc' });
  });

  it('starts another queue or sort on page 1', () => {
    const onPage4 = withPage(DEFAULT_QUEUE_STATE, 4);
    expect(withQueue(onPage4, 'team_pool').page).toBe(1);
    expect(withSort(onPage4, { field: 'balance', direction: 'desc' }).page).toBe(1);
  });
});
