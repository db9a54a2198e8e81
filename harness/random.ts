// Seeded random inputs: the same seed gives the same bytes, so a failure seen once can be seen again.

/** A small, fast PRNG (mulberry32) with the helpers cases need. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** A string of `length` characters drawn from `alphabet` (an array, so multi-byte characters stay whole). */
  string(length: number, alphabet: string = 'abcdefghijklmnopqrstuvwxyz0123456789 '): string {
    const chars = [...alphabet];
    let out = '';
    for (let i = 0; i < length; i++) out += chars[Math.floor(this.next() * chars.length)];
    return out;
  }
}

/** Mixes the run's seed with a case id so that each case has its own stream, stable when cases are added. */
export function caseSeed(runSeed: number, caseId: string): number {
  let hash = runSeed >>> 0;
  for (const char of caseId) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}
