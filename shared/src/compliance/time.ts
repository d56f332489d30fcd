import { DAY_MS, MINUTE_MS } from './instant.ts';

/**
 * Local time in an IANA zone, fast enough for the hot path. Intl is asked for UTC offsets only while a
 * 64-day bucket is first built (one sample per day, then a binary search down to the second where the offset
 * changed); afterwards an offset is a map lookup plus a scan of that bucket's zero to two transitions.
 * Assumes at most one offset change per UTC day, which holds for every zone in the tz database since 1900.
 */
const BUCKET_DAYS = 64;
const BUCKET_MS = BUCKET_DAYS * DAY_MS;

interface OffsetBucket {
  readonly startOffset: number;
  readonly transitions: number[];
  readonly offsets: number[];
}

export class ZoneClock {
  private readonly formatter: Intl.DateTimeFormat;
  private readonly buckets = new Map<number, OffsetBucket>();
  // Consecutive lookups mostly fall in the same bucket (a case's history spans weeks): skip the map then.
  private lastIndex = Number.NaN;
  private lastBucket: OffsetBucket | undefined;

  constructor(readonly zone: string) {
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Milliseconds to add to an instant to get the local wall clock read as if it were UTC. */
  offsetAt(ms: number): number {
    const index = Math.floor(ms / BUCKET_MS);
    let bucket = index === this.lastIndex ? this.lastBucket : this.buckets.get(index);
    if (bucket === undefined) {
      bucket = this.buildBucket(index * BUCKET_MS);
      this.buckets.set(index, bucket);
    }
    this.lastIndex = index;
    this.lastBucket = bucket;
    let offset = bucket.startOffset;
    for (let i = 0; i < bucket.transitions.length; i++) {
      if (ms < bucket.transitions[i]!) break;
      offset = bucket.offsets[i]!;
    }
    return offset;
  }

  /** Local calendar day, as days since 1970-01-01. */
  dayOf(ms: number): number {
    return Math.floor((ms + this.offsetAt(ms)) / DAY_MS);
  }

  /** Local minute of the day, 0..1439 (seconds truncated, so 20:59:59 is minute 1259). */
  minuteOf(ms: number): number {
    const local = ms + this.offsetAt(ms);
    return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
  }

  /**
   * The earliest instant whose local wall clock reads `minute` on `day`. A wall time skipped by a DST jump
   * maps to the instant the jump happens (the first moment at or after that wall time).
   */
  instantAt(day: number, minute: number): number {
    const wall = day * DAY_MS + minute * MINUTE_MS;
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    const early = wall - Math.max(before, after);
    const late = wall - Math.min(before, after);
    if (this.offsetAt(early) === Math.max(before, after)) return early;
    if (this.offsetAt(late) === Math.min(before, after)) return late;
    return this.firstChangeAfter(early, late);
  }

  private firstChangeAfter(from: number, to: number): number {
    const startOffset = this.offsetAt(from);
    let lo = Math.floor(from / 1000);
    let hi = Math.ceil(to / 1000);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.offsetAt(mid * 1000) === startOffset) lo = mid;
      else hi = mid;
    }
    return hi * 1000;
  }

  private intlOffset(ms: number): number {
    const second = Math.floor(ms / 1000) * 1000;
    const parts = this.formatter.formatToParts(second);
    const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(
      field('year'),
      field('month') - 1,
      field('day'),
      field('hour'),
      field('minute'),
      field('second'),
    );
    return wall - second;
  }

  private buildBucket(start: number): OffsetBucket {
    const startOffset = this.intlOffset(start);
    const transitions: number[] = [];
    const offsets: number[] = [];
    let previous = startOffset;
    for (let day = 1; day <= BUCKET_DAYS; day++) {
      const sample = this.intlOffset(start + day * DAY_MS);
      if (sample === previous) continue;
      // Binary search, in whole seconds, for the first instant with the new offset.
      let lo = (start + (day - 1) * DAY_MS) / 1000;
      let hi = (start + day * DAY_MS) / 1000;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.intlOffset(mid * 1000) === previous) lo = mid;
        else hi = mid;
      }
      if (hi * 1000 < start + BUCKET_MS) {
        transitions.push(hi * 1000);
        offsets.push(sample);
      }
      previous = sample;
    }
    return { startOffset, transitions, offsets };
  }
}

const clocks = new Map<string, ZoneClock>();

/** One cached clock per zone: building a formatter costs tens of microseconds. */
export function zoneClock(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (clock === undefined) {
    clock = new ZoneClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}

const validity = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  let valid = validity.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = zone.includes('/') || zone === 'UTC';
    } catch {
      valid = false;
    }
    validity.set(zone, valid);
  }
  return valid;
}
