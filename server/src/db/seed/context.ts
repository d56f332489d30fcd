import { dayOf, type LocalStamp, stampAt } from './local-time.ts';
import { buildNamePools, type NamePools } from './name-pools.ts';

/** What every case of one book shares: the seed, the instant it is seeded "as of", and the name pools. */
export interface BookContext {
  seed: number;
  now: Date;
  pools: NamePools;
  /** Today's local day and the local stamp of `now` in a zone. */
  clock(zone: string): { today: number; now: LocalStamp };
}

export function createBookContext(seed: number, now: Date): BookContext {
  const clocks = new Map<string, { today: number; now: LocalStamp }>();
  return {
    seed,
    now,
    pools: buildNamePools(seed),
    clock(zone) {
      let clock = clocks.get(zone);
      if (!clock) {
        const stamp = stampAt(zone, now);
        clock = { today: dayOf(stamp), now: stamp };
        clocks.set(zone, clock);
      }
      return clock;
    },
  };
}
