import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runtimePackagePaths, type PackageLock } from './runtime-dependencies';

describe('the run-time packages, from the lock', () => {
  it('resolves as Node does: a nested copy first, then the parents’', () => {
    const lock: PackageLock = {
      packages: {
        '': {},
        'node_modules/app-dep': { dependencies: { shared: '^2', other: '^1' } },
        'node_modules/app-dep/node_modules/shared': {},
        'node_modules/shared': {},
        'node_modules/other': { peerDependencies: { peer: '*', optionalPeer: '*' }, peerDependenciesMeta: { optionalPeer: { optional: true } } },
        'node_modules/peer': {},
        'node_modules/optionalPeer': {},
      },
    };
    expect([...runtimePackagePaths(lock, ['app-dep'])].sort()).toEqual(['node_modules/app-dep', 'node_modules/app-dep/node_modules/shared', 'node_modules/other', 'node_modules/peer']);
  });

  it('leaves out a native module’s install-time helpers and what only they use', () => {
    const lock: PackageLock = { packages: { 'node_modules/native': { dependencies: { 'prebuild-install': '*', 'node-addon-api': '*' } }, 'node_modules/prebuild-install': { dependencies: { tar: '*' } }, 'node_modules/tar': {}, 'node_modules/node-addon-api': {} } };
    expect([...runtimePackagePaths(lock, ['native'])]).toEqual(['node_modules/native']);
  });

  it('for SAM Desk: msal-node, the Azure SDK, keytar and zod, no React (bundled) and no build tools', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as PackageLock;
    const dependencies = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    const runtime = runtimePackagePaths(lock, dependencies);
    for (const needed of ['node_modules/@azure/msal-node', 'node_modules/@azure/identity', 'node_modules/@azure/keyvault-secrets', 'node_modules/keytar', 'node_modules/zod']) expect(runtime.has(needed), needed).toBe(true);
    for (const unwanted of ['node_modules/react', 'node_modules/@fluentui/react-components', 'node_modules/electron', 'node_modules/tsx', 'node_modules/prebuild-install', 'node_modules/vite']) expect(runtime.has(unwanted), unwanted).toBe(false);
  });
});
