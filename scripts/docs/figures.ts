import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { faultCases, type FaultPhase, type FaultService } from '../../electron/faults/fault-cases';
import { commandsEn } from '../../shared/i18n/commands-en';
import { inspectorEn } from '../../shared/i18n/inspector-en';
import type { CheckId } from '../../shared/inspector/check-result';
import { DEFAULT_FUZZ_RUNS } from '../../shared/testing/fuzz-runs';
import { runtimePackagePaths, type PackageLock } from '../../packaging/runtime-dependencies';

/**
 * The figures the docs quote that the code itself can tell, without running a test suite: each is the body of a
 * marked region (see regions.ts), keyed by the region's name. Counts that need a whole run (tests passed, timings)
 * are not here: the docs say which command prints them.
 */
export async function figureBlocks(root: string): Promise<Record<string, string>> {
  return {
    'fault-matrix': faultMatrixTable(),
    fuzz: await fuzzSummary(root),
    'inspector-checks': inspectorChecks(),
    'cli-usage': cliUsage(),
    electronegativity: await electronegativityJustified(root),
    'runtime-packages': await runtimePackages(root),
  };
}

const SERVICES: Readonly<Record<FaultService, string>> = { entra: 'Entra ID', keyvault: 'Key Vault', partnercenter: 'Partner Center' };
const PHASES: Readonly<Record<FaultPhase, string>> = { consent: 'consent', refresh: 'redemption', customers: 'customers listing', users: 'users listing' };

const number = (value: number): string => value.toLocaleString('en-US');

/** The fault matrix's cases counted by service (rows) and phase (columns). */
function faultMatrixTable(): string {
  const services = Object.keys(SERVICES) as FaultService[];
  const phases = Object.keys(PHASES) as FaultPhase[];
  const count = (service?: FaultService, phase?: FaultPhase): number =>
    faultCases.filter((kase) => (service === undefined || kase.service === service) && (phase === undefined || kase.phase === phase)).length;
  const row = (label: string, service?: FaultService): string =>
    `| ${label} | ${phases.map((phase) => number(count(service, phase))).join(' | ')} | ${number(count(service))} |`;
  return [
    `The fault matrix (\`electron/faults/fault-cases.ts\`) holds **${number(faultCases.length)} cases**:`,
    '',
    `| Service | ${phases.map((phase) => PHASES[phase]).join(' | ')} | all |`,
    `|---|${phases.map(() => '---:').join('|')}|---:|`,
    ...services.map((service) => row(SERVICES[service], service)),
    row('**all**'),
  ].join('\n');
}

/** Files under the checkout's source folders whose name ends with `suffix`, relative to the checkout. */
async function sourceFiles(root: string, suffix: string): Promise<string[]> {
  const folders = ['shared', 'electron', 'renderer', 'emulators', 'packaging', 'scripts'];
  const found: string[] = [];
  for (const folder of folders) {
    const names = await readdir(join(root, folder), { recursive: true });
    found.push(...names.filter((name) => name.endsWith(suffix)).map((name) => `${folder}/${name.replaceAll('\\', '/')}`));
  }
  return found.sort();
}

/** How many fast-check properties the fuzz tests hold, and how many inputs a default run tries. */
async function fuzzSummary(root: string): Promise<string> {
  const files = await sourceFiles(root, '.fuzz.test.ts');
  const perFile = await Promise.all(
    files.map(async (file) => [file, ((await readFile(join(root, file), 'utf8')).match(/\bfc\.(?:async)?[pP]roperty\(/g) ?? []).length] as const),
  );
  const properties = perFile.reduce((sum, [, count]) => sum + count, 0);
  return [
    `**${number(properties)} properties** × ${number(DEFAULT_FUZZ_RUNS)} inputs = **${number(properties * DEFAULT_FUZZ_RUNS)} inputs** a run:`,
    ...perFile.map(([file, count]) => `- \`${file}\`: ${number(count)}`),
  ].join('\n');
}

/** The inspector's check ids, in the order its texts list them (every CheckId must have texts: a type error otherwise). */
function inspectorChecks(): string {
  const texts: Readonly<Record<CheckId, unknown>> = inspectorEn.checks;
  const ids = Object.keys(texts);
  return `Check ids (${number(ids.length)}): ${ids.map((id) => `\`${id}\``).join(', ')}.`;
}

/** `sam-desk --help` as it prints, and how many commands it names. */
function cliUsage(): string {
  const commands = new Set(
    commandsEn.usage
      .split('\n')
      .map((line) => /^ {2}sam-desk ([a-z]+)/.exec(line)?.[1])
      .filter((command): command is string => command !== undefined),
  );
  return [
    `${number(commands.size)} commands: ${[...commands].map((command) => `\`${command}\``).join(', ')}. \`sam-desk --help\` prints:`,
    '',
    '```',
    commandsEn.usage,
    '```',
  ].join('\n');
}

/** The Electronegativity findings reviewed and justified (the check fails on any other finding, and on a stale entry). */
async function electronegativityJustified(root: string): Promise<string> {
  const file = JSON.parse(await readFile(join(root, 'security/electronegativity-justified.json'), 'utf8')) as { justified: readonly unknown[] };
  return `Reviewed findings justified in \`security/electronegativity-justified.json\`: **${number(file.justified.length)}** check-and-file entries (one entry covers every finding of its check in its file); unjustified findings: 0 (the check fails on one, and on an entry that no longer matches a finding).`;
}

/** The run-time packages the asar holds: package.json's dependencies and their closure in package-lock.json. */
async function runtimePackages(root: string): Promise<string> {
  const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8')) as PackageLock;
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const dependencies = Object.keys(manifest.dependencies);
  return `Run-time packages in the asar: **${number(runtimePackagePaths(lock, dependencies).size)}** (the closure of ${number(dependencies.length)} dependencies in \`package-lock.json\`).`;
}
