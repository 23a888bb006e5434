/**
 * What the packaged app (app.asar and what is unpacked beside it) may hold: the app's package.json, the build's output
 * and the run-time packages — no sources, tests, emulators, benchmarks, scripts, source maps, docs or C++ sources.
 * `checkAppFiles` lists every file that breaks the rule and everything the app needs that is missing.
 */
export const REQUIRED_FILES: readonly string[] = ['/package.json', '/out/main/main.js', '/out/preload/preload.cjs', '/out/renderer/index.html'];
/** Native modules load from outside the asar (app.asar.unpacked). */
export const REQUIRED_UNPACKED: readonly string[] = ['/node_modules/keytar/build/Release/keytar.node'];

const BUILT_OUTPUT = [/^\/out\/main\/[\w.-]+\.js$/, /^\/out\/preload\/preload\.cjs$/, /^\/out\/renderer\/(index\.html|assets\/[\w.-]+\.(js|css|svg|png|woff2?))$/];

/** Never shipped, whatever package it sits in. */
const FORBIDDEN: ReadonlyArray<readonly [RegExp, string]> = [
  [/\.map$/, 'a source map'],
  [/\.(ts|tsx|mts|cts)$/, 'TypeScript source'],
  [/\.(c|cc|cpp|h|hpp|gyp|gypi|mk|o)$/i, 'native sources or build files'],
  [/\/(test|tests|__tests__|spec|example|examples|benchmark|benchmarks|coverage)\//, 'tests, examples or benchmarks'],
  [/\.md$/i, 'documentation'],
  [/^\/(electron|renderer|shared|emulators|bench|e2e|scripts|packaging|assets|docs|security)\//, 'the repository’s sources or tooling'],
];

export interface AppFiles {
  /** Files (not directories) in app.asar, as "/path". */
  readonly packed: readonly string[];
  /** Files in app.asar.unpacked, as "/path". */
  readonly unpacked: readonly string[];
}

/** The lock path a file belongs to ("/node_modules/a/node_modules/b/x.js" → "node_modules/a/node_modules/b"). */
function packageOf(file: string): string | null {
  const match = /^\/((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
  return match?.[1] ?? null;
}

export function checkAppFiles(files: AppFiles, runtimePackages: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const shipped = new Set<string>();
  for (const file of [...files.packed, ...files.unpacked]) {
    const forbidden = FORBIDDEN.find(([pattern]) => pattern.test(file));
    if (forbidden) {
      problems.push(`${file}: ${forbidden[1]} must not be shipped`);
      continue;
    }
    if (file === '/package.json' || BUILT_OUTPUT.some((pattern) => pattern.test(file))) continue;
    const owner = packageOf(file);
    if (owner === null) problems.push(`${file}: not build output and not in a package`);
    else if (!runtimePackages.has(owner)) problems.push(`${file}: ${owner} is not a run-time dependency`);
    else shipped.add(owner);
  }
  for (const required of REQUIRED_FILES) if (!files.packed.includes(required)) problems.push(`${required}: missing from app.asar`);
  for (const required of REQUIRED_UNPACKED) if (!files.unpacked.includes(required)) problems.push(`${required}: missing from app.asar.unpacked (a native module cannot load from inside the asar)`);
  for (const needed of runtimePackages) if (!shipped.has(needed)) problems.push(`${needed}: a run-time dependency the app loads is missing`);
  return problems;
}
