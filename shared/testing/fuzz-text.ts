import fc from 'fast-check';

/**
 * Any Unicode code point as a string, lone surrogates included (what fast-check's `unit: 'binary'` draws). Built
 * from an integer because fast-check's own full-Unicode units build a table on first use that costs about two
 * seconds in every test worker, which the fuzz budget (shared/testing/fuzz-runs.ts) cannot spare.
 */
export const codePoint: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCodePoint(code)),
  fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
);
