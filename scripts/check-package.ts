import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { getRawHeader, listPackage, statFile } from '@electron/asar';
import type { AfterPackContext as BuilderAfterPackContext, Configuration } from 'app-builder-lib';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper.js';
import { Arch, build, LinuxPackager, Platform } from 'electron-builder';
import { checkAppFiles } from '../packaging/asar-allow-list';
import { executableResource } from '../packaging/pe-resources';
import { loadBuilderConfig, validateBuilderConfig } from '../packaging/builder-config';
import { samDeskFuses, verifyFuses, type PackagedPlatform } from '../packaging/fuses';
import { runtimePackagePaths, type PackageLock } from '../packaging/runtime-dependencies';
import { writeStandInElectron, writeStandInElectronMac, writeStandInElectronWindows } from '../packaging/stand-in-electron';

/**
 * The packaging check `npm test` runs: electron-builder.yml passes electron-builder's schema, then the app is packed
 * for Linux, macOS and Windows exactly as the installers pack it (same configuration, same afterPack hook) into
 * stand-in Electron distributions (the real ones cannot be downloaded here), and each result is held to the
 * allow-list: only the build's output and the run-time dependencies, every one of them present, keytar's module
 * unpacked, every fuse flipped; sam-desk:// registered (the Linux desktop entry, the macOS Info.plist; Windows: the
 * installer script, tested in packaging/) and, on macOS and Windows, the asar's hash embedded for the integrity fuse.
 */
const projectDirectory = process.cwd();
const problems: string[] = [];
const report: string[] = [];

async function filesUnder(directory: string): Promise<string[]> {
  const exists = await stat(directory).then(() => true, () => false);
  if (!exists) return [];
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => `/${relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/')}`);
}

/** What Electron's integrity check hashes: the asar's header (SHA-256, hex), as electron-builder embeds it. */
const asarHeaderHash = (asarPath: string): string => createHash('sha256').update(getRawHeader(asarPath).headerString).digest('hex');

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(join(projectDirectory, path), 'utf8')) as T;

