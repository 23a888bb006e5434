import { describe, expect, it } from 'vitest';
import { isValidSecretName, KeyVaultStore, RECOVERABLE_DAYS } from './store';

const T0 = 1_800_000_000;
const DAY = 86_400;

describe('KeyVaultStore', () => {
  it('adds a version on every set and keeps the old ones readable', () => {
    const store = new KeyVaultStore();
    const first = store.set('refresh-token', { value: 'one' }, T0);
    const second = store.set('refresh-token', { value: 'two', contentType: 'text/plain', tags: { app: 'sam' } }, T0 + 5);
    if (!first.ok || !second.ok) throw new Error('set refused');

    expect(first.version.id).toMatch(/^[0-9a-f]{32}$/);
    expect(second.version.id).not.toBe(first.version.id);
    expect(store.version('refresh-token', undefined, T0 + 6)?.version.value).toBe('two');
    expect(store.version('refresh-token', first.version.id, T0 + 6)?.version.value).toBe('one');
    expect(store.version('refresh-token', second.version.id, T0 + 6)?.version).toMatchObject({ contentType: 'text/plain', tags: { app: 'sam' }, enabled: true, created: T0 + 5 });
    expect(store.latest('refresh-token')).toBe('two');
    expect(store.secret('refresh-token', T0 + 6)?.versions.map((version) => version.value)).toEqual(['one', 'two']);
  });

  it('treats names case-insensitively but keeps the first spelling', () => {
    const store = new KeyVaultStore();
    store.set('PartnerToken', { value: 'a' }, T0);
    store.set('partnertoken', { value: 'b' }, T0);
    expect(store.secretNames()).toEqual(['PartnerToken']);
    expect(store.latest('PARTNERTOKEN')).toBe('b');
  });

  it('updates attributes and tags of one version, never its value', () => {
    const store = new KeyVaultStore();
    const set = store.set('s', { value: 'v', tags: { a: '1' } }, T0);
    if (!set.ok) throw new Error('set refused');
    const updated = store.update('s', set.version.id, { enabled: false, tags: { b: '2' } }, T0 + 10);
    expect(updated?.version).toMatchObject({ value: 'v', enabled: false, tags: { b: '2' }, created: T0, updated: T0 + 10 });
    expect(store.update('s', 'f'.repeat(32), { enabled: true }, T0)).toBeUndefined();
  });

  it('soft-deletes with a 90-day purge date, refuses the name meanwhile, recovers every version', () => {
    const store = new KeyVaultStore();
    store.set('s', { value: 'one' }, T0);
    store.set('s', { value: 'two' }, T0);
    const deleted = store.delete('s', T0 + 100);

    expect(deleted?.deletion).toEqual({ deletedDate: T0 + 100, scheduledPurgeDate: T0 + 100 + RECOVERABLE_DAYS * DAY });
    expect(store.secret('s', T0 + 101)).toBeUndefined();
    expect(store.secretNames()).toEqual([]);
    expect(store.latest('s')).toBeUndefined();
    expect(store.set('s', { value: 'three' }, T0 + 102)).toEqual({ ok: false, reason: 'deleted' });
    expect(store.listDeleted(T0 + 102).map((record) => record.name)).toEqual(['s']);

    expect(store.recover('s', T0 + 200)?.versions.map((version) => version.value)).toEqual(['one', 'two']);
    expect(store.deleted('s', T0 + 200)).toBeUndefined();
    expect(store.latest('s')).toBe('two');
  });

  it('purges on request, and by itself once the scheduled purge date has passed', () => {
    const store = new KeyVaultStore();
    store.set('manual', { value: 'x' }, T0);
    store.set('automatic', { value: 'y' }, T0);
    expect(store.purge('manual', T0)).toBe(false); // only a deleted secret can be purged
    store.delete('manual', T0);
    store.delete('automatic', T0);

    expect(store.purge('manual', T0 + 1)).toBe(true);
    expect(store.deleted('manual', T0 + 1)).toBeUndefined();
    expect(store.deleted('automatic', T0 + RECOVERABLE_DAYS * DAY - 1)).toBeDefined();
    expect(store.deleted('automatic', T0 + RECOVERABLE_DAYS * DAY)).toBeUndefined();
    // Once purged the name is free again.
    expect(store.set('automatic', { value: 'z' }, T0 + RECOVERABLE_DAYS * DAY).ok).toBe(true);
  });

  it('accepts only 1-127 characters of 0-9, a-z, A-Z and -', () => {
    expect(isValidSecretName('a')).toBe(true);
    expect(isValidSecretName('Sam-Desk-refresh-token-0')).toBe(true);
    expect(isValidSecretName('x'.repeat(127))).toBe(true);
    expect(isValidSecretName('x'.repeat(128))).toBe(false);
    expect(isValidSecretName('')).toBe(false);
    expect(isValidSecretName('under_score')).toBe(false);
    expect(isValidSecretName('dot.ted')).toBe(false);
    expect(isValidSecretName('åsa')).toBe(false);
  });

  it('reset forgets everything', () => {
    const store = new KeyVaultStore();
    store.set('s', { value: 'v' }, T0);
    store.reset();
    expect(store.secretNames()).toEqual([]);
  });
});
