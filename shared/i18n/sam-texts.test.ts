import { describe, expect, it } from 'vitest';
import { samErrorCodes } from '../sam/error-codes';
import { samEn } from './sam-en';
import { samSv } from './sam-sv';

describe('consent and token error texts', () => {
  it('give every error code a message and a remedy in English and Swedish', () => {
    for (const code of samErrorCodes) {
      for (const table of [samEn.errors, samSv.errors]) {
        expect(table[code].message.length, code).toBeGreaterThan(10);
        expect(table[code].remedy.length, code).toBeGreaterThan(10);
      }
    }
    expect(Object.keys(samEn.errors).sort()).toEqual([...samErrorCodes].sort());
  });
});
