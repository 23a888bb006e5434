import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache';

describe('LRU cache', () => {
  it('drops the least recently used entries once the total weight passes the capacity', () => {
    const cache = new LruCache<string, number>(10, (value) => value);
    cache.set('a', 4);
    cache.set('b', 4);
    expect(cache.get('a')).toBe(4);
    cache.set('c', 4);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(4);
    expect(cache.get('c')).toBe(4);
    expect(cache.weight).toBe(8);
  });

  it('counts a replaced value once, and keeps the newest value even when it alone is too heavy', () => {
    const cache = new LruCache<string, number>(10, (value) => value);
    cache.set('a', 6);
    cache.set('a', 3);
    expect(cache.weight).toBe(3);
    cache.set('big', 25);
    expect(cache.size).toBe(1);
    expect(cache.get('big')).toBe(25);
    expect(cache.get('a')).toBeUndefined();
  });

  it('counts entries when no weight is given, and refuses a capacity that is not positive', () => {
    const cache = new LruCache<number, string>(2);
    cache.set(1, 'one');
    cache.set(2, 'two');
    cache.set(3, 'three');
    expect([cache.get(1), cache.get(2), cache.get(3)]).toEqual([undefined, 'two', 'three']);
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
