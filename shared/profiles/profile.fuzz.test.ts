import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileValue } from '../testing/contract-arbitraries';
import { FUZZ_TIMEOUT_MS, fuzzParameters } from '../testing/fuzz-runs';
import { bentProfileInput, validProfileInput } from '../testing/profile-arbitraries';
import { importNoticeKeys, profileFields, profileValidationKeys, tenantLookupErrorKeys, validateProfileInput } from './profile';

/**
 * Property-based fuzzing of the profile rules, which judge whatever the window sends as `profiles.create` /
 * `profiles.update` input (the contract lets any value through to them) and every import entry. Run counts come
 * from shared/testing/fuzz-runs.ts.
 */
const messageKeys = new Set<string>([
  ...profileValidationKeys.map((key) => `profiles.validation.${key}`),
  ...tenantLookupErrorKeys.map((key) => `profiles.errors.${key}`),
  ...importNoticeKeys.map((key) => `profiles.import.${key}`),
]);

describe('fuzzing the profile rules', () => {
  it('judge any value without throwing: accepted input is stable, rejected input names known fields', () => {
    fc.assert(
      fc.property(fc.oneof(hostileValue, validProfileInput, bentProfileInput), (input) => {
        const checked = validateProfileInput(input);
        if (checked.ok) {
          // What the rules made of the input (trimmed, lower-cased, normalized) passes them again unchanged.
          expect(validateProfileInput(checked.value)).toEqual(checked);
          return;
        }
        expect(checked.errors.length).toBeGreaterThan(0);
        expect(checked.errors.filter((error) => !(profileFields as readonly string[]).includes(error.field) || !messageKeys.has(error.messageKey))).toEqual([]);
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);
});
