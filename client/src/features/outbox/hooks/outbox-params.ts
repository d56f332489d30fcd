import type { MessageState, OutboxListInput } from '@arrears/shared/schemas/channels';
import type { PagingSteps } from '../../../hooks/use-url-paged-table.ts';

/**
 * The outbox page's state lives in the URL (channel, state, page, size) so reload, back and a shared link show the
 * same page. The contract's tuples are mirrored as type-checked records so the browser does not load zod for them.
 */
const CHANNEL_RECORD: Record<OutboxChannel, true> = { email: true, sms: true, app_push: true, letter: true };
export type OutboxChannel = NonNullable<OutboxListInput['channel']>;
export const OUTBOX_CHANNEL_NAMES = Object.keys(CHANNEL_RECORD) as OutboxChannel[];

const STATE_RECORD: Record<MessageState, true> = {
  queued: true,
  sent: true,
  delivered: true,
  failed: true,
  bounced: true,
  undeliverable: true,
  refused: true,
};
export const MESSAGE_STATE_NAMES = Object.keys(STATE_RECORD) as MessageState[];

export const OUTBOX_PAGE_SIZE_CHOICES = [25, 50, 100] as const;
type PageSize = (typeof OUTBOX_PAGE_SIZE_CHOICES)[number];
const MAX_PAGE = 10_000;

/** The only order is newest first; the table's sort is that one column. */
export type OutboxSortField = 'createdAt';

export interface OutboxState {
  channel: OutboxChannel | null;
  state: MessageState | null;
  page: number;
  pageSize: PageSize;
  sort: { field: OutboxSortField; direction: 'asc' | 'desc' };
}

export const DEFAULT_OUTBOX_STATE: OutboxState = {
  channel: null,
  state: null,
  page: 1,
  pageSize: 25,
  sort: { field: 'createdAt', direction: 'desc' },
};

export function parseOutboxParams(params: URLSearchParams): OutboxState {
  const page = Number(params.get('page'));
  return {
    channel: oneOf(OUTBOX_CHANNEL_NAMES, params.get('channel')) ?? null,
    state: oneOf(MESSAGE_STATE_NAMES, params.get('state')) ?? null,
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
    pageSize: oneOf(OUTBOX_PAGE_SIZE_CHOICES, Number(params.get('size'))) ?? DEFAULT_OUTBOX_STATE.pageSize,
    sort: DEFAULT_OUTBOX_STATE.sort,
  };
}

export function toOutboxParams(state: OutboxState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.channel) params.set('channel', state.channel);
  if (state.state) params.set('state', state.state);
  if (state.pageSize !== DEFAULT_OUTBOX_STATE.pageSize) params.set('size', String(state.pageSize));
  if (state.page !== 1) params.set('page', String(state.page));
  return params;
}

export function toOutboxListInput(state: OutboxState): OutboxListInput {
  return {
    page: state.page,
    pageSize: state.pageSize,
    ...(state.channel ? { channel: state.channel } : {}),
    ...(state.state ? { state: state.state } : {}),
  };
}

export const OUTBOX_PAGING: PagingSteps<OutboxSortField, OutboxState> = {
  sortFields: ['createdAt'],
  withPage: (state, page) => ({ ...state, page: Math.min(Math.max(1, Math.trunc(page)), MAX_PAGE) }),
  withPageSize: (state, pageSize) => ({
    ...state,
    page: 1,
    pageSize: oneOf(OUTBOX_PAGE_SIZE_CHOICES, pageSize) ?? DEFAULT_OUTBOX_STATE.pageSize,
  }),
  withSort: (state) => state,
};

function oneOf<const T extends string | number>(values: readonly T[], value: unknown): T | undefined {
  return (values as readonly unknown[]).includes(value) ? (value as T) : undefined;
}
