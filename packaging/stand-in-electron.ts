import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { executableWithResources } from './pe-resources';

/** What marks the start of Electron's fuse wire in its binary (from @electron/fuses). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's own fuse states as it ships (version 1 wire, 8 fuses): run as node on, cookie encryption off, NODE_OPTIONS
 * on, --inspect on, asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on.
 */
const ELECTRON_DEFAULT_WIRE = '10110001';
const fuseWire = `${FUSE_SENTINEL}\u0001${String.fromCharCode(ELECTRON_DEFAULT_WIRE.length)}${ELECTRON_DEFAULT_WIRE}`;

/*
 * Unpacked Electron distributions that electron-builder can package where the real ones cannot be downloaded. The
 * executables are shell scripts that refuse to run, and the file Electron keeps its fuses in carries a real fuse wire,
 * so the fuses hook flips and verifies it exactly as it does Electron's. Everything else electron-builder reads or
 * renames is there by name.
 */

async function script(path: string, electronVersion: string, extra = ''): Promise<void> {
  await writeFile(path, `#!/bin/sh\n# Stand-in for Electron ${electronVersion}: packaging checks only.\n${extra}echo "stand-in Electron: cannot run" >&2\nexit 1\n`, 'latin1');
  await chmod(path, 0o755);
}

/** Linux: `electron` (with the fuse wire), resources/, the license files. Returns the executable. */
export async function writeStandInElectron(directory: string, electronVersion: string): Promise<string> {
  await mkdir(join(directory, 'resources'), { recursive: true });
  const executable = join(directory, 'electron');
  await script(executable, electronVersion, `# ${fuseWire}\n`);
  await writeFile(join(directory, 'version'), electronVersion);
  await writeFile(join(directory, 'LICENSE'), 'Stand-in for the Electron license file.\n');
  await writeFile(join(directory, 'LICENSES.chromium.html'), '<!doctype html><title>Stand-in</title>\n');
  return executable;
}

const infoPlist = (executable: string, identifier: string): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0"><dict>',
    `<key>CFBundleExecutable</key><string>${executable}</string>`,
    `<key>CFBundleIdentifier</key><string>${identifier}</string>`,
    `<key>CFBundleName</key><string>${executable}</string>`,
    '</dict></plist>',
    '',
  ].join('\n');

/** macOS: Electron.app with its Info.plist, helper apps and Electron Framework (where the fuse wire lives). */
export async function writeStandInElectronMac(directory: string, electronVersion: string): Promise<void> {
  const contents = join(directory, 'Electron.app', 'Contents');
  await mkdir(join(contents, 'MacOS'), { recursive: true });
  await mkdir(join(contents, 'Resources'), { recursive: true });
  await writeFile(join(contents, 'Info.plist'), infoPlist('Electron', 'com.github.Electron'));
  await script(join(contents, 'MacOS', 'Electron'), electronVersion);
  for (const suffix of ['', ' (Renderer)', ' (GPU)', ' (Plugin)']) {
    const helper = join(contents, 'Frameworks', `Electron Helper${suffix}.app`, 'Contents');
    await mkdir(join(helper, 'MacOS'), { recursive: true });
    await writeFile(join(helper, 'Info.plist'), infoPlist(`Electron Helper${suffix}`, 'com.github.Electron.helper'));
    await script(join(helper, 'MacOS', `Electron Helper${suffix}`), electronVersion);
  }
  const framework = join(contents, 'Frameworks', 'Electron Framework.framework');
  await mkdir(framework, { recursive: true });
  await writeFile(join(framework, 'Electron Framework'), `Stand-in for Electron Framework ${electronVersion}\n${fuseWire}\n`, 'latin1');
}

/** RT_RCDATA: the stand-in's fuse wire is a raw resource, so it survives electron-builder rewriting the resources. */
const RT_RCDATA = 10;

/**
 * Windows: electron.exe, a real (empty) PE executable with the version resource electron-builder reads when it embeds
 * the asar's hash, and the fuse wire as a raw resource. Packing must skip rcedit (`signAndEditExecutable: false`),
 * which needs Windows or wine.
 */
export async function writeStandInElectronWindows(directory: string, electronVersion: string): Promise<void> {
  await mkdir(join(directory, 'resources'), { recursive: true });
  const executable = await executableWithResources({ ProductName: 'Electron', FileDescription: `Stand-in for Electron ${electronVersion}` }, [{ type: RT_RCDATA, id: 'FUSES', bin: Buffer.from(fuseWire, 'latin1') }]);
  await writeFile(join(directory, 'electron.exe'), executable);
  await writeFile(join(directory, 'version'), electronVersion);
  await writeFile(join(directory, 'LICENSE'), 'Stand-in for the Electron license file.\n');
  await writeFile(join(directory, 'LICENSES.chromium.html'), '<!doctype html><title>Stand-in</title>\n');
}
