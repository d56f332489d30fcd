import { daysBetween } from './calendar.ts';
import type { Bucket } from './enums.ts';

/** Upper bounds (inclusive) of days past due per bucket; the last bucket is open-ended. */
export const BUCKET_LIMITS: ReadonlyArray<readonly [number, Bucket]> = [
  [0, 'current'],
  [30, 'dpd_1_30'],
  [60, 'dpd_31_60'],
  [90, 'dpd_61_90'],
  [120, 'dpd_91_120'],
  [180, 'dpd_121_180'],
];

/** The delinquency bucket a number of days past due falls in. */
export function bucketFor(daysPastDue: number): Bucket {
  for (const [limit, bucket] of BUCKET_LIMITS) {
    if (daysPastDue <= limit) return bucket;
  }
  return 'dpd_181_plus';
}

/** Whole days between a due date and a day, both `YYYY-MM-DD` calendar dates; never negative. */
export function daysPastDue(dueDate: string, today: string): number {
  return Math.max(0, Math.round(daysBetween(dueDate, today)));
}
