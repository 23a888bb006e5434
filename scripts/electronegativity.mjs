// `npm run check:electron`: Electronegativity over the main process, the preload and the built page, offline.
// Every finding must be fixed or justified in security/electronegativity-justified.json (check, file, reason); a
// justification that matches no finding any more fails too, so the file stays true as the code changes.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtPage = join(root, 'out', 'renderer', 'index.html');
if (!existsSync(builtPage)) {
  process.stderr.write('check:electron: the renderer is not built yet; run `npm run build` first.\n');
  process.exit(2);
}

// The tool downloads translations at start; on a machine without network its HTTP client's retry throws after the
// fact and kills the process. Its translations ship with it, so the download is refused before it is tried.
const toolRequire = createRequire(join(root, 'node_modules', '@doyensec', 'electronegativity', 'package.json'));
const gotPath = toolRequire.resolve('got');
toolRequire.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: () => Promise.reject(new Error('offline')) };
const runner = toolRequire('./dist/runner.js');
const run = runner.default ?? runner;

// What ships: the main process and preload sources (not their tests) and the page as built, with its CSP meta tag.
const staging = mkdtempSync(join(tmpdir(), 'sam-desk-electronegativity-'));
const isShipped = (path) => statSync(path).isDirectory() ? !['testing', 'cli', 'browser-mode'].includes(path.split('/').pop()) : /\.ts$/.test(path) && !/\.test\.ts$/.test(path);
cpSync(join(root, 'electron'), join(staging, 'electron'), { recursive: true, filter: (path) => isShipped(path) });
cpSync(builtPage, join(staging, 'renderer', 'index.html'));

const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;
let result;
try {
  result = await run({
    input: staging,
    isRelative: true,
    electronVersionOverride: electronVersion,
    // Needs the network (Electron's release list); Electron's version is pinned in package.json and updated there.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
} finally {
  rmSync(staging, { recursive: true, force: true });
}

const justified = JSON.parse(readFileSync(join(root, 'security', 'electronegativity-justified.json'), 'utf8')).justified;
const keyOf = (check, file) => `${check} ${file}`;
const reasons = new Map(justified.map((entry) => [keyOf(entry.check, entry.file), entry.reason]));
const seen = new Set();
const unjustified = [];
for (const issue of result.issues) {
  const file = relative('.', issue.file).replace(/\\/g, '/');
  const key = keyOf(issue.id, file);
  if (reasons.has(key)) seen.add(key);
  else unjustified.push(`${issue.id} ${file}:${issue.location.line}:${issue.location.column} — ${issue.description}`);
}
const stale = [...reasons.keys()].filter((key) => !seen.has(key));
process.stdout.write(
  `Electronegativity ${toolRequire("./package.json").version}: ${result.globalChecks + result.atomicChecks} checks, ${result.issues.length} findings, ${result.issues.length - unjustified.length} of them justified (security/electronegativity-justified.json).\n`,
);
for (const line of unjustified) process.stdout.write(`  not justified: ${line}\n`);
for (const key of stale) process.stdout.write(`  stale justification (no such finding now): ${key}\n`);
if (result.errors.length > 0) for (const error of result.errors) process.stdout.write(`  could not parse: ${JSON.stringify(error)}\n`);
process.exit(unjustified.length > 0 || stale.length > 0 || result.errors.length > 0 ? 1 : 0);
