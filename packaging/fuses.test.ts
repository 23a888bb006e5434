import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronExecutable, flipSamDeskFuses, samDeskFuses, verifyFuses, type AfterPackContext } from './fuses';
import { writeStandInElectron } from './stand-in-electron';

let directory = '';
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'sam-desk-fuses-'));
});
afterEach(() => rm(directory, { recursive: true, force: true }));

const linuxContext = (appOutDir: string): AfterPackContext => ({ appOutDir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'SAM Desk' }, executableName: 'electron' } });

describe('the fuses SAM Desk ships with', () => {
  it('turn off every way to run other code as the app, on every platform', () => {
    for (const platform of ['darwin', 'mas', 'win32', 'linux'] as const) {
      const fuses = samDeskFuses(platform, 'x64');
      expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
      expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
      expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
      expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
      expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
      expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    }
  });

  it('check the asar against its embedded hash where Electron can (macOS, Windows), not on Linux', () => {
    expect(samDeskFuses('darwin', 'arm64')[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(samDeskFuses('win32', 'x64')[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(samDeskFuses('linux', 'x64')[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(false);
  });

  it('re-sign ad hoc only for Apple silicon (it will not start with a broken signature)', () => {
    expect(samDeskFuses('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true);
    expect(samDeskFuses('darwin', 'x64').resetAdHocDarwinSignature).toBe(false);
    expect(samDeskFuses('win32', 'arm64').resetAdHocDarwinSignature).toBe(false);
  });
});

describe('the afterPack hook', () => {
  it('names the binary that carries the fuse wire on each platform', () => {
    const base = { appOutDir: '/out', arch: 1, packager: { appInfo: { productFilename: 'SAM Desk' }, executableName: 'sam-desk' } };
    expect(electronExecutable({ ...base, electronPlatformName: 'darwin' })).toBe('/out/SAM Desk.app');
    expect(electronExecutable({ ...base, electronPlatformName: 'win32' })).toBe('/out/SAM Desk.exe');
    expect(electronExecutable({ ...base, electronPlatformName: 'linux' })).toBe('/out/sam-desk');
  });

  it('flips the wire of a binary as Electron ships it, and reads every fuse back', async () => {
    const executable = await writeStandInElectron(directory, '45.4.1');
    const fuses = samDeskFuses('linux', 'x64');
    expect((await verifyFuses(executable, fuses)).wrong).toEqual(['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'OnlyLoadAppFromAsar', 'GrantFileProtocolExtraPrivileges']);
    const before = await readFile(executable, 'latin1');
    await flipSamDeskFuses(linuxContext(directory));
    const after = await readFile(executable, 'latin1');
    expect(after.length).toBe(before.length);
    expect(after).toContain('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX\u0001\u000801000100');
    expect(await verifyFuses(executable, fuses)).toEqual({
      wrong: [],
      extra: 0,
      states: ['RunAsNode=off', 'EnableCookieEncryption=on', 'EnableNodeOptionsEnvironmentVariable=off', 'EnableNodeCliInspectArguments=off', 'EnableEmbeddedAsarIntegrityValidation=off', 'OnlyLoadAppFromAsar=on', 'LoadBrowserProcessSpecificV8Snapshot=off', 'GrantFileProtocolExtraPrivileges=off'],
    });
  });

  it('stops the build for a binary with no fuse wire, and for a platform it does not know', async () => {
    await expect(flipSamDeskFuses({ ...linuxContext(directory), packager: { appInfo: { productFilename: 'missing' }, executableName: 'missing' } })).rejects.toThrow();
    await expect(flipSamDeskFuses({ ...linuxContext(directory), electronPlatformName: 'freebsd' })).rejects.toThrow(/freebsd/);
  });
});
