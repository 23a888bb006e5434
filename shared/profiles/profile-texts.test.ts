import { describe, expect, it } from 'vitest';
import { profilesEn } from '../i18n/profiles-en';
import { profilesSv } from '../i18n/profiles-sv';
import { importNoticeKeys, profileValidationKeys, tenantLookupErrorKeys } from './profile';

/** Every text of profiles, with its dotted key, in one language. */
function leaves(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (typeof tree !== 'object' || tree === null) throw new Error(`${prefix} is neither text nor a group`);
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

const english = new Map(leaves(profilesEn));
const swedish = new Map(leaves(profilesSv));
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();

describe('profile texts', () => {
  it('has every key in Swedish, and no other', () => {
    expect([...swedish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('has no Swedish text that is just its key name, and none empty', () => {
    for (const [key, text] of swedish) {
      const name = key.split('.').at(-1) ?? key;
      expect(text, key).not.toBe(name);
      expect(text, key).not.toBe(key);
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of english) expect(placeholders(swedish.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('has a text for every key the validation, the tenant lookup and import produce', () => {
    const keys = [
      ...profileValidationKeys.map((key) => `validation.${key}`),
      ...tenantLookupErrorKeys.map((key) => `errors.${key}`),
      ...importNoticeKeys.map((key) => `import.${key}`),
      'errors.damagedFile',
      'errors.damagedReasons.not-json',
      'errors.damagedReasons.schema',
    ];
    for (const key of keys) {
      expect(english.get(key), key).toBeTypeOf('string');
      expect(swedish.get(key), key).toBeTypeOf('string');
    }
  });

  it('names the field first in every validation and tenant lookup message ("Field: what to do")', () => {
    const fieldFirst = /^[^:{}]{3,60}: \S/;
    for (const key of [...profileValidationKeys.map((name) => `validation.${name}`), ...tenantLookupErrorKeys.map((name) => `errors.${name}`)]) {
      expect(english.get(key), key).toMatch(fieldFirst);
      expect(swedish.get(key), key).toMatch(fieldFirst);
    }
  });

  it('explains the redirect port with 8400 in both languages', () => {
    for (const texts of [english, swedish]) {
      expect(texts.get('hints.redirectPort')).toContain('8400');
      expect(texts.get('validation.redirectPort')).toContain('8400');
    }
  });
});
