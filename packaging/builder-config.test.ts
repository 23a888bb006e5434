import { existsSync, readFileSync } from 'node:fs';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuilderConfig, validateBuilderConfig } from './builder-config';

/** The release configuration, as electron-builder reads it, holds what installers for partner admins need. */
let config: Configuration;
beforeAll(async () => {
  config = await loadBuilderConfig(process.cwd());
});

const targetsOf = (target: unknown): string[] => (Array.isArray(target) ? target : [target]).map((entry: unknown) => (typeof entry === 'string' ? entry : (entry as { target: string }).target));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema, and the schema is really applied (a wrong key fails)', async () => {
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined();
    await expect(validateBuilderConfig({ ...config, nsis: { ...config.nsis, perUserOnly: true } as never })).rejects.toThrow(/configuration.nsis/);
  });

  it('Windows: a per-user NSIS installer needing no administrator, and a portable exe, registering sam-desk://', () => {
    expect(targetsOf(config.win?.target)).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false });
    expect(config.nsis?.include).toBe('assets/installer.nsh');
  });

  it('Windows: the per-user installer registers sam-desk:// for its user, passing the link on, and removes it on uninstall', () => {
    const script = readFileSync('assets/installer.nsh', 'utf8');
    const install = /!macro customInstall([\s\S]*?)!macroend/.exec(script)?.[1] ?? '';
    const uninstall = /!macro customUnInstall([\s\S]*?)!macroend/.exec(script)?.[1] ?? '';
    expect(install).toContain('WriteRegStr SHCTX "Software\\Classes\\sam-desk" "URL Protocol" ""');
    expect(install).toMatch(/"Software\\Classes\\sam-desk\\shell\\open\\command" "" '"\$INSTDIR\\\$\{APP_EXECUTABLE_FILENAME\}" "%1"'/);
    expect(uninstall).toContain('DeleteRegKey SHCTX "Software\\Classes\\sam-desk"');
    // HKCR or HKLM would need administrator rights the per-user installer does not have.
    expect(script).not.toMatch(/HKCR|HKLM/);
  });

  it('macOS: dmg and zip, hardened runtime with entitlements, notarized by the afterSign hook', () => {
    expect(targetsOf(config.mac?.target)).toEqual(['dmg', 'zip']);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'assets/entitlements.mac.plist', notarize: false });
    expect(config.afterSign).toBe('packaging/hooks/after-sign.mjs');
  });

  it('Linux: AppImage and deb, with libsecret for the keychain', () => {
    expect(targetsOf(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.deb?.depends).toContain('libsecret-1-0');
  });

  it('registers the sam-desk:// protocol, flips fuses after packing and unpacks keytar', () => {
    expect(config.protocols).toEqual([{ name: 'SAM Desk', schemes: ['sam-desk'] }]);
    expect(config.afterPack).toBe('packaging/hooks/after-pack.mjs');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/node_modules/keytar/build/Release/*.node']);
    expect(config.npmRebuild).toBe(false);
  });

  it('names files that exist: hooks, entitlements, NSIS include and every platform’s icon', () => {
    for (const file of [config.afterPack, config.afterSign, config.mac?.entitlements, config.nsis?.include, config.win?.icon, config.mac?.icon, config.linux?.icon]) {
      expect(typeof file).toBe('string');
      expect(existsSync(file as string), String(file)).toBe(true);
    }
  });
});
