import type { Parameters } from 'fast-check';

/**
 * The one place that sets how hard the property-based fuzz tests (`*.fuzz.test.ts`) try. Every property runs
 * `numRuns` random inputs, so the whole suite costs (number of properties) × numRuns inputs and stays inside the CI
 * budget. Raise it locally for a longer hunt:
 *
 *   FUZZ_RUNS=50000 npx vitest run fuzz
 *
 * A failing property prints its counterexample, its seed and its shrink path (fast-check does). Replay exactly
 * that run with FUZZ_SEED=<seed> FUZZ_PATH=<path> (the path may be left out to replay from the start of the seed).
 */
export const DEFAULT_FUZZ_RUNS = 2_000;

function environment(name: string): string | undefined {
  // shared/ also compiles for the renderer, which has no `process`: read it without assuming Node.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value === '' ? undefined : value;
}

function positiveInteger(name: string): number | undefined {
  const raw = environment(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

function integer(name: string): number | undefined {
  const raw = environment(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, not "${raw}"`);
  return value;
}

/** Inputs tried per property. */
export const numRuns: number = positiveInteger('FUZZ_RUNS') ?? DEFAULT_FUZZ_RUNS;

/** Each fuzz test's time limit (vitest's third `it` argument): generous, and growing with FUZZ_RUNS. */
export const FUZZ_TIMEOUT_MS = Math.max(20_000, numRuns * 20);

/** The parameters every fuzz property passes to fc.assert: the run count, and the replay seed and path when given. */
export function fuzzParameters<T>(): Parameters<T> {
  const seed = integer('FUZZ_SEED');
  const path = environment('FUZZ_PATH');
  return {
    numRuns,
    ...(seed === undefined ? {} : { seed }),
    ...(path === undefined ? {} : { path }),
  };
}