/** The packed app's files against the allow-list, and its fuses read back. */
async function checkPackedApp(label: string, platform: PackagedPlatform, resourcesDirectory: string, fuseFile: string, runtime: ReadonlySet<string>): Promise<void> {
  const asarPath = join(resourcesDirectory, 'app.asar');
  const packed = listPackage(asarPath, { isPack: false }).filter((entry) => !('files' in statFile(asarPath, entry.slice(1), false)));
  const unpacked = await filesUnder(join(resourcesDirectory, 'app.asar.unpacked'));
  problems.push(...checkAppFiles({ packed, unpacked }, runtime).map((problem) => `${label}: ${problem}`));
  const fuses = samDeskFuses(platform, 'x64');
  const { wrong, extra, states } = await verifyFuses(fuseFile, fuses);
  for (const fuse of wrong) problems.push(`${label}: fuse ${fuse} not flipped`);
  report.push(`${label}: app.asar ${String(packed.length)} files; unpacked: ${unpacked.join(', ') || 'nothing'}`, `${label}: fuses read back: ${states.join(', ')}${extra > 0 ? ` (+${String(extra)} at Electron's default)` : ''}`);
}

/** One electron-builder `dir` pack into a stand-in distribution, timed for the report. */
async function pack(label: string, platform: Platform, electronDist: string, output: string, overrides: Omit<Configuration, 'electronDist' | 'directories'> = {}): Promise<void> {
  const started = performance.now();
  await build({ projectDir: projectDirectory, targets: platform.createTarget('dir', Arch.x64), publish: 'never', config: { ...overrides, electronDist, directories: { output } } });
  report.push(`${label}: packed with a stand-in Electron in ${String(Math.round(performance.now() - started))} ms`);
}

const config = await loadBuilderConfig(projectDirectory);
await validateBuilderConfig(config);
report.push('electron-builder.yml: valid (electron-builder schema)');

const work = await mkdtemp(join(tmpdir(), 'sam-desk-package-'));
try {
  const { version: electronVersion } = await readJson<{ version: string }>('node_modules/electron/package.json');
  const lock = await readJson<PackageLock>('package-lock.json');
  const runtime = runtimePackagePaths(lock, Object.keys((await readJson<{ dependencies: Record<string, string> }>('package.json')).dependencies));
  report.push(`stand-ins for Electron ${electronVersion}; ${String(runtime.size)} run-time packages allowed`);
  // The configured hook, loaded as electron-builder loads it.
  const { default: configuredAfterPack } = (await import(new URL('../packaging/hooks/after-pack.mjs', import.meta.url).href)) as { default: (context: BuilderAfterPackContext) => Promise<void> };

  // Linux. The packager the hook is given also writes the .desktop entry the AppImage and deb install: that is what
  // registers sam-desk:// there.
  await writeStandInElectron(join(work, 'electron-linux'), electronVersion);
  let desktopEntry = '';
  await pack('Linux', Platform.LINUX, join(work, 'electron-linux'), join(work, 'linux'), {
    afterPack: async (context) => {
      await configuredAfterPack(context);
      const packager = context.packager;
      if (!(packager instanceof LinuxPackager)) throw new Error('expected the Linux packager');
      desktopEntry = await new LinuxTargetHelper(packager).computeDesktopEntry(packager.platformSpecificBuildOptions, `"/opt/SAM Desk/${packager.executableName}" %U`);
    },
  });
  const linuxApp = join(work, 'linux', 'linux-unpacked');
  await checkPackedApp('Linux', 'linux', join(linuxApp, 'resources'), join(linuxApp, 'sam-desk'), runtime);
  if (!/^MimeType=.*x-scheme-handler\/sam-desk;/m.test(desktopEntry)) problems.push('Linux: the desktop entry does not register x-scheme-handler/sam-desk');
  if (!/^Exec=.*%U$/m.test(desktopEntry)) problems.push('Linux: the desktop entry does not pass the link (%U) to the app');
  report.push(`Linux: desktop entry ${desktopEntry.split('\n').filter((line) => /^(Exec|MimeType)=/.test(line)).join('; ')}`);

  // macOS (unsigned: signing needs a Mac). Info.plist must register sam-desk:// and carry app.asar's header hash,
  // which the integrity fuse makes Electron check at every start.
  await writeStandInElectronMac(join(work, 'electron-mac'), electronVersion);
  await pack('macOS', Platform.MAC, join(work, 'electron-mac'), join(work, 'mac'), { mac: { ...config.mac, identity: null } });
  const macApp = join(work, 'mac', 'mac', 'SAM Desk.app');
  const resources = join(macApp, 'Contents', 'Resources');
  await checkPackedApp('macOS', 'darwin', resources, macApp, runtime);
  const plist = await readFile(join(macApp, 'Contents', 'Info.plist'), 'utf8');
  if (!/<key>CFBundleURLSchemes<\/key>\s*<array>\s*<string>sam-desk<\/string>/.test(plist)) problems.push('macOS: Info.plist does not register sam-desk://');
  const headerHash = asarHeaderHash(join(resources, 'app.asar'));
  const embedded = /<key>Resources\/app\.asar<\/key>\s*<dict>\s*<key>algorithm<\/key>\s*<string>SHA256<\/string>\s*<key>hash<\/key>\s*<string>([0-9a-f]{64})<\/string>/.exec(plist)?.[1];
  if (embedded !== headerHash) problems.push(`macOS: Info.plist's ElectronAsarIntegrity (${embedded ?? 'none'}) is not app.asar's header hash (${headerHash})`);
  report.push(`macOS: Info.plist registers sam-desk://; ElectronAsarIntegrity = app.asar's header hash ${headerHash.slice(0, 12)}…`);

  // Windows. rcedit (icon and version strings) needs Windows or wine and is skipped; the asar's hash is still embedded
  // as the exe's INTEGRITY resource, which is what the integrity fuse checks.
  await writeStandInElectronWindows(join(work, 'electron-win'), electronVersion);
  await pack('Windows', Platform.WINDOWS, join(work, 'electron-win'), join(work, 'win'), { win: { ...config.win, signAndEditExecutable: false } });
  const winApp = join(work, 'win', 'win-unpacked');
  const exePath = join(winApp, 'SAM Desk.exe');
  await checkPackedApp('Windows', 'win32', join(winApp, 'resources'), exePath, runtime);
  const winHash = asarHeaderHash(join(winApp, 'resources', 'app.asar'));
  const integrity = await executableResource(await readFile(exePath), 'INTEGRITY', 'ELECTRONASAR');
  const integrityList = integrity ? (JSON.parse(integrity.toString('utf8')) as Array<{ file: string; alg: string; value: string }>) : [];
  if (!integrityList.some((entry) => entry.file === 'resources\\app.asar' && entry.alg === 'SHA256' && entry.value === winHash)) problems.push(`Windows: the exe's ELECTRONASAR resource does not hold app.asar's header hash (${winHash})`);
  report.push(`Windows: SAM Desk.exe's ELECTRONASAR resource = app.asar's header hash ${winHash.slice(0, 12)}…`);
} finally {
  await rm(work, { recursive: true, force: true });
}

console.log(report.join('\n'));
if (problems.length > 0) {
  console.error(`check:package: ${String(problems.length)} problem(s)\n${problems.map((problem) => `  ✗ ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log('check:package: the Linux, macOS and Windows packs match the allow-list, and their fuses are flipped');
