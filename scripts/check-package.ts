import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { AfterPackContext as BuilderAfterPackContext } from 'app-builder-lib';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper.js';
import { Arch, build, LinuxPackager, Platform } from 'electron-builder';
import { checkAppFiles } from '../packaging/asar-allow-list';
import { loadBuilderConfig, validateBuilderConfig } from '../packaging/builder-config';
import { FUSE_OFF, FUSE_ON, samDeskFuses, verifyFuses } from '../packaging/fuses';
import { runtimePackagePaths, type PackageLock } from '../packaging/runtime-dependencies';
import { writeStandInElectron } from '../packaging/stand-in-electron';

/**
 * The packaging check `npm test` runs: electron-builder.yml passes electron-builder's schema, then the app is packed
 * for Linux exactly as the installers pack it (same configuration, same afterPack hook) into a stand-in Electron
 * distribution (the real one cannot be downloaded here), and the result is held to the allow-list: only the build's
 * output and the run-time dependencies, every one of them present, keytar's module unpacked, every fuse flipped.
 */
const projectDirectory = process.cwd();
const problems: string[] = [];

async function filesUnder(directory: string): Promise<string[]> {
  const exists = await stat(directory).then(() => true, () => false);
  if (!exists) return [];
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => `/${relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/')}`);
}

const config = await loadBuilderConfig(projectDirectory);
await validateBuilderConfig(config);
console.log('electron-builder.yml: valid (electron-builder schema)');

const work = await mkdtemp(join(tmpdir(), 'sam-desk-package-'));
try {
  const electronVersion = (JSON.parse(await readFile(join(projectDirectory, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  const electronDist = join(work, 'electron');
  await writeStandInElectron(electronDist, electronVersion);
  const started = performance.now();
  // The configured hook, loaded as electron-builder loads it; the packager it is given also writes the .desktop
  // entry the AppImage and deb install, which is what registers sam-desk:// on Linux.
  const { default: configuredAfterPack } = (await import(new URL('../packaging/hooks/after-pack.mjs', import.meta.url).href)) as { default: (context: BuilderAfterPackContext) => Promise<void> };
  let desktopEntry = '';
  await build({
    projectDir: projectDirectory,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      electronDist,
      directories: { output: join(work, 'release') },
      afterPack: async (context) => {
        await configuredAfterPack(context);
        const packager = context.packager;
        if (!(packager instanceof LinuxPackager)) throw new Error('check:package packs for Linux only');
        desktopEntry = await new LinuxTargetHelper(packager).computeDesktopEntry(packager.platformSpecificBuildOptions, `"/opt/SAM Desk/${packager.executableName}" %U`);
      },
    },
  });
  if (!/^MimeType=.*x-scheme-handler\/sam-desk;/m.test(desktopEntry)) problems.push('the Linux desktop entry does not register x-scheme-handler/sam-desk');
  if (!/^Exec=.*%U$/m.test(desktopEntry)) problems.push('the Linux desktop entry does not pass the link (%U) to the app');
  const appOutDir = join(work, 'release', 'linux-unpacked');
  const asarPath = join(appOutDir, 'resources', 'app.asar');
  const packed = listPackage(asarPath, { isPack: false }).filter((entry) => !('files' in statFile(asarPath, entry.slice(1), false)));
  const unpacked = await filesUnder(join(appOutDir, 'resources', 'app.asar.unpacked'));

  const lock = JSON.parse(await readFile(join(projectDirectory, 'package-lock.json'), 'utf8')) as PackageLock;
  const dependencies = Object.keys((JSON.parse(await readFile(join(projectDirectory, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
  const runtime = runtimePackagePaths(lock, dependencies);
  problems.push(...checkAppFiles({ packed, unpacked }, runtime));

  const fuses = samDeskFuses('linux', 'x64');
  const executable = join(appOutDir, 'sam-desk');
  const { wrong, extra } = await verifyFuses(executable, fuses);
  for (const fuse of wrong) problems.push(`fuse ${fuse}: not flipped in ${executable}`);
  const wire: Readonly<Record<string, unknown>> = await getCurrentFuseWire(executable);
  const states = Object.keys(wire)
    .filter((key) => /^\d+$/.test(key))
    .map((key) => `${FuseV1Options[Number(key)] ?? key}=${wire[key] === FUSE_ON ? 'on' : wire[key] === FUSE_OFF ? 'off' : '?'}`);

  console.log(
    [
      `packed for Linux with a stand-in Electron ${electronVersion} in ${String(Math.round(performance.now() - started))} ms`,
      `app.asar: ${String(packed.length)} files (${String(runtime.size)} run-time packages); app.asar.unpacked: ${unpacked.join(', ') || 'nothing'}`,
      `Linux desktop entry: ${desktopEntry.split('\n').filter((line) => /^(Exec|MimeType)=/.test(line)).join('; ')}`,
      `fuses read back: ${states.join(', ')}${extra > 0 ? ` (+${String(extra)} at Electron's default)` : ''}`,
    ].join('\n'),
  );
} finally {
  await rm(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`check:package: ${String(problems.length)} problem(s)\n${problems.map((problem) => `  ✗ ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log('check:package: the packaged app matches the allow-list, and its fuses are flipped');
