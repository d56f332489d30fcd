/**
 * Which optional columns the agent shows. The case link, the debtor and "workable now" always show: without
 * them a row cannot be read or opened. Remembered per browser (localStorage).
 */
export const OPTIONAL_QUEUE_COLUMNS = [
  'balance',
  'daysPastDue',
  'bucket',
  'stage',
  'priority',
  'lastContactAt',
  'claim',
] as const;
export type OptionalQueueColumn = (typeof OPTIONAL_QUEUE_COLUMNS)[number];

export const DEFAULT_HIDDEN_COLUMNS: readonly OptionalQueueColumn[] = ['bucket', 'stage'];
export const QUEUE_COLUMNS_STORAGE_KEY = 'arrearsdesk.queue.hiddenColumns.v1';

/** A stored choice as the page can use it, or null when it is not one (then the default applies). */
export function parseHiddenColumns(stored: unknown): OptionalQueueColumn[] | null {
  if (!Array.isArray(stored)) return null;
  const known = stored.filter((name): name is OptionalQueueColumn =>
    (OPTIONAL_QUEUE_COLUMNS as readonly unknown[]).includes(name),
  );
  return [...new Set(known)];
}
