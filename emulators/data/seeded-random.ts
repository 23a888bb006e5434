/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same partner, customers and users every run. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** A version-4-shaped GUID drawn from this generator (deterministic, unlike crypto.randomUUID). */
  guid(): string {
    // Four 32-bit draws rather than 32 hex digits one by one: ids for 100,000 customers are made up front.
    const hex = Array.from({ length: 4 }, () => Math.floor(this.next() * 4294967296).toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${(8 + (parseInt(hex.charAt(16), 16) & 3)).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** A generator for item `index` of a seeded set, so item 73,512 can be made without making the 73,511 before it. */
export function randomFor(seed: number, index: number, salt = 0): SeededRandom {
  return new SeededRandom(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ Math.imul(salt + 7, 0x27d4eb2f));
}
