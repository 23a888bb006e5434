/**
 * Values kept by most recent use within a total weight: reading a key makes it the newest, and adding past the
 * capacity drops the oldest until the rest fit. The newest value always stays, even one heavier than the capacity,
 * so the value being used is never regenerated on every read. A Map iterates in insertion order, so re-inserting on
 * every hit keeps the oldest key first.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { readonly value: V; readonly weight: number }>();
  private totalWeight = 0;

  constructor(
    readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {
    if (!(capacity > 0)) throw new RangeError(`An LRU cache needs a positive capacity, got ${String(capacity)}.`);
  }

  get size(): number {
    return this.entries.size;
  }

  get weight(): number {
    return this.totalWeight;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.weigh(value);
    this.entries.set(key, { value, weight });
    this.totalWeight += weight;
    for (const oldest of this.entries.keys()) {
      if (this.totalWeight <= this.capacity || oldest === key) break;
      this.delete(oldest);
    }
  }

  private delete(key: K): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.totalWeight -= entry.weight;
  }
}
