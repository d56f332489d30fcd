/**
 * A seedable PRNG (mulberry32) with the few helpers the seeder needs. Every case draws from its own stream,
 * seeded by (book seed, case number), so a case's story does not depend on how many cases came before it
 * or on how the book is chunked into batches.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight: `[['a', 3], ['b', 1]]` gives `a` three times as often as `b`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
}

/** Mixes numbers into one 32-bit seed (murmur3's finalizer over each part). */
export function hashSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    // Numbers above 2^32 (large case counts times a stride) keep their high bits too.
    h = Math.imul(h ^ Math.floor(part / 0x1_0000_0000), 0x27d4eb2d);
  }
  return h >>> 0;
}

class Mulberry32 implements Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
}

/** A class rather than closures: a million cases each get one, and methods on a prototype cost nothing per case. */
export function createRandom(seed: number): Random {
  return new Mulberry32(seed >>> 0);
}
